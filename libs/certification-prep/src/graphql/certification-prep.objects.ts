import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '@academy/common';
import type { Question } from '@academy/catalog';
import { QuestionType } from '@academy/learning';
import { MockExamGradedBy, MockExamStatus } from '../entities/mock-exam.entity.js';
import { PracticeMode } from '../entities/practice-session.entity.js';

@ObjectType('PrepOption', { description: 'An option as shown, without whether it is right.' })
export class PrepOption {
  @Field({ description: 'The option id, to answer with.' })
  id!: string;

  @Field({ description: 'The option as shown.' })
  text!: string;
}

@ObjectType('PrepQuestion', {
  description: 'A bank question as shown: stem and options in their drawn order, no answer key.',
})
export class PrepQuestion {
  @Field({ description: 'The question id, to answer it with.' })
  id!: string;

  @Field({ description: 'The blueprint domain it belongs to.' })
  domain!: string;

  @Field(() => QuestionType, { description: 'How it is answered.' })
  type!: Question['type'];

  @Field({ description: 'The question.' })
  stem!: string;

  @Field(() => [PrepOption], { description: 'The options in the order drawn for you.' })
  options!: PrepOption[];
}

@ObjectType('MockExamQuestion', { description: 'A question of a mock exam, with what you chose.' })
export class MockExamQuestion extends PrepQuestion {
  @Field(() => [String], { description: 'The options saved or submitted so far.' })
  chosenOptionIds!: string[];
}

@ObjectType('ReviewedOption', {
  description: 'An option after grading: whether it is right, and why.',
})
export class ReviewedOption {
  @Field({ description: 'The option id.' })
  id!: string;

  @Field({ description: 'The option as shown.' })
  text!: string;

  @Field({ description: 'Whether the option is one of the right ones.' })
  correct!: boolean;

  @Field({ description: 'Why the option is right or wrong.' })
  explanation!: string;
}

@ObjectType('ReviewedQuestion', {
  description: 'A question after grading: your answer, the key and the explanations.',
})
export class ReviewedQuestion {
  @Field({ description: 'The question id.' })
  questionId!: string;

  @Field({ description: 'The blueprint domain it belongs to.' })
  domain!: string;

  @Field(() => [String], { description: 'The options you chose.' })
  chosenOptionIds!: string[];

  @Field({ description: 'Exactly the right set (or order) of options.' })
  correct!: boolean;

  @Field(() => [String], { description: 'The right options (for ordering: the right order).' })
  correctOptionIds!: string[];

  @Field({ description: 'Why the right answer is right.' })
  explanation!: string;

  @Field(() => [ReviewedOption], { description: 'Every option with whether it is right and why.' })
  options!: ReviewedOption[];
}

@ObjectType('DomainResult', { description: 'How a mock exam went in one blueprint domain.' })
export class DomainResult {
  @Field({ description: 'The domain slug.' })
  domain!: string;

  @Field({ description: 'The domain title.' })
  title!: string;

  @Field(() => Int, { description: 'Questions of the domain in the exam.' })
  questions!: number;

  @Field(() => Int, { description: 'Of which answered right.' })
  correct!: number;

  @Field(() => Int, { description: 'Percent right in the domain, rounded down.' })
  score!: number;
}

@ObjectType('MockExamResult', { description: 'The grade of a mock exam.' })
export class MockExamResult {
  @Field(() => Int, { description: 'Percent right, rounded down.' })
  score!: number;

  @Field({ description: 'Whether the score reaches the blueprint’s passing score.' })
  passed!: boolean;

  @Field(() => Int, { description: 'The blueprint’s passing score, in percent.' })
  passingScore!: number;

  @Field({ description: 'When it was graded.' })
  gradedAt!: Date;

  @Field(() => MockExamGradedBy, {
    description: 'Whether the submission or the deadline graded it.',
  })
  gradedBy!: MockExamGradedBy;

  @Field(() => [DomainResult], { description: 'Per blueprint domain, in the blueprint’s order.' })
  domains!: DomainResult[];

  @Field(() => [ReviewedQuestion], { description: 'Every question with its key and explanations.' })
  review!: ReviewedQuestion[];
}

@ObjectType('MockExam', {
  description:
    "A timed mock exam drawn by a certification-prep track's blueprint, held and graded by the server.",
})
export class MockExam {
  @Field(() => ID, { description: 'The exam id.' })
  id!: string;

  @Field({ description: 'The certification-prep track.' })
  trackSlug!: string;

  @Field({ description: 'The title of the track.' })
  trackTitle!: string;

  @Field(() => MockExamStatus, { description: 'Open or graded.' })
  status!: MockExamStatus;

  @Field({ description: 'When it started; the clock runs on the server.' })
  startedAt!: Date;

  @Field({ description: 'Answers after it (and 2 s of grace) do not count.' })
  deadlineAt!: Date;

  @Field(() => [MockExamQuestion], { description: 'The questions in their drawn order.' })
  questions!: MockExamQuestion[];

  @Field(() => MockExamResult, { nullable: true, description: 'Null until graded.' })
  result!: MockExamResult | null;
}

@ObjectType('DomainReadiness', {
  description: 'The estimated chance of answering a question of one domain right (Beta posterior).',
})
export class DomainReadinessObject {
  @Field({ description: 'The domain slug.' })
  domain!: string;

  @Field({ description: 'The domain title.' })
  title!: string;

  @Field(() => Int, { description: 'Distinct questions of the domain answered.' })
  answered!: number;

  @Field(() => Int, { description: 'Of which the latest answer was right.' })
  correct!: number;

  @Field(() => Float, { description: 'Posterior mean, 0 to 1.' })
  estimate!: number;

  @Field(() => Float, { description: 'Posterior standard deviation.' })
  uncertainty!: number;

  @Field(() => Float, { description: 'Lower end of the 90 % credible interval.' })
  low!: number;

  @Field(() => Float, { description: 'Upper end of the 90 % credible interval.' })
  high!: number;
}

@ObjectType('ReadinessTrendPoint', { description: 'Readiness as it stood at a past moment.' })
export class ReadinessTrendPoint {
  @Field({ description: 'Estimated from the answers given up to this moment.' })
  at!: Date;

  @Field(() => Float, { description: 'Expected exam score, 0 to 1.' })
  expectedScore!: number;

  @Field(() => Float, { description: 'Probability of passing, 0 to 1.' })
  passProbability!: number;
}

@ObjectType('Readiness', {
  description:
    "How ready a learner is for a track's exam, from their answer history (the model is described in the README).",
})
export class ReadinessObject {
  @Field({ description: 'The certification-prep track.' })
  trackSlug!: string;

  @Field(() => Int, { description: 'The blueprint’s passing score, in percent.' })
  passingScore!: number;

  @Field(() => [DomainReadinessObject], {
    description: 'Per blueprint domain, in the blueprint order.',
  })
  domains!: DomainReadinessObject[];

  @Field(() => Float, { description: 'Expected exam score, 0 to 1.' })
  expectedScore!: number;

  @Field(() => Float, { description: 'Standard deviation of the exam score.' })
  scoreUncertainty!: number;

  @Field(() => Float, { description: 'Probability of passing the exam now, 0 to 1.' })
  passProbability!: number;

  @Field(() => [ReadinessTrendPoint], {
    description: 'Now and every 7 days back over 8 weeks, oldest first; the last is now.',
  })
  trend!: ReadinessTrendPoint[];
}

@ObjectType('PracticeSession', {
  description: 'A short practice session; answer its questions one by one.',
})
export class PracticeSession {
  @Field(() => ID, { description: 'The session id.' })
  id!: string;

  @Field({ description: 'The certification-prep track.' })
  trackSlug!: string;

  @Field(() => PracticeMode, { description: 'What the session drew.' })
  mode!: PracticeMode;

  @Field(() => [PrepQuestion], { description: 'The questions to answer, without their keys.' })
  questions!: PrepQuestion[];
}

@ObjectType('PracticeFeedback', {
  description:
    'Immediate feedback on a practice answer: the key and explanations of that question.',
})
export class PracticeFeedback extends ReviewedQuestion {
  @Field(() => Date, {
    nullable: true,
    description: 'When the question comes back for review; null when it is not scheduled.',
  })
  nextReviewAt!: Date | null;
}

@ObjectType('ReviewItem', { description: 'A question due for review (spaced repetition, FSRS).' })
export class ReviewItem {
  @Field(() => ID, { description: 'The review card id.' })
  id!: string;

  @Field({ description: 'The question id.' })
  questionId!: string;

  @Field({ description: 'The blueprint domain of the question.' })
  domain!: string;

  @Field({ description: 'When it fell due.' })
  dueAt!: Date;

  @Field(() => Int, { description: 'Times it was missed after being learned.' })
  lapses!: number;

  @Field(() => Int, { description: 'Times it was reviewed.' })
  reviews!: number;
}

@ObjectType('ReviewItemConnection', { description: 'A page of the review queue (Relay).' })
export class ReviewItemConnection extends ConnectionType(ReviewItem, 'ReviewItem') {}

@ObjectType('StudyTarget', {
  description: 'What to practise in one domain each week until the exam.',
})
export class StudyTarget {
  @Field({ description: 'The domain slug.' })
  domain!: string;

  @Field({ description: 'The domain title.' })
  title!: string;

  @Field(() => Float, { description: 'Your readiness estimate in the domain now, 0 to 1.' })
  estimate!: number;

  @Field(() => Int, { description: 'Questions to practise in the domain before the exam.' })
  totalQuestions!: number;

  @Field(() => Int, { description: 'Of which each week.' })
  questionsPerWeek!: number;
}

@ObjectType('StudyPlan', {
  description:
    'Weekly practice targets per domain until your exam, recomputed from your readiness each time it is read.',
})
export class StudyPlanObject {
  @Field({ description: 'The certification-prep track.' })
  trackSlug!: string;

  @Field({ description: 'The exam day the plan leads to.' })
  examOn!: Date;

  @Field(() => Int, { description: 'Weeks left, a part week counting as one.' })
  weeksLeft!: number;

  @Field(() => Float, { description: 'Probability of passing if the exam were now, 0 to 1.' })
  passProbability!: number;

  @Field(() => [StudyTarget], { description: 'Per blueprint domain, in the blueprint order.' })
  targets!: StudyTarget[];
}
