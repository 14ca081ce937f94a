import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CurriculumImporter } from '@academy/catalog';
import { writeCurriculumFixture } from './curriculum-fixture.js';
import type { TestApi } from './test-apps.js';

/** Planted in every explanation: a learner must not see it before grading or feedback. */
export const PREP_CANARY = 'CANARY-PREP-EXPL-3d81c7';
const TOPICS = [
  'encryption keys',
  'audit logging',
  'model cards',
  'vendor contracts',
  'access reviews',
  'backup tests',
  'prompt filters',
  'data retention',
  'incident drills',
  'threat models',
];

/** A single-choice bank question whose right option rotates over a, b and c. */
const bankQuestion = (domain: string, index: number, offset: number) => {
  const id = `${domain}-q${index + 1}`;
  const right = ['a', 'b', 'c'][(index + offset) % 3] as string;
  const option = (letter: string) =>
    `      - { id: ${letter}, text: Choice ${letter} for ${id}, ${letter === right ? 'correct: true, ' : ''}explanation: ${PREP_CANARY} option ${letter} }`;
  return `  - id: ${id}
    type: single-choice
    stem: Which ${domain} practice best governs ${TOPICS[(index + offset) % TOPICS.length]} number ${index + 1}?
    difficulty: ${['easy', 'medium', 'hard'][index % 3]}
    cognitive: apply
    tags: [e2e]
    options:
${['a', 'b', 'c'].map(option).join('\n')}
    explanation: ${PREP_CANARY} ${id}
`;
};

/** A bank domain's file of `count` questions, but for those in `retired`. */
const bankDomain = (domain: string, count: number, offset: number, retired: readonly string[]) => {
  const questions = Array.from({ length: count }, (_, index) => index)
    .filter((index) => !retired.includes(`${domain}-q${index + 1}`))
    .map((index) => bankQuestion(domain, index, offset));
  return `questions:\n${questions.join('\n')}`;
};

/** The right option of a fixture bank question (single-choice; the right one rotates). */
export const rightPrepOption = (questionId: string): string => {
  const [domain, number] = questionId.split('-q') as [string, string];
  const offset = domain === 'alpha' ? 0 : 1;
  return ['a', 'b', 'c'][(Number(number) - 1 + offset) % 3] as string;
};

/**
 * A prep track of 5 questions (alpha 60 %, beta 40 %: 3 and 2), 30 minutes, pass at 60 %, and
 * its bank of 6 alpha and 4 beta questions, but for those in `retired`.
 */
const prepFixture = (retired: readonly string[]): Record<string, string> => ({
  'tracks/e2e-prep.yaml': `title: E2E certification prep
kind: certification-prep
audience: security-professionals
summary: Practice for the e2e certificate.
courses: []
exam:
  bank: e2e-bank
  length: 5
  timeLimitMinutes: 30
  passingScore: 60
  domains:
    - { slug: alpha, title: Alpha governance, weight: 60 }
    - { slug: beta, title: Beta operations, weight: 40 }
`,
  'banks/e2e-bank/bank.yaml': 'title: E2E bank\ntrack: e2e-prep\n',
  'banks/e2e-bank/alpha.yaml': bankDomain('alpha', 6, 0, retired),
  'banks/e2e-bank/beta.yaml': bankDomain('beta', 4, 1, retired),
});

export const PREP_FIXTURE = prepFixture([]);

/**
 * Imports the curriculum fixture with the e2e-prep track and its bank; the bank questions in
 * `retired` are left out, so an import retires them (and a later full one restores them).
 */
export async function importCertificationPrepFixture(
  api: TestApi,
  retired: readonly string[] = [],
): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'prep-curriculum-'));
  try {
    writeCurriculumFixture(root, prepFixture(retired));
    await api.app.get(CurriculumImporter).import(root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
