import { Field, ID, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsBoolean,
  IsDate,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Type } from 'class-transformer';
import { DueFrom, LearningItemKind } from './learning.enums.js';

const SLUG = /^[a-z][a-z0-9-]*$/;

@InputType('DueDateInput', {
  description:
    'Either a date (dueOn) or a number of days (dueWithinDays, from dueFrom); or nothing.',
})
export class DueDateInput {
  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate()
  dueOn?: Date | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3650)
  dueWithinDays?: number | null;

  @Field(() => DueFrom, { nullable: true, description: 'Defaults to ASSIGNMENT.' })
  @IsOptional()
  @IsEnum(DueFrom)
  dueFrom?: DueFrom | null;
}

@InputType('AssignLearningInput', { description: 'Assign a course or track to people and groups.' })
export class AssignLearningInput extends DueDateInput {
  @Field(() => LearningItemKind)
  @IsEnum(LearningItemKind)
  itemKind!: LearningItemKind;

  @Field()
  @Matches(SLUG)
  @MaxLength(100)
  itemSlug!: string;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(10_000)
  @IsUUID('all', { each: true })
  userIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Everyone in these groups now.' })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  groupIds?: string[] | null;

  @Field(() => Int, { nullable: true, description: 'Recertify every N months (1 to 120).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(120)
  recurrenceMonths?: number | null;
}

@InputType('AssignmentRuleInput', {
  description:
    'A standing rule: assign to everyone who joins a group, or the organization, from now on.',
})
export class AssignmentRuleInput extends DueDateInput {
  @Field(() => LearningItemKind)
  @IsEnum(LearningItemKind)
  itemKind!: LearningItemKind;

  @Field()
  @Matches(SLUG)
  @MaxLength(100)
  itemSlug!: string;

  @Field(() => ID, { nullable: true, description: 'Follow this group (or set newHires).' })
  @IsOptional()
  @IsUUID()
  groupId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Follow everyone invited from now on.' })
  @IsOptional()
  @IsBoolean()
  newHires?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Also assign now to the current members (for newHires: everyone active).',
  })
  @IsOptional()
  @IsBoolean()
  includeExisting?: boolean | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(120)
  recurrenceMonths?: number | null;
}

@InputType('CompleteLessonInput')
export class CompleteLessonInput {
  @Field(() => ID)
  @IsUUID()
  enrollmentId!: string;

  @Field()
  @Matches(SLUG)
  @MaxLength(100)
  lessonSlug!: string;

  @Field(() => Boolean, {
    nullable: true,
    description: "Acknowledges the lesson's attestation statement; required when it has one.",
  })
  @IsOptional()
  @IsBoolean()
  acknowledged?: boolean | null;
}

@InputType('QuizAnswerInput', {
  description: 'The options chosen for one question (in order, for ordering).',
})
export class QuizAnswerInput {
  @Field()
  @IsString()
  @MaxLength(100)
  questionId!: string;

  @Field(() => [String])
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(50, { each: true })
  optionIds!: string[];
}

@InputType('SubmitQuizAttemptInput', {
  description:
    'Choices only: the questions, their order, the deadline, the grade and who answers all come from the server.',
})
export class SubmitQuizAttemptInput {
  @Field(() => ID)
  @IsUUID()
  attemptId!: string;

  @Field(() => [QuizAnswerInput], { description: 'Answers not saved yet; saved ones count too.' })
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => QuizAnswerInput)
  answers!: QuizAnswerInput[];

  @Field({
    description:
      'A key for this submission (8 to 128 characters): a retry with it gets the same grade.',
  })
  @IsString()
  @Length(8, 128)
  idempotencyKey!: string;
}

@InputType('RevokeCertificateInput')
export class RevokeCertificateInput {
  @Field()
  @IsString()
  @MaxLength(40)
  serial!: string;

  @Field()
  @IsString()
  @Length(1, 500)
  reason!: string;
}
