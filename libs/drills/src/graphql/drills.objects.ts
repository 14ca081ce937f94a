import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType } from '@academy/common';
import { DrillRunMode, DrillRunStatus, MissedPolicy } from '../entities/drill-run.entity.js';

registerEnumType(DrillRunStatus, {
  name: 'DrillRunStatus',
  description:
    'SCHEDULED: waits for its start time; RUNNING: injects come out on the timeline; PAUSED: the timeline stands still; ENDED: scoring follows; SCORED: the after-action report is ready.',
  valuesMap: {
    SCHEDULED: { description: 'Waits for its start time.' },
    RUNNING: { description: 'Injects are released on the timeline; decisions are taken.' },
    PAUSED: { description: 'Paused by a facilitator: no injects, no answers.' },
    ENDED: { description: 'Over; the worker is scoring it.' },
    SCORED: { description: 'Scored: the after-action report is ready.' },
    SKIPPED: { description: 'Missed (no worker opened it in time) and skipped by its policy.' },
  },
});

registerEnumType(DrillRunMode, {
  name: 'DrillRunMode',
  description: 'How a drill is played.',
  valuesMap: {
    TEAM: { description: 'Scheduled for people in roles; injects come out on a timeline.' },
    SELF_PACED: {
      description: 'One learner alone in every role; injects come out as they advance.',
    },
  },
});

registerEnumType(MissedPolicy, {
  name: 'MissedPolicy',
  description: `What happens to a drill that could not open within DRILL_MISSED_AFTER_MINUTES of its start (the workers were down). Either way it is audited.`,
  valuesMap: {
    RUN_LATE: { description: 'Run it late, from its first inject.' },
    SKIP: { description: 'Skip it.' },
  },
});

@ObjectType('DrillParticipant', { description: 'A person taking part in a drill run, in a role.' })
export class DrillParticipant {
  @Field(() => ID, { description: "The person's id." })
  userId!: string;

  @Field({ description: "The person's display name." })
  displayName!: string;

  @Field({ description: "The scenario role's slug, e.g. incident-commander." })
  roleSlug!: string;
}

@ObjectType('DrillRun', { description: 'One playing of a drill scenario by a team.' })
export class DrillRun {
  @Field(() => ID, { description: 'The run id.' })
  id!: string;

  @Field({ description: "The scenario's slug in the catalog." })
  scenarioSlug!: string;

  @Field({ description: "The scenario's title." })
  title!: string;

  @Field(() => DrillRunStatus, { description: 'Where the run stands.' })
  status!: DrillRunStatus;

  @Field(() => Date, { description: 'When the run is scheduled to open.' })
  startsAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When the worker opened it.' })
  openedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'Since when it is paused, while paused.' })
  pausedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it ended.' })
  endedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When its after-action report was written.' })
  scoredAt!: Date | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'The participant who may pause, resume, skip ahead and end it (admins always may).',
  })
  facilitatorId!: string | null;

  @Field(() => DrillRunMode, { description: 'A team drill or self-paced practice.' })
  mode!: DrillRunMode;

  @Field(() => MissedPolicy, { description: 'What happens if it cannot open on time.' })
  missedPolicy!: MissedPolicy;

  @Field(() => ID, { nullable: true, description: 'The recurring series it is an occurrence of.' })
  seriesId!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Your role in this run; null when you manage drills without taking part.',
  })
  myRole!: string | null;
}

export const DrillRunConnection = ConnectionType(DrillRun, 'DrillRun');

@ObjectType('DrillSeries', {
  description: 'A recurring drill: one scenario and team on an RRULE schedule.',
})
export class DrillSeries {
  @Field(() => ID, { description: 'The series id.' })
  id!: string;

  @Field({ description: "The scenario's slug." })
  scenarioSlug!: string;

  @Field({ description: 'The RFC 5545 recurrence rule, e.g. FREQ=MONTHLY;INTERVAL=3.' })
  rrule!: string;

  @Field(() => Date, { description: "The first occurrence's start (the rule's DTSTART)." })
  firstStartsAt!: Date;

  @Field(() => MissedPolicy, {
    description: 'What happens to an occurrence that cannot open on time.',
  })
  missedPolicy!: MissedPolicy;
}

@ObjectType('DrillOption', {
  description: 'An option of a decision point, as participants see it.',
})
export class DrillOption {
  @Field({ description: 'The option id to answer with.' })
  id!: string;

  @Field({ description: 'What the option says.' })
  text!: string;
}

@ObjectType('DrillResponse', {
  description: 'An answer to a decision point. Its score appears only in the after-action report.',
})
export class DrillResponse {
  @Field({ description: 'The inject whose decision it answers.' })
  injectSlug!: string;

  @Field({ description: 'The chosen option.' })
  optionId!: string;

  @Field(() => ID, { description: 'Who answered.' })
  userId!: string;

  @Field({ description: 'The role they answered in.' })
  roleSlug!: string;

  @Field(() => Date, { description: 'When the answer was taken.' })
  submittedAt!: Date;

  @Field({ description: 'Taken after the response window closed: scored by the late rule.' })
  late!: boolean;
}

@ObjectType('DrillDecision', { description: 'A decision point of an inject.' })
export class DrillDecision {
  @Field({ description: 'The question to the team.' })
  prompt!: string;

  @Field(() => [String], { description: 'The roles that answer it.' })
  answeredBy!: string[];

  @Field(() => Int, { description: 'Minutes to answer on time.' })
  responseWindowMinutes!: number;

  @Field(() => Date, { description: 'When the response window closes (later answers are late).' })
  closesAt!: Date;

  @Field(() => [DrillOption], { description: 'The options, without scores or rationales.' })
  options!: DrillOption[];

  @Field(() => DrillResponse, {
    nullable: true,
    description: "The answer that counts for you: your role's in per-role drills, yours otherwise.",
  })
  myResponse!: DrillResponse | null;
}

@ObjectType('DrillInject', {
  description: 'A released inject: news that reaches the team during a drill.',
})
export class DrillInject {
  @Field(() => ID, { description: 'The release id.' })
  id!: string;

  @Field(() => ID, { description: 'The run it belongs to.' })
  runId!: string;

  @Field({ description: "The inject's slug in the scenario." })
  slug!: string;

  @Field({ description: 'The headline.' })
  title!: string;

  @Field({
    description:
      'The NIST SP 800-61 phase: preparation, detection-analysis, containment-eradication-recovery or post-incident.',
  })
  phase!: string;

  @Field({ description: 'The inject itself, in Markdown.' })
  body!: string;

  @Field(() => Date, { description: 'When it was released.' })
  releasedAt!: Date;

  @Field(() => DrillDecision, { nullable: true, description: 'The decision it asks for, if any.' })
  decision!: DrillDecision | null;
}

@ObjectType('DrillRole', { description: 'A role of a drill scenario.' })
export class DrillRole {
  @Field({ description: "The role's slug, to assign participants with." })
  slug!: string;

  @Field({ description: "The role's title." })
  title!: string;

  @Field({ description: 'What the role does in the exercise.' })
  description!: string;
}

@ObjectType('DrillScenario', {
  description:
    'A tabletop scenario of the catalog. Its injects, options and scores stay hidden until played.',
})
export class DrillScenarioSummary {
  @Field({ description: "The scenario's slug." })
  slug!: string;

  @Field({ description: 'The title.' })
  title!: string;

  @Field({ description: 'What the exercise is about.' })
  summary!: string;

  @Field(() => Int, { description: 'How long a team run lasts, in minutes.' })
  durationMinutes!: number;

  @Field({ description: 'per-role (one answer per role) or per-participant.' })
  responseMode!: string;

  @Field(() => Int, { description: 'How many injects it has.' })
  injectCount!: number;

  @Field(() => [DrillRole], { description: 'The roles to assign.' })
  roles!: DrillRole[];

  @Field(() => [String], { description: 'Framework references, e.g. mitre-atlas:AML.T0051.001.' })
  frameworks!: string[];
}

@ObjectType('DrillGroupParticipation', {
  description: 'Drill participation and scores of one group in one month (scored team drills).',
})
export class DrillGroupParticipation {
  @Field(() => ID, { description: 'The group.' })
  groupId!: string;

  @Field({ description: "The group's name." })
  groupName!: string;

  @Field(() => Date, { description: 'The first day (UTC) of the month.' })
  month!: Date;

  @Field(() => Int, { description: "Runs the group's members took part in." })
  runs!: number;

  @Field(() => Int, { description: 'Participations of members (a person in a run).' })
  participants!: number;

  @Field(() => Int, { description: 'Participations with at least one decision answered.' })
  responded!: number;

  @Field(() => Float, { nullable: true, description: "The members' average score, 0 to 100." })
  averageScorePercent!: number | null;
}
