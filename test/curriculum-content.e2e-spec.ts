import { join } from 'node:path';
import { CurriculumImporter, formatProblem, validateCurriculum } from '@academy/catalog';
import { PROJECT_ROOT } from '@academy/common';
import { seedOrganization, startTestApi, type TestApi } from '@academy/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(PROJECT_ROOT, 'curriculum');

describe('the shipped curriculum', () => {
  const { curriculum, problems } = validateCurriculum(ROOT);

  it('validates and passes the content lint', () => {
    expect(problems.map(formatProblem)).toEqual([]);
  });

  it('covers every listed seed item with lessons, drills or tracks that exist', () => {
    const items = curriculum.coverage?.data.items ?? [];
    expect(items.length).toBeGreaterThan(100);
    for (const item of items) {
      expect(
        item.lessons.length + item.drills.length + item.tracks.length,
        item.phrase,
      ).toBeGreaterThan(0);
    }
  });

  it('has the breadth the curriculum promises', () => {
    expect(curriculum.courses.length).toBeGreaterThanOrEqual(10);
    expect(curriculum.lessons.length).toBeGreaterThanOrEqual(50);
    const quizQuestions = curriculum.quizzes.reduce(
      (sum, quiz) => sum + quiz.data.questions.length,
      0,
    );
    expect(quizQuestions).toBeGreaterThanOrEqual(250);
    expect(curriculum.drills.length).toBeGreaterThanOrEqual(5);
    for (const domain of curriculum.bankDomains) {
      expect(
        domain.data.questions.length,
        `${domain.parent ?? ''}/${domain.slug}`,
      ).toBeGreaterThanOrEqual(20);
    }
    const banks = new Set(curriculum.banks.map((bank) => bank.slug));
    expect(banks).toEqual(new Set(['cissp', 'cism', 'security-plus', 'ai-governance']));
  });
});

describe('importing the shipped curriculum', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
  });

  afterAll(async () => {
    await api.close();
  });

  it('imports everything, then finds nothing to change', async () => {
    const importer = api.app.get(CurriculumImporter);
    const first = await importer.import(ROOT);
    expect(first.course.added).toBeGreaterThanOrEqual(10);
    expect(first.lesson.added).toBeGreaterThanOrEqual(50);
    const second = await importer.import(ROOT);
    for (const counts of Object.values(second))
      expect(counts.added + counts.changed + counts.retired).toBe(0);

    const org = await seedOrganization(api, 'shipped-co');
    const { body } = await api.graphql<{ tracks: { slug: string }[] }>(
      '{ tracks { slug } }',
      undefined,
      org.learner.auth,
    );
    expect(body.data?.tracks.map((track) => track.slug)).toEqual(
      expect.arrayContaining([
        'ai-security-essentials',
        'ml-practitioner',
        'ai-security-architect',
        'cissp-prep',
      ]),
    );
  });
});
