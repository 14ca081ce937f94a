import { Inject, Injectable } from '@nestjs/common';
import { DomainError, decodeCursor, toConnection, type Connection } from '@academy/common';
import { PreparedQueries } from '@academy/database';
import { DataSource, type EntityManager } from 'typeorm';
import { CatalogErrors } from '../catalog.errors.js';
import type { Question } from '../curriculum/format.js';
import type { CatalogKind } from '../entities/catalog-item.entity.js';
import { SEARCH_DOCUMENT } from './search-document.js';

/** An item with the content of its current version. */
export interface CatalogRecord<Content = Record<string, unknown>> {
  id: string;
  kind: CatalogKind;
  slug: string;
  parentSlug: string | null;
  organizationId: string | null;
  version: number;
  versionId: string;
  content: Content;
  /** Only when asked for (a single lesson). */
  body?: { markdown: string; html: string };
}

/** What drawing a question needs: no stem, no options' texts, no answer key. */
export interface QuestionRef {
  slug: string;
  /** A bank question's `<bank>/<domain>`, a quiz question's quiz. */
  parentSlug: string;
  versionId: string;
  type: Question['type'];
  difficulty: Question['difficulty'];
  optionIds: string[];
}

export interface CourseFilter {
  audience?: string | null;
  level?: string | null;
  tag?: string | null;
  framework?: string | null;
  search?: string | null;
}

interface Row {
  id: string;
  kind: CatalogKind;
  slug: string;
  parent_slug: string | null;
  organization_id: string | null;
  version: number;
  version_id: string;
  content: Record<string, unknown>;
  body_markdown?: string | null;
  body_html?: string | null;
}

const toRecord = <Content>(row: Row): CatalogRecord<Content> => ({
  id: row.id,
  kind: row.kind,
  slug: row.slug,
  parentSlug: row.parent_slug,
  organizationId: row.organization_id,
  version: row.version,
  versionId: row.version_id,
  content: row.content as Content,
  body:
    row.body_markdown == null
      ? undefined
      : { markdown: row.body_markdown, html: row.body_html ?? '' },
});

/**
 * What an organization sees of the catalog, for the row `alias`: items not retired, shipped or
 * its own (never another organization's). `organization` is SQL: a parameter placeholder.
 */
const seenBy = (alias: string, organization: string) =>
  `${alias}.retired_at IS NULL
   AND (${alias}.organization_id IS NULL OR ${alias}.organization_id = ${organization})`;

/**
 * A condition for other contexts' statements: the question named by `slugColumn` is a current
 * (not retired) question, which the organization `organization` can see, of one of `parents`
 * (bank domains `<bank>/<domain>`, or quizzes). It lets a context filter its own rows by what
 * the catalog holds now within one statement, through the catalog's (kind, slug) indexes,
 * rather than fetching every slug of a 5,000-question bank first. The arguments are SQL: a
 * column and two parameter placeholders (the parents as text[]).
 */
export const currentQuestionOf = (slugColumn: string, organization: string, parents: string) =>
  `EXISTS (SELECT 1 FROM catalog_items q
            WHERE q.kind = 'question' AND q.slug = ${slugColumn} AND q.parent_slug = ANY(${parents})
              AND ${seenBy('q', organization)})`;

/**
 * Reads the catalog a member of an organization sees: the shipped curriculum plus their
 * organization's own content, never another organization's, never retired items. Lesson bodies
 * are left out unless asked for, so course pages stay light. Methods used inside another
 * context's transaction take its EntityManager: a transaction holding a row lock must not wait
 * for a second pool connection that other lock waiters may hold.
 */
@Injectable()
export class CatalogReader {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(PreparedQueries) private readonly prepared: PreparedQueries,
  ) {}

  private select(withBodies: boolean): string {
    const bodies = withBodies ? ', v.body_markdown, v.body_html' : '';
    return `SELECT i.id, i.kind, i.slug, i.parent_slug, i.organization_id, v.version, v.id AS version_id,
                   v.content${bodies}
              FROM catalog_items i JOIN catalog_item_versions v ON v.id = i.current_version_id
             WHERE ${seenBy('i', '$1')}`;
  }

  async list<Content>(
    organizationId: string,
    kind: CatalogKind,
  ): Promise<CatalogRecord<Content>[]> {
    const rows = await this.dataSource.query<Row[]>(
      `${this.select(false)} AND i.kind = $2 ORDER BY i.slug`,
      [organizationId, kind],
    );
    return rows.map((row) => toRecord<Content>(row));
  }

  /**
   * The item of `kind` and `slug` the organization sees (its own before shipped), or
   * CATALOG_NOT_FOUND.
   */
  async get<Content>(
    organizationId: string,
    kind: CatalogKind,
    slug: string,
    withBodies = false,
    manager: EntityManager = this.dataSource.manager,
  ) {
    const record = await this.find<Content>(organizationId, kind, slug, withBodies, manager);
    if (!record) throw new DomainError(CatalogErrors.NOT_FOUND, `No ${kind} "${slug}".`);
    return record;
  }

  /** As `get`, with null for an item that is not (or no longer) in the catalog. */
  async find<Content>(
    organizationId: string,
    kind: CatalogKind,
    slug: string,
    withBodies = false,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<CatalogRecord<Content> | null> {
    const [row] = await manager.query<Row[]>(
      `${this.select(withBodies)} AND i.kind = $2 AND i.slug = $3
       ORDER BY i.organization_id NULLS LAST LIMIT 1`,
      [organizationId, kind, slug],
    );
    return row ? toRecord<Content>(row) : null;
  }

  /**
   * A course with its lessons and quizzes in one statement: a course page costs one query
   * whatever the number of modules and lessons.
   */
  async courseWithChildren(organizationId: string, slug: string, manager?: EntityManager) {
    const sql = `WITH course AS (
         ${this.select(false)} AND i.kind = 'course' AND i.slug = $2
          ORDER BY i.organization_id NULLS LAST LIMIT 1
       )
       SELECT * FROM course
       UNION ALL
       ${this.select(false)} AND i.kind IN ('lesson', 'quiz') AND i.parent_slug = $2
         AND EXISTS (SELECT 1 FROM course)`;
    const rows = await this.prepared.query<Row>(
      'catalog.course-with-children',
      sql,
      [organizationId, slug],
      manager,
    );
    const records = rows.map((row) => toRecord<Record<string, unknown>>(row));
    const course = records.find((record) => record.kind === 'course');
    if (!course) throw new DomainError(CatalogErrors.NOT_FOUND, `No course "${slug}".`);
    return {
      course,
      lessons: records.filter((record) => record.kind === 'lesson'),
      quizzes: records.filter((record) => record.kind === 'quiz'),
    };
  }

  /** Items of `kind` by slug, in one query (for DataLoaders and course pages). */
  async bySlugs<Content>(organizationId: string, kind: CatalogKind, slugs: readonly string[]) {
    const rows = await this.dataSource.query<Row[]>(
      `${this.select(false)} AND i.kind = $2 AND i.slug = ANY($3::text[])`,
      [organizationId, kind, slugs],
    );
    return rows.map((row) => toRecord<Content>(row));
  }

  /**
   * Exact versions by id, current or not (what an attempt drew): only versions of shipped
   * content or of the organization's own.
   */
  async versionsByIds<Content = Record<string, unknown>>(
    organizationId: string,
    versionIds: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ) {
    const rows = await manager.query<Row[]>(
      `SELECT i.id, i.kind, i.slug, i.parent_slug, i.organization_id, v.version, v.id AS version_id,
              v.content
         FROM catalog_item_versions v JOIN catalog_items i ON i.id = v.item_id
        WHERE v.id = ANY($2::uuid[]) AND (i.organization_id IS NULL OR i.organization_id = $1)`,
      [organizationId, versionIds],
    );
    return rows.map((row) => toRecord<Content>(row));
  }

  /** Items of `kind` whose parent is one of `parents` (the lessons or quizzes of courses). */
  async byParents<Content>(
    organizationId: string,
    kind: CatalogKind,
    parents: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ) {
    const rows = await manager.query<Row[]>(
      `${this.select(false)} AND i.kind = $2 AND i.parent_slug = ANY($3::text[])`,
      [organizationId, kind, parents],
    );
    return rows.map((row) => toRecord<Content>(row));
  }

  /**
   * The current questions of the given parents (bank domains `<bank>/<domain>`, or quizzes),
   * reduced to what a draw needs, in one statement: a draw from a 5,000-question bank reads
   * neither stems nor explanations.
   */
  async questionRefs(
    organizationId: string,
    parents: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<QuestionRef[]> {
    const rows = await manager.query<
      {
        slug: string;
        parent_slug: string;
        version_id: string;
        type: QuestionRef['type'];
        difficulty: QuestionRef['difficulty'];
        option_ids: string[];
      }[]
    >(
      `SELECT i.slug, i.parent_slug, v.id AS version_id, v.content->>'type' AS type,
              v.content->>'difficulty' AS difficulty,
              ARRAY(SELECT o->>'id' FROM jsonb_array_elements(v.content->'options') o) AS option_ids
         FROM catalog_items i JOIN catalog_item_versions v ON v.id = i.current_version_id
        WHERE ${seenBy('i', '$1')}
          AND i.kind = 'question' AND i.parent_slug = ANY($2::text[])`,
      [organizationId, parents],
    );
    return rows.map((row) => ({
      slug: row.slug,
      parentSlug: row.parent_slug,
      versionId: row.version_id,
      type: row.type,
      difficulty: row.difficulty,
      optionIds: row.option_ids,
    }));
  }

  /**
   * A random sample of current questions: `counts[k]` of parent `parents[k]` (bank domains
   * `<bank>/<domain>`, or quizzes), each question at most once, questions whose slug is not in
   * `deprioritized` before those that are. Sampled by the database (PostgreSQL's random(), not
   * a cryptographic source: fine for practice, not for secrets), so a draw from a 5,000-question
   * bank transfers and parses only the questions drawn. A parent with fewer questions than its
   * count gives what it has.
   */
  async sampleQuestions(
    organizationId: string,
    parents: readonly string[],
    counts: readonly number[],
    deprioritized: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<CatalogRecord<Question>[]> {
    const rows = await manager.query<Row[]>(
      `WITH later AS (SELECT DISTINCT slug FROM unnest($4::text[]) AS l(slug)),
            -- Per parent, the first n of a random order (a top-n heap sort over the parent's
            -- questions, by index), then their versions by primary key: joined to the whole
            -- bank, the planner would hash every version.
            drawn AS MATERIALIZED (
              SELECT s.* FROM unnest($2::text[], $3::int[]) AS q(parent, n)
               CROSS JOIN LATERAL (
                 SELECT i.id, i.slug, i.parent_slug, i.organization_id, i.current_version_id
                   FROM catalog_items i LEFT JOIN later ON later.slug = i.slug
                  WHERE i.kind = 'question' AND i.parent_slug = q.parent AND ${seenBy('i', '$1')}
                  ORDER BY (later.slug IS NOT NULL), random()
                  LIMIT q.n) s)
       SELECT d.id, 'question' AS kind, d.slug, d.parent_slug, d.organization_id, v.version,
              v.id AS version_id, v.content
         FROM drawn d JOIN catalog_item_versions v ON v.id = d.current_version_id
        WHERE v.id = ANY(ARRAY(SELECT current_version_id FROM drawn))`,
      [organizationId, parents, counts, deprioritized],
    );
    return rows.map((row) => toRecord<Question>(row));
  }

  /**
   * Courses by audience, level, tag, framework reference (taught by any of their lessons) and
   * full-text search over course titles and summaries and their lessons' titles and bodies.
   */
  async courses(
    organizationId: string,
    filter: CourseFilter,
    first: number,
    after?: string | null,
  ): Promise<Connection<CatalogRecord>> {
    const conditions: string[] = [];
    const parameters: unknown[] = [organizationId, 'course'];
    const add = (sql: (placeholder: string) => string, value: unknown) => {
      parameters.push(value);
      conditions.push(sql(`$${parameters.length}`));
    };
    if (filter.audience) add((p) => `v.content->>'audience' = ${p}`, filter.audience);
    if (filter.level) add((p) => `v.content->>'level' = ${p}`, filter.level);
    if (filter.tag) add((p) => `v.content->'tags' ? ${p}`, filter.tag);
    const lessonMatch = (predicate: string) => `EXISTS (
        SELECT 1 FROM catalog_items li JOIN catalog_item_versions lv ON lv.id = li.current_version_id
         WHERE li.kind = 'lesson' AND li.parent_slug = i.slug AND ${seenBy('li', '$1')}
           AND ${predicate})`;
    if (filter.framework)
      add((p) => lessonMatch(`lv.content->'frameworks' ? ${p}`), filter.framework);
    if (filter.search?.trim()) {
      const matches = (alias: string, p: string) =>
        `${SEARCH_DOCUMENT.replaceAll('content', `${alias}.content`)} @@ websearch_to_tsquery('english', ${p})`;
      add((p) => `(${matches('v', p)} OR ${lessonMatch(matches('lv', p))})`, filter.search.trim());
    }
    const where = conditions.map((condition) => ` AND ${condition}`).join('');
    const [count] = await this.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM (${this.select(false)} AND i.kind = $2${where}) matching`,
      parameters,
    );
    let page = where;
    if (after) {
      parameters.push(decodeCursor(after).sort);
      page += ` AND i.slug > $${parameters.length}`;
    }
    parameters.push(first + 1);
    const rows = await this.dataSource.query<Row[]>(
      `${this.select(false)} AND i.kind = $2${page} ORDER BY i.slug LIMIT $${parameters.length}`,
      parameters,
    );
    return toConnection(
      rows.map((row) => toRecord(row)),
      first,
      after,
      count?.n ?? 0,
      (record) => ({ sort: record.slug, id: record.id }),
    );
  }
}
