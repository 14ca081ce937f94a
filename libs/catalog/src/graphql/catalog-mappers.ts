import type { CatalogRecord } from '../catalog/catalog-reader.js';
import type {
  CourseFile,
  LessonFrontMatter,
  Question,
  QuizFile,
  TrackFile,
} from '../curriculum/format.js';
import type {
  Course,
  Lesson,
  LessonSummary,
  QuizInfo,
  ReviewQuestion,
  Track,
} from './catalog.objects.js';

export type CourseView = Course & { organizationId: string; modules: CourseFile['modules'] };

export function toTrack(record: CatalogRecord<TrackFile>): Track {
  const { title, kind, audience, summary, courses, exam } = record.content;
  return {
    slug: record.slug,
    title,
    kind,
    audience,
    summary,
    courseSlugs: courses,
    exam: exam ?? null,
  };
}

export function toCourse(record: CatalogRecord<CourseFile>, organizationId: string): CourseView {
  const content = record.content;
  return {
    slug: record.slug,
    title: content.title,
    summary: content.summary,
    audience: content.audience,
    level: content.level,
    estimatedMinutes: content.estimatedMinutes,
    tags: content.tags,
    prerequisites: content.prerequisites,
    organizationOwned: record.organizationId !== null,
    version: record.version,
    organizationId,
    modules: content.modules,
  };
}

export function toLessonSummary(record: CatalogRecord<LessonFrontMatter>): LessonSummary {
  const content = record.content;
  return {
    slug: record.slug,
    title: content.title,
    estimatedMinutes: content.estimatedMinutes,
    objectives: content.objectives,
    frameworks: content.frameworks,
    attestation: content.attestation ?? null,
    version: record.version,
  };
}

export function toLesson(record: CatalogRecord<LessonFrontMatter>): Lesson {
  return Object.assign(toLessonSummary(record), {
    courseSlug: record.parentSlug ?? '',
    markdown: record.body?.markdown ?? '',
    html: record.body?.html ?? '',
  });
}

/** Quiz rules only: the questions, their keys and explanations stay out of learner types. */
export function toQuizInfo(record: CatalogRecord<Omit<QuizFile, 'questions'>>): QuizInfo {
  const content = record.content;
  return {
    slug: record.slug,
    title: content.title,
    passingScore: content.passingScore,
    timeLimitMinutes: content.timeLimitMinutes ?? null,
    attemptsAllowed: content.attemptsAllowed ?? null,
    cooldownMinutes: content.cooldownMinutes,
    questionsPerAttempt: content.draw,
    review: content.review,
  };
}

export function toReviewQuestion(record: CatalogRecord<Question>): ReviewQuestion {
  const content = record.content;
  return {
    id: record.slug,
    type: content.type,
    stem: content.stem,
    options: content.options.map((option) => ({
      id: option.id,
      text: option.text,
      correct: option.correct ?? content.type === 'ordering',
      explanation: option.explanation,
    })),
    explanation: content.explanation,
    difficulty: content.difficulty,
    cognitive: content.cognitive,
    tags: content.tags,
    domain: content.domain ?? null,
    version: record.version,
  };
}
