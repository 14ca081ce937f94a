import {
  fixtureLessonBody,
  fixtureQuestion,
  seedOrganization,
  startTestApi,
  type SeededOrganization,
  type TestApi,
} from '@academy/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const SAVE = `mutation Save($input: OrganizationCourseInput!) {
  saveOrganizationCourse(input: $input) { kind added changed retired unchanged }
}`;

const policyCourse = (title = 'Our AI acceptable-use policy') => ({
  slug: 'acme-ai-policy',
  course: `title: ${title}\nsummary: What Acme allows.\naudience: all-employees\nlevel: introductory\nestimatedMinutes: 15\nmodules:\n  - slug: acme-policy\n    title: The policy\n    lessons: [acme-policy-rules]\n`,
  lessons: [
    {
      name: 'acme-policy-rules',
      text: `---\ntitle: The rules\nestimatedMinutes: 10\nobjectives: [Follow the policy.]\nattestation: I have read the Acme AI policy and will follow it.\n---\n${fixtureLessonBody}`,
    },
  ],
  quizzes: [
    {
      name: 'acme-policy',
      text: `title: Policy check\npassingScore: 100\ndraw: 1\nreview: after-pass\nquestions:\n${fixtureQuestion('acme-q1', 'May you paste client contracts into an unapproved chatbot?')}${fixtureQuestion('acme-q2', 'Who approves a new AI tool at Acme?', 'c')}`,
    },
  ],
});

describe('organization content', () => {
  let api: TestApi;
  let acme: SeededOrganization;
  let other: SeededOrganization;

  beforeAll(async () => {
    api = await startTestApi();
    acme = await seedOrganization(api, 'acme-content');
    other = await seedOrganization(api, 'other-content');
  });

  afterAll(async () => {
    await api.close();
  });

  it('publishes a course in the curriculum format, visible to its organization only', async () => {
    const saved = await api.graphql<{ saveOrganizationCourse: { kind: string; added: number }[] }>(
      SAVE,
      { input: policyCourse() },
      acme.admin.auth,
    );
    expect(saved.body.data?.saveOrganizationCourse).toEqual(
      expect.arrayContaining([
        { kind: 'course', added: 1, changed: 0, retired: 0, unchanged: 0 },
        { kind: 'lesson', added: 1, changed: 0, retired: 0, unchanged: 0 },
        { kind: 'question', added: 2, changed: 0, retired: 0, unchanged: 0 },
      ]),
    );
    const course =
      '{ course(slug: "acme-ai-policy") { title organizationOwned modules { lessons { attestation } } } }';
    const mine = await api.graphql(course, undefined, acme.learner.auth);
    expect(mine.body.data).toEqual({
      course: {
        title: 'Our AI acceptable-use policy',
        organizationOwned: true,
        modules: [
          { lessons: [{ attestation: 'I have read the Acme AI policy and will follow it.' }] },
        ],
      },
    });
    const theirs = await api.graphql(course, undefined, other.learner.auth);
    const missing = await api.graphql(
      '{ course(slug: "no-such-course") { title } }',
      undefined,
      other.learner.auth,
    );
    expect(theirs.body.errors?.[0]?.extensions).toEqual(missing.body.errors?.[0]?.extensions);
    expect(theirs.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('versions a changed course and refuses invalid files with their positions, changing nothing', async () => {
    const changed = await api.graphql<{
      saveOrganizationCourse: { kind: string; changed: number }[];
    }>(SAVE, { input: policyCourse('Acme AI policy, 2027 edition') }, acme.admin.auth);
    expect(
      changed.body.data?.saveOrganizationCourse.find((row) => row.kind === 'course')?.changed,
    ).toBe(1);

    const broken = policyCourse('Broken');
    broken.course = broken.course.replace('level: introductory', 'level: beginner');
    const { body } = await api.graphql(SAVE, { input: broken }, acme.admin.auth);
    expect(body.errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'CATALOG_INVALID_CURRICULUM',
    });
    expect(body.errors?.[0]?.message).toContain(
      'courses/acme-ai-policy/course.yaml:4:8: "level": Invalid option',
    );
    const title = await api.graphql<{ course: { title: string } }>(
      '{ course(slug: "acme-ai-policy") { title } }',
      undefined,
      acme.learner.auth,
    );
    expect(title.body.data?.course.title).toBe('Acme AI policy, 2027 edition');
  });

  it('refuses slugs of the shipped catalog or of another of its courses', async () => {
    const clash = policyCourse();
    clash.slug = 'acme-ai-policy-copy';
    const { body } = await api.graphql(SAVE, { input: clash }, acme.admin.auth);
    expect(body.errors?.[0]?.extensions?.reason).toBe('CATALOG_SLUG_TAKEN');
  });

  it('retires a course for its organization, and another organization cannot', async () => {
    const foreign = await api.graphql(
      'mutation { retireOrganizationCourse(slug: "acme-ai-policy") { kind } }',
      undefined,
      other.admin.auth,
    );
    expect(foreign.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const retired = await api.graphql<{
      retireOrganizationCourse: { kind: string; retired: number }[];
    }>(
      'mutation { retireOrganizationCourse(slug: "acme-ai-policy") { kind retired } }',
      undefined,
      acme.admin.auth,
    );
    expect(
      retired.body.data?.retireOrganizationCourse.find((row) => row.kind === 'course')?.retired,
    ).toBe(1);
    const gone = await api.graphql(
      '{ course(slug: "acme-ai-policy") { title } }',
      undefined,
      acme.learner.auth,
    );
    expect(gone.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
