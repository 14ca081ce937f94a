import { Inject, Injectable } from '@nestjs/common';
import {
  CatalogReader,
  type CatalogRecord,
  type CourseFile,
  type LessonFrontMatter,
  type Question,
  type QuizFile,
  type TrackFile,
} from '@academy/catalog';
import type { EntityManager } from 'typeorm';
import type { LearningItemKind } from '../entities/assignment.entity.js';

/** Enough for every question of the shipped banks and courses, with room for organizations'. */
const VERSION_CACHE_SIZE = 20_000;

export type QuizRules = Omit<QuizFile, 'questions'> & { questionIds: string[] };

export interface LessonRef {
  slug: string;
  title: string;
  version: number;
  versionId: string;
  estimatedMinutes: number;
  attestation: string | null;
}

export interface QuizRef {
  slug: string;
  title: string;
  versionId: string;
  rules: QuizRules;
}

/** A course as learning needs it: lessons in the order of its modules, and its module quizzes. */
export interface CourseOutline {
  slug: string;
  title: string;
  version: number;
  lessons: LessonRef[];
  quizzes: QuizRef[];
}

export interface LearningItem {
  kind: LearningItemKind;
  slug: string;
  title: string;
  version: number;
  /** For a track, its courses; for a course, itself. */
  courseSlugs: string[];
}

/**
 * Learning's view of the catalog (shipped curriculum plus the organization's own content),
 * through the catalog context's public reader. Unknown slugs answer CATALOG_NOT_FOUND. Inside a
 * transaction, pass its manager: reads then use the transaction's own connection.
 */
@Injectable()
export class LearningCatalog {
  /**
   * Versions by id. A version never changes once written, so the quiz and questions an attempt
   * drew are read from the database once per process, not on every answer and submission.
   */
  private readonly versionCache = new Map<string, CatalogRecord>();

  constructor(@Inject(CatalogReader) private readonly reader: CatalogReader) {}

  async item(
    organizationId: string,
    kind: LearningItemKind,
    slug: string,
    manager?: EntityManager,
  ): Promise<LearningItem> {
    if (kind === 'track') {
      const track = await this.reader.get<TrackFile>(organizationId, 'track', slug, false, manager);
      return {
        kind,
        slug,
        title: track.content.title,
        version: track.version,
        courseSlugs: track.content.courses,
      };
    }
    const course = await this.reader.get<CourseFile>(
      organizationId,
      'course',
      slug,
      false,
      manager,
    );
    return {
      kind,
      slug,
      title: course.content.title,
      version: course.version,
      courseSlugs: [slug],
    };
  }

  async course(
    organizationId: string,
    slug: string,
    manager?: EntityManager,
  ): Promise<CourseOutline> {
    const { course, lessons, quizzes } = await this.reader.courseWithChildren(
      organizationId,
      slug,
      manager,
    );
    const content = course.content as unknown as CourseFile;
    const lessonsBySlug = new Map(lessons.map((lesson) => [lesson.slug, lesson]));
    const ordered = content.modules
      .flatMap((module) => module.lessons)
      .flatMap((lessonSlug) => {
        const lesson = lessonsBySlug.get(lessonSlug);
        if (!lesson) return [];
        const front = lesson.content as unknown as LessonFrontMatter;
        return [
          {
            slug: lesson.slug,
            title: front.title,
            version: lesson.version,
            versionId: lesson.versionId,
            estimatedMinutes: front.estimatedMinutes,
            attestation: front.attestation ?? null,
          },
        ];
      });
    return {
      slug,
      title: content.title,
      version: course.version,
      lessons: ordered,
      quizzes: quizzes.map((quiz) => ({
        slug: quiz.slug,
        title: (quiz.content as unknown as QuizRules).title,
        versionId: quiz.versionId,
        rules: quiz.content as unknown as QuizRules,
      })),
    };
  }

  async quiz(organizationId: string, slug: string) {
    const quiz = await this.reader.get<QuizRules>(organizationId, 'quiz', slug);
    return { slug, course: quiz.parentSlug ?? '', versionId: quiz.versionId, rules: quiz.content };
  }

  /** The questions a quiz draws from, with their answer keys: for drawing and grading only. */
  async questionPool(organizationId: string, quizSlug: string, manager?: EntityManager) {
    return this.reader.byParents<Question>(organizationId, 'question', [quizSlug], manager);
  }

  /** Exact question and quiz versions by id (what an attempt drew). */
  async versions(
    organizationId: string,
    versionIds: readonly string[],
    manager?: EntityManager,
  ): Promise<ReadonlyMap<string, CatalogRecord>> {
    const missing = versionIds.filter((id) => !this.versionCache.has(id));
    if (missing.length > 0) {
      for (const record of await this.reader.versionsByIds(organizationId, missing, manager)) {
        if (this.versionCache.size >= VERSION_CACHE_SIZE) {
          this.versionCache.delete(this.versionCache.keys().next().value as string);
        }
        this.versionCache.set(record.versionId, record);
      }
    }
    const found = new Map<string, CatalogRecord>();
    for (const id of versionIds) {
      const record = this.versionCache.get(id);
      // Shipped content, or this organization's own: never another organization's.
      if (record && (record.organizationId === null || record.organizationId === organizationId)) {
        found.set(id, record);
      }
    }
    return found;
  }
}
