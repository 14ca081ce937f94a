import { Field, ID, Int, ObjectType, createUnionType } from '@nestjs/graphql';
import { ConnectionType, GraphQLJSONObject } from '@academy/common';
import {
  AttemptStatus,
  CertificateStatus,
  DueFrom,
  EnrollmentState,
  GradedBy,
  LearningItemKind,
  QuestionType,
  QuizClosedReason,
} from './learning.enums.js';

@ObjectType('AssignmentProgress', { description: 'How the enrollments of an assignment stand.' })
export class AssignmentProgress {
  @Field(() => Int, { description: 'Open: not started or in progress (overdue included).' })
  open!: number;

  @Field(() => Int)
  completed!: number;

  @Field(() => Int, { description: 'Open and past their due date.' })
  overdue!: number;
}

@ObjectType('Assignment', {
  description:
    'A decision that people take a course or track by a due date; as a rule, it also reaches people who join a group or the organization later.',
})
export class Assignment {
  @Field(() => ID)
  id!: string;

  @Field(() => LearningItemKind)
  itemKind!: LearningItemKind;

  @Field()
  itemSlug!: string;

  @Field(() => Date, { nullable: true, description: 'The due date, when it is absolute.' })
  dueOn!: Date | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Days to complete, when the due date is relative.',
  })
  dueWithinDays!: number | null;

  @Field(() => DueFrom, { nullable: true })
  dueFrom!: DueFrom | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Months after each completion until the next cycle is due (recertification).',
  })
  recurrenceMonths!: number | null;

  @Field(() => ID, { nullable: true, description: 'As a rule: everyone who joins this group.' })
  followsGroupId!: string | null;

  @Field({ description: 'As a rule: everyone who joins the organization.' })
  followsNewHires!: boolean;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it was withdrawn; its history stays.' })
  withdrawnAt!: Date | null;

  @Field(() => AssignmentProgress, { nullable: true })
  progress!: AssignmentProgress | null;
}

@ObjectType('AssignmentConnection')
export class AssignmentConnection extends ConnectionType(Assignment, 'Assignment') {}

@ObjectType('AssignmentResult', { description: 'An assignment made, and whom it reached now.' })
export class AssignmentResult {
  @Field(() => Assignment)
  assignment!: Assignment;

  @Field(() => Int, {
    description: 'People enrolled now; those who already had the item open are not counted twice.',
  })
  peopleEnrolled!: number;
}

@ObjectType('LessonPointer', { description: 'A lesson to go to.' })
export class LessonPointer {
  @Field()
  slug!: string;

  @Field()
  title!: string;
}

@ObjectType('Enrollment', {
  description: "One person's current or past cycle of a course or track.",
})
export class Enrollment {
  @Field(() => ID)
  id!: string;

  @Field(() => LearningItemKind)
  itemKind!: LearningItemKind;

  @Field()
  itemSlug!: string;

  @Field()
  title!: string;

  @Field(() => EnrollmentState)
  state!: EnrollmentState;

  @Field({ description: 'Assigned (required) rather than chosen by the learner.' })
  assigned!: boolean;

  @Field(() => Int, { description: '1 for the first cycle; recertification opens the next.' })
  cycle!: number;

  @Field(() => Date, { nullable: true })
  dueAt!: Date | null;

  @Field()
  enrolledAt!: Date;

  @Field(() => Date, { nullable: true })
  startedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  completedAt!: Date | null;

  @Field(() => Int, { description: 'Lessons of the course, or courses of the track.' })
  partsTotal!: number;

  @Field(() => Int, { description: 'Of those, how many are done.' })
  partsDone!: number;

  @Field(() => [String], { description: 'Slugs of the lessons (or courses) done.' })
  completedParts!: string[];

  @Field(() => LessonPointer, {
    nullable: true,
    description: 'Where to continue: the resume point, or the first lesson not done.',
  })
  nextLesson!: LessonPointer | null;
}

@ObjectType('LessonProgress', { description: 'One lesson in one enrollment.' })
export class LessonProgress {
  @Field()
  lessonSlug!: string;

  @Field()
  startedAt!: Date;

  @Field(() => Date, { nullable: true })
  completedAt!: Date | null;

  @Field(() => Int, {
    description: 'Time spent, measured by the server (at most an hour per visit).',
  })
  secondsSpent!: number;
}

@ObjectType('LessonStep', {
  description: 'A lesson opened or completed, and where its enrollment now stands.',
})
export class LessonStep {
  @Field(() => LessonProgress)
  progress!: LessonProgress;

  @Field(() => Enrollment)
  enrollment!: Enrollment;
}

@ObjectType('RecentResult', { description: 'A recent quiz result or certificate.' })
export class RecentResult {
  @Field({ description: 'quiz-attempt or certificate.' })
  kind!: string;

  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  @Field()
  at!: Date;

  @Field(() => Int, { nullable: true })
  score!: number | null;

  @Field(() => Boolean, { nullable: true })
  passed!: boolean | null;

  @Field(() => String, { nullable: true, description: 'The serial of a certificate.' })
  serial!: string | null;
}

@ObjectType('LearnerDashboard', {
  description: 'What a learner sees first: what is due, where they are, how they did.',
})
export class LearnerDashboard {
  @Field(() => [Enrollment], {
    description: 'Open enrollments (soonest due first), then those completed in the last 30 days.',
  })
  enrollments!: Enrollment[];

  @Field(() => Int)
  overdueCount!: number;

  @Field(() => [RecentResult])
  recentResults!: RecentResult[];
}

@ObjectType('AttemptOption', { description: 'An option as shown in an attempt: text only.' })
export class AttemptOption {
  @Field()
  id!: string;

  @Field()
  text!: string;
}

@ObjectType('AttemptQuestion', {
  description: 'A question drawn for an attempt, options in the order drawn.',
})
export class AttemptQuestion {
  @Field({ description: 'The question id to answer with.' })
  id!: string;

  @Field(() => QuestionType)
  type!: string;

  @Field()
  stem!: string;

  @Field(() => [AttemptOption])
  options!: AttemptOption[];

  @Field(() => [String], { description: 'What the learner has chosen so far.' })
  chosenOptionIds!: string[];
}

@ObjectType('QuizReviewOption', { description: 'An option in review, once the quiz allows it.' })
export class QuizReviewOption {
  @Field()
  id!: string;

  @Field()
  text!: string;

  @Field()
  correct!: boolean;

  @Field()
  explanation!: string;
}

@ObjectType('QuizReviewQuestion', {
  description:
    "A graded question with its key and explanations: only when the quiz's review policy allows.",
})
export class QuizReviewQuestion {
  @Field()
  questionId!: string;

  @Field()
  stem!: string;

  @Field(() => [String])
  chosenOptionIds!: string[];

  @Field({ description: 'Whether the learner got it right.' })
  correct!: boolean;

  @Field(() => [String], { description: 'The right options (for ordering questions, in order).' })
  correctOptionIds!: string[];

  @Field()
  explanation!: string;

  @Field(() => [QuizReviewOption])
  options!: QuizReviewOption[];
}

@ObjectType('QuizResult', { description: 'The grade of an attempt.' })
export class QuizResult {
  @Field(() => Int, { description: 'Percent of questions right, rounded down.' })
  score!: number;

  @Field()
  passed!: boolean;

  @Field(() => Int)
  passingScore!: number;

  @Field()
  gradedAt!: Date;

  @Field(() => GradedBy)
  gradedBy!: string;

  @Field(() => Int)
  attemptsUsed!: number;

  @Field(() => Int, { nullable: true, description: 'Null when unlimited.' })
  attemptsAllowed!: number | null;

  @Field(() => [QuizReviewQuestion], {
    nullable: true,
    description: "Null until the quiz's review policy allows review.",
  })
  review!: QuizReviewQuestion[] | null;
}

@ObjectType('QuizAttempt', { description: 'An attempt at a quiz, held by the server.' })
export class QuizAttempt {
  @Field(() => ID)
  id!: string;

  @Field()
  quizSlug!: string;

  @Field()
  quizTitle!: string;

  @Field(() => ID)
  enrollmentId!: string;

  @Field(() => Int)
  number!: number;

  @Field(() => AttemptStatus)
  status!: string;

  @Field()
  startedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'Answers after this are refused.' })
  deadlineAt!: Date | null;

  @Field(() => [AttemptQuestion])
  questions!: AttemptQuestion[];

  @Field(() => QuizResult, { nullable: true })
  result!: QuizResult | null;
}

@ObjectType('QuizAttemptStarted', {
  description: 'An attempt to answer: new, or the open one resumed.',
})
export class QuizAttemptStarted {
  @Field(() => QuizAttempt)
  attempt!: QuizAttempt;

  @Field()
  resumed!: boolean;
}

@ObjectType('AttemptLimitReached', { description: 'Every allowed attempt at this quiz is used.' })
export class AttemptLimitReached {
  @Field(() => Int)
  attemptsAllowed!: number;
}

@ObjectType('QuizCooldown', { description: 'A failed attempt was too recent; try again later.' })
export class QuizCooldown {
  @Field()
  retryAt!: Date;
}

@ObjectType('QuizClosed', { description: 'The quiz cannot be attempted now.' })
export class QuizClosed {
  @Field(() => QuizClosedReason)
  reason!: string;
}

@ObjectType('AnswerSaved', { description: 'The answer is saved in the attempt.' })
export class AnswerSaved {
  @Field(() => QuizAttempt)
  attempt!: QuizAttempt;
}

@ObjectType('QuizDeadlinePassed', {
  description:
    'The deadline has passed: the answer was refused; the attempt is graded as it stood.',
})
export class QuizDeadlinePassed {
  @Field(() => ID)
  attemptId!: string;
}

@ObjectType('AttemptAlreadyGraded', {
  description: 'The attempt was already graded by another submission or at its deadline.',
})
export class AttemptAlreadyGraded {
  @Field(() => ID)
  attemptId!: string;
}

@ObjectType('QuizAttemptGraded', { description: 'The attempt, graded.' })
export class QuizAttemptGraded {
  @Field(() => QuizAttempt)
  attempt!: QuizAttempt;
}

/** Union members are built as instances of their classes, which carry the GraphQL type names. */
function typeNameOf(value: object): string {
  return value.constructor.name;
}

export const StartQuizAttemptResult = createUnionType({
  name: 'StartQuizAttemptResult',
  description: 'Starting an attempt: an attempt, or why there is none now.',
  types: () => [QuizAttemptStarted, AttemptLimitReached, QuizCooldown, QuizClosed] as const,
  resolveType: typeNameOf,
});

export const SaveQuizAnswerResult = createUnionType({
  name: 'SaveQuizAnswerResult',
  types: () => [AnswerSaved, QuizDeadlinePassed, AttemptAlreadyGraded] as const,
  resolveType: typeNameOf,
});

export const SubmitQuizAttemptResult = createUnionType({
  name: 'SubmitQuizAttemptResult',
  description:
    'The grade (the same again for a replayed submission), or why it was not graded now.',
  types: () => [QuizAttemptGraded, AttemptAlreadyGraded] as const,
  resolveType: typeNameOf,
});

@ObjectType('Certificate', {
  description: 'Proof of completing a course or track, signed by the platform.',
})
export class Certificate {
  @Field({ description: 'What verifiers look it up by.' })
  serial!: string;

  @Field()
  holderName!: string;

  @Field()
  organizationName!: string;

  @Field(() => LearningItemKind)
  itemKind!: string;

  @Field()
  itemSlug!: string;

  @Field()
  itemTitle!: string;

  @Field(() => Int)
  itemVersion!: number;

  @Field()
  issuedAt!: Date;

  @Field(() => Date, { nullable: true })
  expiresAt!: Date | null;

  @Field(() => Date, { nullable: true })
  revokedAt!: Date | null;

  @Field(() => String, { nullable: true })
  revocationReason!: string | null;

  @Field(() => CertificateStatus)
  status!: string;
}

@ObjectType('CertificateVerification', { description: 'What anyone may learn from a serial.' })
export class CertificateVerification {
  @Field()
  serial!: string;

  @Field(() => CertificateStatus)
  status!: string;

  @Field(() => String, { nullable: true })
  holderName!: string | null;

  @Field(() => String, { nullable: true })
  organizationName!: string | null;

  @Field(() => LearningItemKind, { nullable: true })
  itemKind!: string | null;

  @Field(() => String, { nullable: true })
  itemTitle!: string | null;

  @Field(() => Date, { nullable: true })
  issuedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  expiresAt!: Date | null;
}

@ObjectType('OpenBadge', {
  description:
    'A certificate as an Open Badges 3.0 OpenBadgeCredential, and signed as a VC-JWT (EdDSA).',
})
export class OpenBadge {
  @Field(() => GraphQLJSONObject, { description: 'The credential as JSON-LD.' })
  credential!: Record<string, unknown>;

  @Field({ description: 'The credential signed as a JWT (OB 3.0 section 8.2): share this one.' })
  jwt!: string;
}

@ObjectType('CertificateIssuer', { description: 'Who signs certificates, and how to check them.' })
export class CertificateIssuer {
  @Field()
  id!: string;

  @Field()
  name!: string;

  @Field(() => GraphQLJSONObject, {
    description:
      'The Ed25519 public verification method as a JWK (its kid is the RFC 7638 thumbprint).',
  })
  jwk!: Record<string, unknown>;
}

@ObjectType('AttemptRecord', { description: 'A graded attempt in a transcript.' })
export class AttemptRecord {
  @Field(() => ID)
  id!: string;

  @Field()
  quizSlug!: string;

  @Field()
  quizTitle!: string;

  @Field(() => Int)
  number!: number;

  @Field()
  startedAt!: Date;

  @Field()
  gradedAt!: Date;

  @Field(() => Int)
  score!: number;

  @Field()
  passed!: boolean;
}

@ObjectType('Transcript', { description: "A person's learning record." })
export class Transcript {
  @Field(() => ID)
  userId!: string;

  @Field()
  displayName!: string;

  @Field(() => [Enrollment], { description: 'Every enrollment, every cycle, newest first.' })
  enrollments!: Enrollment[];

  @Field(() => [AttemptRecord])
  attempts!: AttemptRecord[];

  @Field(() => [Certificate])
  certificates!: Certificate[];
}

@ObjectType('Attestation', {
  description: 'A person acknowledged a lesson statement, in this exact version.',
})
export class Attestation {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  userId!: string;

  @Field()
  displayName!: string;

  @Field()
  email!: string;

  @Field()
  lessonSlug!: string;

  @Field(() => Int)
  lessonVersion!: number;

  @Field({ description: 'The statement exactly as it was shown.' })
  statement!: string;

  @Field()
  attestedAt!: Date;
}

@ObjectType('AttestationConnection')
export class AttestationConnection extends ConnectionType(Attestation, 'Attestation') {}
