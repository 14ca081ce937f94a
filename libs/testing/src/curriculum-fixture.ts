import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const words = (count: number) => Array.from({ length: count }, (_, i) => `word${i % 50}`).join(' ');
export const fixtureLessonBody = `Intro paragraph. ${words(420)}

## Worked example

A case.

## What to do on Monday

Act.
`;

export const fixtureQuestion = (id: string, stem: string, correct = 'a') => `  - id: ${id}
    type: single-choice
    stem: ${stem}
    difficulty: easy
    cognitive: apply
    tags: [basics]
    options:
      - { id: a, text: First answer option, ${correct === 'a' ? 'correct: true, ' : ''}explanation: Why a. }
      - { id: b, text: Second answer option, ${correct === 'b' ? 'correct: true, ' : ''}explanation: Why b. }
      - { id: c, text: Third answer option, ${correct === 'c' ? 'correct: true, ' : ''}explanation: Why c. }
    explanation: Overall.
`;

/**
 * A small valid curriculum (one awareness track, one course with one lesson and a quiz, a
 * certification-prep track with a two-domain bank, one drill) for validator and import tests.
 */
export const CURRICULUM_FIXTURE: Record<string, string> = {
  'frameworks.yaml': `frameworks:
  owasp-llm:
    title: OWASP Top 10 for LLM Applications 2025
    references:
      LLM01: Prompt Injection
`,
  'tracks/essentials.yaml': `title: Essentials
kind: awareness
audience: all-employees
summary: The basics.
courses: [basics]
`,
  'tracks/prep.yaml': `title: Prep
kind: certification-prep
audience: security-professionals
summary: Practice.
courses: []
exam:
  bank: prep-bank
  length: 2
  timeLimitMinutes: 10
  passingScore: 70
  domains:
    - { slug: one, title: One, weight: 50 }
    - { slug: two, title: Two, weight: 50 }
`,
  'banks/prep-bank/bank.yaml': `title: Prep bank
track: prep
`,
  'banks/prep-bank/one.yaml': `questions:\n${fixtureQuestion('b1', 'Which control stops data leaving by email?')}`,
  'banks/prep-bank/two.yaml': `questions:\n${fixtureQuestion('b2', 'Who approves a risk acceptance for the company?', 'b')}`,
  'courses/basics/course.yaml': `title: Basics
summary: The basics.
audience: all-employees
level: introductory
estimatedMinutes: 10
modules:
  - slug: start
    title: Start
    lessons: [first-lesson]
`,
  'courses/basics/lessons/first-lesson.md': `---
title: First lesson
estimatedMinutes: 5
objectives: [Learn.]
frameworks: [owasp-llm:LLM01]
---
${fixtureLessonBody}`,
  'courses/basics/quizzes/start.yaml': `title: Start quiz
passingScore: 80
draw: 1
review: after-submit
questions:
${fixtureQuestion('q1', 'What do you do first when a chatbot shows another customer record?')}${fixtureQuestion('q2', 'Where do you report a suspicious voice message asking for payment?', 'b')}`,
  'drills/leak.yaml': `title: Leak
summary: A leak.
durationMinutes: 60
responseMode: per-role
lateResponse: { scoreFactor: 0.5 }
poorScoreAtMost: 1
roles:
  - { slug: lead, title: Lead, description: Leads. }
criteria:
  - { slug: containment, title: Containment }
injects:
  - slug: alert
    offsetMinutes: 0
    phase: detection-analysis
    title: Alert
    body: Something happened.
    decision:
      prompt: What now?
      responseWindowMinutes: 5
      criterion: containment
      options:
        - { id: a, text: Contain it, score: 3, rationale: Good. }
        - { id: b, text: Ignore it, score: 0, rationale: Bad. }
      remedialLessons: [first-lesson]
`,
};

/** Writes the fixture with `changes` (a null removes a file) into `root`. */
export function writeCurriculumFixture(
  root: string,
  changes: Record<string, string | null> = {},
): void {
  for (const [file, content] of Object.entries({ ...CURRICULUM_FIXTURE, ...changes })) {
    if (content === null) continue;
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), content);
  }
}
