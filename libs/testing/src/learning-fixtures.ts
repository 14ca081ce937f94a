import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CurriculumImporter, orderingOptionIds } from '@academy/catalog';
import { fixtureLessonBody, writeCurriculumFixture } from './curriculum-fixture.js';
import type { TestApi } from './test-apps.js';

/**
 * Distinctive strings planted in answer keys' explanations: a learner must never receive them
 * before the quiz's review policy allows.
 */
export const CANARY = {
  questionExplanation: 'CANARY-QEXPL-7f3a91',
  optionExplanation: 'CANARY-OEXPL-5c2e04',
} as const;

/** The right options of the fixture's questions, as a grader would need them. */
export const FIXTURE_ANSWERS: Record<string, string[]> = {
  q1: ['a'],
  q2: ['b'],
  p1: ['b'],
  p2: ['a', 'c'],
  p3: ['true'],
  // An ordering question: its options are stored under ids that do not give the order away.
  p4: orderingOptionIds('p4', ['c', 'a', 'b']),
  p5: ['a'],
  p6: ['false'],
};

const canaryQuestion = (
  id: string,
  type: string,
  tags: string,
  options: [string, boolean][],
) => `  - id: ${id}
    type: ${type}
    stem: Question ${id} about handling data with an AI assistant at work?
    difficulty: medium
    cognitive: apply
    tags: [${tags}]
    options:
${options
  .map(
    ([option, correct]) =>
      `      - { id: "${option}", text: Option ${option} of ${id}, ${correct ? 'correct: true, ' : ''}explanation: ${CANARY.optionExplanation} ${option} }`,
  )
  .join('\n')}
    explanation: ${CANARY.questionExplanation} ${id}
`;

/**
 * The curriculum fixture plus a "policy" course for learning tests: two lessons (the first asks
 * for an attestation) and a timed quiz with a tag quota, two attempts, a cool-down and review
 * only after a pass, whose explanations carry the CANARY strings. The essentials track holds
 * both courses.
 */
export const LEARNING_FIXTURE: Record<string, string> = {
  'tracks/essentials.yaml': `title: Essentials
kind: awareness
audience: all-employees
summary: The basics.
courses: [basics, policy]
`,
  'courses/policy/course.yaml': `title: Policy
summary: Our AI acceptable-use policy.
audience: all-employees
level: introductory
estimatedMinutes: 20
modules:
  - slug: policy-basics
    title: Policy basics
    lessons: [acceptable-use, reporting]
`,
  'courses/policy/lessons/acceptable-use.md': `---
title: Acceptable use
estimatedMinutes: 5
objectives: [Know the rules.]
frameworks: [owasp-llm:LLM01]
attestation: I have read and will follow the AI acceptable-use policy.
---
${fixtureLessonBody}`,
  'courses/policy/lessons/reporting.md': `---
title: Reporting
estimatedMinutes: 5
objectives: [Know where to report.]
frameworks: [owasp-llm:LLM01]
---
${fixtureLessonBody}`,
  'courses/policy/quizzes/policy-basics.yaml': `title: Policy quiz
passingScore: 60
timeLimitMinutes: 10
attemptsAllowed: 2
cooldownMinutes: 30
draw: 3
quotas:
  - { tag: reporting, count: 1 }
review: after-pass
questions:
${canaryQuestion('p1', 'single-choice', 'data', [
  ['a', false],
  ['b', true],
  ['c', false],
])}${canaryQuestion('p2', 'multiple-choice', 'data', [
    ['a', true],
    ['b', false],
    ['c', true],
  ])}${canaryQuestion('p3', 'true-false', 'reporting', [
    ['true', true],
    ['false', false],
  ])}${canaryQuestion('p4', 'ordering', 'reporting', [
    ['c', false],
    ['a', false],
    ['b', false],
  ])}${canaryQuestion('p5', 'single-choice', 'data', [
    ['a', true],
    ['b', false],
  ])}${canaryQuestion('p6', 'true-false', 'reporting', [
    ['true', false],
    ['false', true],
  ])}`,
};

/** Imports the learning fixture into the test API's database. */
export async function importLearningFixture(
  api: TestApi,
  changes: Record<string, string | null> = {},
): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'learning-curriculum-'));
  try {
    writeCurriculumFixture(root, { ...LEARNING_FIXTURE, ...changes });
    await api.app.get(CurriculumImporter).import(root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** Takes `person` through the fixture's policy course: both lessons (attesting), then the quiz. */
export async function finishPolicyCourse(
  api: TestApi,
  person: { auth: Record<string, string> },
  enrollmentId: string,
): Promise<void> {
  const call = async (query: string, variables: Record<string, unknown> = {}) => {
    const { body } = await api.graphql<Record<string, never>>(query, variables, person.auth);
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data as Record<string, unknown>;
  };
  const complete =
    'mutation C($input: CompleteLessonInput!) { completeLesson(input: $input) { progress { completedAt } } }';
  await call(complete, {
    input: { enrollmentId, lessonSlug: 'acceptable-use', acknowledged: true },
  });
  await call(complete, { input: { enrollmentId, lessonSlug: 'reporting' } });
  const started = (await call(
    'mutation { startQuizAttempt(quizSlug: "policy-basics") { ... on QuizAttemptStarted { attempt { id questions { id } } } } }',
  )) as { startQuizAttempt: { attempt: { id: string; questions: { id: string }[] } } };
  const attempt = started.startQuizAttempt.attempt;
  await call(
    'mutation S($input: SubmitQuizAttemptInput!) { submitQuizAttempt(input: $input) { __typename } }',
    {
      input: {
        attemptId: attempt.id,
        idempotencyKey: randomUUID(),
        answers: attempt.questions.map((question) => ({
          questionId: question.id,
          optionIds: FIXTURE_ANSWERS[question.id],
        })),
      },
    },
  );
}
