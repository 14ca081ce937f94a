import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { PageArgs } from '@academy/common';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsDate,
  IsEnum,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { PracticeMode } from '../entities/practice-session.entity.js';
import { Confidence } from '../reviews/review-schedule.js';

const SLUG = /^[a-z][a-z0-9-]*$/;
const OPTION_ID = /^[a-z0-9-]+$/;

@InputType('PrepAnswerInput', { description: 'The options chosen for one question.' })
export class PrepAnswerInput {
  @Field({ description: 'The question id, as shown.' })
  @Matches(SLUG)
  @MaxLength(100)
  questionId!: string;

  @Field(() => [String], {
    description: 'Chosen option ids; for an ordering question, every option in order.',
  })
  @ArrayMaxSize(20)
  @Matches(OPTION_ID, { each: true })
  optionIds!: string[];
}

@InputType('SaveMockExamAnswerInput', { description: 'Save one answer of an open mock exam.' })
export class SaveMockExamAnswerInput {
  @Field(() => ID, { description: 'The mock exam.' })
  @IsUUID()
  examId!: string;

  @Field(() => PrepAnswerInput, { description: 'The answer to save.' })
  @ValidateNested()
  @Type(() => PrepAnswerInput)
  answer!: PrepAnswerInput;
}

@InputType('SubmitMockExamInput', {
  description: 'Submit a mock exam for grading, with any answers not saved yet.',
})
export class SubmitMockExamInput {
  @Field(() => ID, { description: 'The mock exam.' })
  @IsUUID()
  examId!: string;

  @Field(() => [PrepAnswerInput], { description: 'Answers given now; saved ones still count.' })
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => PrepAnswerInput)
  answers!: PrepAnswerInput[];

  @Field({
    description:
      'A key of your choice (8 to 128 characters, e.g. a UUID): a retry with the same key gets the same result.',
  })
  @IsString()
  @Length(8, 128)
  idempotencyKey!: string;
}

@InputType('StartPracticeSessionInput', { description: 'Start a short practice session.' })
export class StartPracticeSessionInput {
  @Field({ description: 'A certification-prep track.' })
  @Matches(SLUG)
  @MaxLength(100)
  trackSlug!: string;

  @Field(() => PracticeMode, { description: 'Adaptive practice, or the reviews due.' })
  @IsEnum(PracticeMode)
  mode!: PracticeMode;
}

@InputType('AnswerPracticeQuestionInput', {
  description: 'Answer one question of a practice session; feedback comes at once.',
})
export class AnswerPracticeQuestionInput extends PrepAnswerInput {
  @Field(() => ID, { description: 'The practice session.' })
  @IsUUID()
  sessionId!: string;

  @Field(() => Confidence, {
    nullable: true,
    description: 'How sure you are; LOW schedules even a right answer for review.',
  })
  @IsOptional()
  @IsEnum(Confidence)
  confidence?: Confidence | null;
}

@ArgsType()
export class TrackArgs {
  @Field({ description: 'A certification-prep track.' })
  @Matches(SLUG)
  @MaxLength(100)
  trackSlug!: string;
}

@ArgsType()
export class MockExamArgs {
  @Field(() => ID, { description: 'The mock exam id.' })
  @IsUUID()
  id!: string;
}

@ArgsType()
export class ReviewQueueArgs extends PageArgs {
  @Field({ description: 'A certification-prep track.' })
  @Matches(SLUG)
  @MaxLength(100)
  trackSlug!: string;
}

@ArgsType()
export class StudyPlanArgs extends TrackArgs {
  @Field(() => Date, { description: 'The day of your exam; it must be in the future.' })
  @IsDate()
  examOn!: Date;
}
