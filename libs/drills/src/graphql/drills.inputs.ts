import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsInt,
  IsOptional,
  Max,
  Min,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { MissedPolicy } from '../entities/drill-run.entity.js';
import { MAX_PARTICIPANTS } from '../scheduling/drill-scheduler.service.js';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

@InputType('DrillParticipantInput', { description: 'A person and the scenario role they play.' })
export class DrillParticipantInput {
  @Field(() => ID, { description: "The person's id." })
  @IsUUID()
  userId!: string;

  @Field({ description: "The role's slug in the scenario, e.g. incident-commander." })
  @Matches(SLUG)
  @MaxLength(100)
  roleSlug!: string;
}

@InputType('DrillGroupInput', {
  description: "A group whose active members all play one of the scenario's roles.",
})
export class DrillGroupInput {
  @Field(() => ID, { description: "The group's id." })
  @IsUUID()
  groupId!: string;

  @Field({ description: "The role's slug in the scenario, e.g. soc-analyst." })
  @Matches(SLUG)
  @MaxLength(100)
  roleSlug!: string;
}

@InputType('DrillTeamInput', { isAbstract: true })
class DrillTeamInput {
  @Field({ description: "The scenario's slug in the catalog." })
  @Matches(SLUG)
  @MaxLength(100)
  scenarioSlug!: string;

  @Field(() => [DrillParticipantInput], {
    defaultValue: [],
    description: `People named with their roles; with the groups' members, 1 to ${MAX_PARTICIPANTS} in all. A person named here and in a group plays the role named here.`,
  })
  @ValidateNested({ each: true })
  @Type(() => DrillParticipantInput)
  @ArrayMaxSize(MAX_PARTICIPANTS)
  participants!: DrillParticipantInput[];

  @Field(() => [DrillGroupInput], {
    nullable: true,
    description:
      "Groups whose active members take part, each in the group's role (members at scheduling time; a series keeps that team).",
  })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => DrillGroupInput)
  @ArrayMaxSize(20)
  groups?: DrillGroupInput[] | null;

  @Field(() => ID, {
    nullable: true,
    description: 'A participant who may pause, resume, skip ahead and end the run.',
  })
  @IsOptional()
  @IsUUID()
  facilitatorId?: string | null;

  @Field(() => MissedPolicy, {
    nullable: true,
    description: 'What happens if the run cannot open on time (default RUN_LATE).',
  })
  @IsOptional()
  missedPolicy?: MissedPolicy | null;
}

@InputType('ScheduleDrillInput', { description: 'A drill run to schedule.' })
export class ScheduleDrillInput extends DrillTeamInput {
  @Field(() => Date, { description: 'When the run opens (in the future).' })
  startsAt!: Date;
}

@InputType('ScheduleDrillSeriesInput', { description: 'A recurring drill to schedule.' })
export class ScheduleDrillSeriesInput extends DrillTeamInput {
  @Field(() => Date, {
    description: "The first occurrence's start (in the future): the rule's DTSTART.",
  })
  firstStartsAt!: Date;

  @Field({
    description:
      'An RFC 5545 recurrence rule without DTSTART, at most hourly, e.g. FREQ=MONTHLY;INTERVAL=3 (quarterly) or FREQ=WEEKLY;BYDAY=TU;COUNT=4.',
  })
  @MaxLength(500)
  rrule!: string;
}

@InputType('SubmitDrillDecisionInput', { description: 'An answer to a decision point.' })
export class SubmitDrillDecisionInput {
  @Field(() => ID, { description: 'The run.' })
  @IsUUID()
  runId!: string;

  @Field({ description: 'The inject whose decision you answer.' })
  @Matches(SLUG)
  @MaxLength(100)
  injectSlug!: string;

  @Field({ description: 'The option you choose.' })
  @Matches(/^[a-z0-9-]+$/)
  @MaxLength(50)
  optionId!: string;
}

@ArgsType()
export class RunIdArgs {
  @Field(() => ID, { description: 'The run.' })
  @IsUUID()
  runId!: string;
}

@ArgsType()
export class ScenarioSlugArgs {
  @Field({ description: "The scenario's slug in the catalog." })
  @Matches(SLUG)
  @MaxLength(100)
  scenarioSlug!: string;
}

@ArgsType()
export class ParticipationArgs {
  @Field(() => ID, { nullable: true, description: 'One group only; all groups when absent.' })
  @IsOptional()
  @IsUUID()
  groupId?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'How many months back, this one included (1 to 36, default 12).',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(36)
  months?: number | null;
}
