import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { DomainError, PROJECT_ROOT } from '@academy/common';
import { AuditTrail, type Actor, type RequestMeta } from '@academy/identity';
import { DataSource, In, IsNull, type EntityManager } from 'typeorm';
import { CatalogErrors } from '../catalog.errors.js';
import { slug as slugSchema } from '../curriculum/format.js';
import { formatProblem } from '../curriculum/source-file.js';
import { validateCurriculum } from '../curriculum/validate-curriculum.js';
import { CatalogItemEntity } from '../entities/catalog-item.entity.js';
import { CatalogWriter, type ImportSummary } from '../import/catalog-writer.js';
import { desiredItems } from '../import/desired-items.js';

/** A file of an organization's course, in the curriculum format. */
export interface CourseFileText {
  /** The lesson or module slug (the file name without extension). */
  name: string;
  text: string;
}

export interface OrganizationCourse {
  slug: string;
  course: string;
  lessons: CourseFileText[];
  quizzes: CourseFileText[];
}

const SHIPPED_FRAMEWORKS = join(PROJECT_ROOT, 'curriculum', 'frameworks.yaml');

/**
 * An organization's own courses (e.g. its AI acceptable-use policy), written in the same format
 * and checked by the same validator as the shipped curriculum, stored as catalog items of that
 * organization: visible to its members only, versioned and retired like shipped content.
 */
@Injectable()
export class OrganizationContentService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(CatalogWriter) private readonly writer: CatalogWriter,
    @Inject(AuditTrail) private readonly audit: AuditTrail,
  ) {}

  async saveCourse(
    actor: Actor,
    input: OrganizationCourse,
    meta: RequestMeta,
  ): Promise<ImportSummary> {
    const names = [
      input.slug,
      ...input.lessons.map((file) => file.name),
      ...input.quizzes.map((file) => file.name),
    ];
    const badName = names.find((name) => !slugSchema.safeParse(name).success);
    if (badName !== undefined) {
      throw new DomainError(
        CatalogErrors.INVALID_CURRICULUM,
        `"${badName}" is not a slug: use lowercase letters, digits and hyphens.`,
      );
    }
    const desired = this.validated(input);
    return this.dataSource.transaction(async (manager) => {
      const existing = await this.itemsOfCourse(manager, actor.organizationId, input.slug);
      const ours = new Set(existing.map((item) => item.id));
      const clashes = await manager.getRepository(CatalogItemEntity).find({
        where: desired.flatMap((item) => [
          { organizationId: IsNull(), kind: item.kind, slug: item.slug },
          { organizationId: actor.organizationId, kind: item.kind, slug: item.slug },
        ]),
      });
      const taken = clashes.filter((item) => !ours.has(item.id));
      if (taken.length > 0) {
        const names = taken.map((item) => `${item.kind} "${item.slug}"`).join(', ');
        throw new DomainError(
          CatalogErrors.SLUG_TAKEN,
          `The catalog already has ${names} outside this course: choose other slugs.`,
        );
      }
      const summary = await this.writer.apply(manager, desired, existing, actor.organizationId);
      await this.audit.recordBy(manager, actor, 'catalog.course_saved', {
        target: { type: 'course', id: input.slug },
        meta,
        details: { lessons: input.lessons.length, quizzes: input.quizzes.length },
      });
      return summary;
    });
  }

  /** Retires one of the organization's courses with its lessons, quizzes and questions. */
  async retireCourse(actor: Actor, slug: string, meta: RequestMeta): Promise<ImportSummary> {
    return this.dataSource.transaction(async (manager) => {
      const existing = await this.itemsOfCourse(manager, actor.organizationId, slug);
      if (!existing.some((item) => item.kind === 'course' && !item.retiredAt)) {
        throw new DomainError(CatalogErrors.NOT_FOUND, `No course "${slug}".`);
      }
      const summary = await this.writer.apply(manager, [], existing, actor.organizationId);
      await this.audit.recordBy(manager, actor, 'catalog.course_retired', {
        target: { type: 'course', id: slug },
        meta,
      });
      return summary;
    });
  }

  /** Lays the files out as a curriculum beside the shipped framework list, and validates them. */
  private validated(input: OrganizationCourse) {
    const root = mkdtempSync(join(tmpdir(), 'org-course-'));
    try {
      const course = join(root, 'courses', input.slug);
      mkdirSync(join(course, 'lessons'), { recursive: true });
      mkdirSync(join(course, 'quizzes'), { recursive: true });
      writeFileSync(join(course, 'course.yaml'), input.course);
      for (const lesson of input.lessons)
        writeFileSync(join(course, 'lessons', `${lesson.name}.md`), lesson.text);
      for (const quiz of input.quizzes)
        writeFileSync(join(course, 'quizzes', `${quiz.name}.yaml`), quiz.text);
      if (existsSync(SHIPPED_FRAMEWORKS))
        copyFileSync(SHIPPED_FRAMEWORKS, join(root, 'frameworks.yaml'));
      // Only the organization's own files are its to fix; the shipped list is checked elsewhere.
      const { curriculum, problems: all } = validateCurriculum(root, root);
      const problems = all.filter((problem) => problem.file.startsWith(`courses/${input.slug}/`));
      if (problems.length > 0) {
        throw new DomainError(
          CatalogErrors.INVALID_CURRICULUM,
          `The course has ${problems.length} problem(s): ${problems.map(formatProblem).join('; ')}`,
        );
      }
      return desiredItems(curriculum);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }

  /** The organization's items of one course: it, its lessons and quizzes, their questions. */
  private async itemsOfCourse(manager: EntityManager, organizationId: string, slug: string) {
    const repository = manager.getRepository(CatalogItemEntity);
    const items = await repository.find({
      where: [
        { organizationId, kind: 'course', slug },
        { organizationId, parentSlug: slug },
      ],
    });
    const quizzes = items.filter((item) => item.kind === 'quiz').map((item) => item.slug);
    const questions = quizzes.length
      ? await repository.findBy({ organizationId, kind: 'question', parentSlug: In(quizzes) })
      : [];
    return [...items, ...questions];
  }
}
