import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '@academy/common';

@ObjectType('ExamDomain', { description: 'A domain of a certification exam and its weight.' })
export class ExamDomain {
  @Field()
  slug!: string;

  @Field()
  title!: string;

  @Field(() => Int, { description: 'Percent of the exam; the domains of a blueprint sum to 100.' })
  weight!: number;
}

@ObjectType('ExamBlueprint', {
  description: 'How a mock exam of a certification-prep track is built.',
})
export class ExamBlueprint {
  @Field(() => Int, { description: 'Questions in a mock exam, drawn per domain by weight.' })
  length!: number;

  @Field(() => Int)
  timeLimitMinutes!: number;

  @Field(() => Int, {
    description: 'Percent needed to pass (an approximation of the vendor’s scaled score).',
  })
  passingScore!: number;

  @Field(() => [ExamDomain])
  domains!: ExamDomain[];
}

@ObjectType('QuizInfo', {
  description: 'How a module quiz works; its questions come with an attempt.',
})
export class QuizInfo {
  @Field()
  slug!: string;

  @Field()
  title!: string;

  @Field(() => Int)
  passingScore!: number;

  @Field(() => Int, { nullable: true, description: 'Minutes per attempt; no limit when null.' })
  timeLimitMinutes!: number | null;

  @Field(() => Int, { nullable: true, description: 'Attempts allowed; unlimited when null.' })
  attemptsAllowed!: number | null;

  @Field(() => Int, { description: 'Minutes to wait between attempts.' })
  cooldownMinutes!: number;

  @Field(() => Int, { description: 'Questions drawn for each attempt.' })
  questionsPerAttempt!: number;

  @Field({
    description:
      'When answers and explanations are shown: after-submit, after-pass, after-last-attempt or never.',
  })
  review!: string;
}

@ObjectType('LessonSummary', { description: 'A lesson as listed in a course (no body).' })
export class LessonSummary {
  @Field()
  slug!: string;

  @Field()
  title!: string;

  @Field(() => Int)
  estimatedMinutes!: number;

  @Field(() => [String], { description: 'What the learner will be able to do.' })
  objectives!: string[];

  @Field(() => [String], { description: 'Framework references taught, e.g. `owasp-llm:LLM01`.' })
  frameworks!: string[];

  @Field(() => String, {
    nullable: true,
    description: 'A statement the learner must acknowledge to complete the lesson.',
  })
  attestation!: string | null;

  @Field(() => Int, { description: 'The content version; records point at the version taken.' })
  version!: number;
}

@ObjectType('Lesson', { description: 'A lesson with its body.' })
export class Lesson extends LessonSummary {
  @Field({ description: 'The course the lesson belongs to.' })
  courseSlug!: string;

  @Field({ description: 'The body in Markdown.' })
  markdown!: string;

  @Field({ description: 'The body as sanitized HTML, safe to insert into a page.' })
  html!: string;
}

@ObjectType('CourseModule', { description: 'A module: ordered lessons and one quiz.' })
export class CourseModule {
  @Field()
  slug!: string;

  @Field()
  title!: string;

  @Field(() => [LessonSummary])
  lessons!: LessonSummary[];

  @Field(() => QuizInfo, { nullable: true })
  quiz!: QuizInfo | null;
}

@ObjectType('Course', { description: 'A course of the catalog.' })
export class Course {
  @Field()
  slug!: string;

  @Field()
  title!: string;

  @Field()
  summary!: string;

  @Field({
    description: 'all-employees, ml-practitioners, security-architects or security-professionals.',
  })
  audience!: string;

  @Field({ description: 'introductory, intermediate or advanced.' })
  level!: string;

  @Field(() => Int)
  estimatedMinutes!: number;

  @Field(() => [String])
  tags!: string[];

  @Field(() => [String], { description: 'Slugs of courses to take first.' })
  prerequisites!: string[];

  @Field({ description: 'Whether the course is the organization’s own rather than shipped.' })
  organizationOwned!: boolean;

  @Field(() => Int)
  version!: number;
}

export const CourseConnection = ConnectionType(Course, 'Course');

@ObjectType('Track', { description: 'An ordered path of courses for an audience.' })
export class Track {
  @Field()
  slug!: string;

  @Field()
  title!: string;

  @Field({ description: 'awareness, practitioner or certification-prep.' })
  kind!: string;

  @Field()
  audience!: string;

  @Field()
  summary!: string;

  @Field(() => [String], { description: 'Slugs of the track’s courses, in order.' })
  courseSlugs!: string[];

  @Field(() => ExamBlueprint, { nullable: true, description: 'For certification-prep tracks.' })
  exam!: ExamBlueprint | null;
}

@ObjectType('ReviewOption', {
  description: 'An option with its key, for content review by admins.',
})
export class ReviewOption {
  @Field()
  id!: string;

  @Field()
  text!: string;

  @Field()
  correct!: boolean;

  @Field()
  explanation!: string;
}

@ObjectType('ReviewQuestion', {
  description: 'A question with its answer key, for content review by admins only.',
})
export class ReviewQuestion {
  @Field()
  id!: string;

  @Field()
  type!: string;

  @Field()
  stem!: string;

  @Field(() => [ReviewOption], { description: 'For ordering questions, in the correct order.' })
  options!: ReviewOption[];

  @Field()
  explanation!: string;

  @Field()
  difficulty!: string;

  @Field()
  cognitive!: string;

  @Field(() => [String])
  tags!: string[];

  @Field(() => String, { nullable: true })
  domain!: string | null;

  @Field(() => Int)
  version!: number;
}
