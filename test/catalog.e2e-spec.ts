import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CurriculumImporter } from '@academy/catalog';
import { DomainError } from '@academy/common';
import {
  CURRICULUM_FIXTURE,
  fixtureLessonBody,
  fixtureQuestion,
  seedOrganization,
  startTestApi,
  writeCurriculumFixture,
  type SeededOrganization,
  type TestApi,
} from '@academy/testing';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const COURSE = `query Course($slug: String!) {
  course(slug: $slug) {
    slug title audience level version
    modules { slug title lessons { slug title objectives frameworks version } quiz { slug passingScore questionsPerAttempt review } }
  }
}`;

describe('curriculum import and catalog', () => {
  let api: TestApi;
  let org: SeededOrganization;
  let root: string;
  let importer: CurriculumImporter;
  let db: DataSource;

  const write = (changes: Record<string, string | null> = {}) => {
    rmSync(root, { recursive: true, force: true });
    writeCurriculumFixture(root, changes);
  };
  const versionsOf = async (kind: string, slug: string) =>
    db.query<{ version: number; retired: boolean }[]>(
      `SELECT v.version, i.retired_at IS NOT NULL AS retired FROM catalog_items i
         JOIN catalog_item_versions v ON v.item_id = i.id WHERE i.kind = $1 AND i.slug = $2 ORDER BY v.version`,
      [kind, slug],
    );

  beforeAll(async () => {
    api = await startTestApi();
    org = await seedOrganization(api, 'catalog-co');
    importer = api.app.get(CurriculumImporter);
    db = api.app.get(DataSource);
    root = mkdtempSync(join(tmpdir(), 'curriculum-'));
    write();
  });

  afterAll(async () => {
    rmSync(root, { recursive: true, force: true });
    await api.close();
  });

  it('imports everything once, then changes nothing when nothing changed', async () => {
    const first = await importer.import(root);
    expect(first.course).toEqual({ added: 1, changed: 0, retired: 0, unchanged: 0 });
    expect(first.question).toEqual({ added: 4, changed: 0, retired: 0, unchanged: 0 });
    expect(first.drill.added).toBe(1);
    const versionsBefore = await db.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM catalog_item_versions',
    );
    expect(await importer.isStale(root)).toBe(false);

    const second = await importer.import(root);
    for (const counts of Object.values(second))
      expect(counts.added + counts.changed + counts.retired).toBe(0);
    expect(await db.query('SELECT count(*)::int AS n FROM catalog_item_versions')).toEqual(
      versionsBefore,
    );
  });

  it('makes a changed lesson a new version and keeps the old one', async () => {
    const lesson = (CURRICULUM_FIXTURE['courses/basics/lessons/first-lesson.md'] ?? '').replace(
      'Intro paragraph.',
      'A revised introduction about prompt injection.',
    );
    write({ 'courses/basics/lessons/first-lesson.md': lesson });
    expect(await importer.isStale(root)).toBe(true);
    const summary = await importer.import(root);
    expect(summary.lesson).toEqual({ added: 0, changed: 1, retired: 0, unchanged: 0 });
    expect(await versionsOf('lesson', 'first-lesson')).toEqual([
      { version: 1, retired: false },
      { version: 2, retired: false },
    ]);
    const { body } = await api.graphql<{
      lesson: { version: number; markdown: string; html: string };
    }>('{ lesson(slug: "first-lesson") { version markdown html } }', undefined, org.learner.auth);
    expect(body.data?.lesson.version).toBe(2);
    expect(body.data?.lesson.markdown).toContain('A revised introduction');
    expect(body.data?.lesson.html).toContain('<h2>Worked example</h2>');
  });

  it('retires removed items instead of deleting them, and restores them when they return', async () => {
    const quiz = `title: Start quiz\npassingScore: 80\ndraw: 1\nreview: after-submit\nquestions:\n${fixtureQuestion('q1', 'What do you do first when a chatbot shows another customer record?')}${fixtureQuestion('q5', 'Which channel do you use to check a payment request from the CEO?', 'c')}`;
    write({ 'courses/basics/quizzes/start.yaml': quiz });
    const summary = await importer.import(root);
    expect(summary.question).toMatchObject({ added: 1, retired: 1 });
    expect(summary.quiz.changed).toBe(1);
    expect(await versionsOf('question', 'q2')).toEqual([{ version: 1, retired: true }]);
    const admin = await api.graphql<{ quizQuestions: { id: string }[] }>(
      '{ quizQuestions(slug: "start") { id } }',
      undefined,
      org.admin.auth,
    );
    expect(admin.body.data?.quizQuestions.map((question) => question.id).sort()).toEqual([
      'q1',
      'q5',
    ]);

    write();
    const restored = await importer.import(root);
    expect(restored.question).toMatchObject({ changed: 1, retired: 1 });
    expect(await versionsOf('question', 'q2')).toEqual([{ version: 1, retired: false }]);
  });

  it('refuses a curriculum with a bad file, changing nothing', async () => {
    const before = await db.query<unknown[]>(
      'SELECT kind, slug, current_version, retired_at FROM catalog_items ORDER BY kind, slug',
    );
    write({
      'courses/basics/course.yaml': (
        CURRICULUM_FIXTURE['courses/basics/course.yaml'] ?? ''
      ).replace('level: introductory', 'level: expert'),
      'tracks/new-track.yaml':
        'title: New\nkind: awareness\naudience: all-employees\nsummary: New.\ncourses: [basics]\n',
    });
    await expect(importer.import(root)).rejects.toThrow(DomainError);
    await expect(importer.import(root)).rejects.toThrow(
      /course\.yaml:4:8: "level": Invalid option/,
    );
    expect(
      await db.query(
        'SELECT kind, slug, current_version, retired_at FROM catalog_items ORDER BY kind, slug',
      ),
    ).toEqual(before);
    write();
  });

  it('serves a course with its modules, lessons and quiz rules, without answers', async () => {
    const { body } = await api.graphql(COURSE, { slug: 'basics' }, org.learner.auth);
    expect(body.data).toEqual({
      course: {
        slug: 'basics',
        title: 'Basics',
        audience: 'all-employees',
        level: 'introductory',
        version: 1,
        modules: [
          {
            slug: 'start',
            title: 'Start',
            lessons: [
              {
                slug: 'first-lesson',
                title: 'First lesson',
                objectives: ['Learn.'],
                frameworks: ['owasp-llm:LLM01'],
                version: 3,
              },
            ],
            quiz: {
              slug: 'start',
              passingScore: 80,
              questionsPerAttempt: 1,
              review: 'after-submit',
            },
          },
        ],
      },
    });
    const forbidden = await api.graphql(
      '{ quizQuestions(slug: "start") { id } }',
      undefined,
      org.learner.auth,
    );
    expect(forbidden.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('filters and searches courses, including lesson bodies', async () => {
    write({
      'courses/deepfakes/course.yaml': `title: Deepfake defence\nsummary: Spotting synthetic voices.\naudience: all-employees\nlevel: intermediate\nestimatedMinutes: 20\ntags: [deepfakes]\nmodules:\n  - slug: deepfake-basics\n    title: Basics\n    lessons: [voice-clones]\n`,
      'courses/deepfakes/lessons/voice-clones.md': `---\ntitle: Voice clones\nestimatedMinutes: 5\nobjectives: [Verify callers.]\nframeworks: [owasp-llm:LLM01]\n---\nCallback verification defeats a cloned voice. ${fixtureLessonBody}`,
      'courses/deepfakes/quizzes/deepfake-basics.yaml': `title: Quiz\npassingScore: 80\ndraw: 1\nreview: after-submit\nquestions:\n${fixtureQuestion('d1', 'A caller sounds exactly like your director and asks for a transfer; what next?')}${fixtureQuestion('d2', 'Which detail of a video call is the weakest proof of identity?', 'c')}`,
    });
    await importer.import(root);
    const find = async (filter: Record<string, string>) => {
      const { body } = await api.graphql<{
        courses: { totalCount: number; edges: { node: { slug: string } }[] };
      }>(
        'query($filter: CourseFilter) { courses(filter: $filter) { totalCount edges { node { slug } } } }',
        { filter },
        org.learner.auth,
      );
      return body.data?.courses.edges.map((edge) => edge.node.slug);
    };
    expect(await find({})).toEqual(['basics', 'deepfakes']);
    expect(await find({ level: 'intermediate' })).toEqual(['deepfakes']);
    expect(await find({ tag: 'deepfakes' })).toEqual(['deepfakes']);
    expect(await find({ framework: 'owasp-llm:LLM01' })).toEqual(['basics', 'deepfakes']);
    expect(await find({ search: 'callback verification' })).toEqual(['deepfakes']);
    expect(await find({ search: 'synthetic voices' })).toEqual(['deepfakes']);
    expect(await find({ search: 'nonexistentword' })).toEqual([]);
  });

  it('serves course(slug) in the same number of SQL statements whatever its size', async () => {
    const statements = async () => {
      const text = await (await fetch(`${api.url}/metrics`)).text();
      return Number(/^db_statements_total (\d+)$/m.exec(text)?.[1]);
    };
    const cost = async (slug: string) => {
      const before = await statements();
      const { body } = await api.graphql(COURSE, { slug }, org.learner.auth);
      expect(body.errors).toBeUndefined();
      return (await statements()) - before;
    };
    const lessons = Array.from({ length: 6 }, (_, i) => `lesson-${i}`);
    write({
      'courses/big/course.yaml': `title: Big\nsummary: Many lessons.\naudience: all-employees\nlevel: advanced\nestimatedMinutes: 90\nmodules:\n  - slug: big-one\n    title: One\n    lessons: [${lessons.slice(0, 3).join(', ')}]\n  - slug: big-two\n    title: Two\n    lessons: [${lessons.slice(3).join(', ')}]\n`,
      ...Object.fromEntries(
        lessons.map((lesson) => [
          `courses/big/lessons/${lesson}.md`,
          `---\ntitle: ${lesson}\nestimatedMinutes: 5\nobjectives: [Learn.]\nframeworks: []\n---\n${fixtureLessonBody}`,
        ]),
      ),
      ...Object.fromEntries(
        ['big-one', 'big-two'].map((module) => [
          `courses/big/quizzes/${module}.yaml`,
          `title: Quiz\npassingScore: 80\ndraw: 1\nreview: after-submit\nquestions:\n${fixtureQuestion(`${module}-a`, `First ${module} question about data handling?`)}${fixtureQuestion(`${module}-b`, `Second ${module} question about reporting incidents?`, 'b')}`,
        ]),
      ),
    });
    await importer.import(root);
    expect(await cost('big')).toBe(await cost('basics'));
  });
});
