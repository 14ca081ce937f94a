import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CURRICULUM_FIXTURE as BASE,
  fixtureLessonBody as lessonBody,
  fixtureQuestion as question,
  writeCurriculumFixture,
} from '@academy/testing';
import { formatProblem } from './source-file.js';
import { validateCurriculum } from './validate-curriculum.js';

let root: string;

function curriculum(changes: Record<string, string | null> = {}): string[] {
  root = mkdtempSync(join(tmpdir(), 'curriculum-'));
  writeCurriculumFixture(root, changes);
  return validateCurriculum(root).problems.map((problem) =>
    formatProblem({ ...problem, file: relative(root, join(process.cwd(), problem.file)) }),
  );
}

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('validateCurriculum', () => {
  it('accepts a valid curriculum', () => {
    expect(curriculum()).toEqual([]);
  });

  it('reports an unknown field at its key', () => {
    expect(
      curriculum({
        'tracks/essentials.yaml': `${BASE['tracks/essentials.yaml'] ?? ''}colour: blue\n`,
      }),
    ).toEqual(['tracks/essentials.yaml:6:1: unknown field "colour"']);
  });

  it('reports a wrong type at the value', () => {
    const course = (BASE['courses/basics/course.yaml'] ?? '').replace(
      'estimatedMinutes: 10',
      'estimatedMinutes: ten',
    );
    expect(curriculum({ 'courses/basics/course.yaml': course })).toEqual([
      'courses/basics/course.yaml:5:19: "estimatedMinutes": Invalid input: expected number, received string',
    ]);
  });

  it('reports YAML syntax errors where they are', () => {
    expect(curriculum({ 'tracks/essentials.yaml': 'title: [unclosed\n' })[0]).toMatch(
      /^tracks\/essentials\.yaml:1:1: YAML: Flow sequence/,
    );
  });

  it('reports a duplicate slug', () => {
    const duplicate = BASE['courses/basics/lessons/first-lesson.md'] ?? '';
    const problems = curriculum({
      'courses/other/course.yaml': (BASE['courses/basics/course.yaml'] ?? '').replace(
        'slug: start',
        'slug: other-start',
      ),
      'courses/other/lessons/first-lesson.md': duplicate,
      'courses/other/quizzes/other-start.yaml': (BASE['courses/basics/quizzes/start.yaml'] ?? '')
        .replace('id: q1', 'id: q3')
        .replace('id: q2', 'id: q4')
        .replace('chatbot shows', 'assistant reveals')
        .replace('suspicious voice message asking for payment', 'fake invoice sent by a vendor'),
    });
    expect(problems).toEqual([
      'courses/other/lessons/first-lesson.md:2:1: duplicate lesson slug "first-lesson" (also in ' +
        `${relative(process.cwd(), join(root, 'courses/basics/lessons/first-lesson.md'))})`,
    ]);
  });

  it('reports references to missing items', () => {
    const track = (BASE['tracks/essentials.yaml'] ?? '').replace(
      'courses: [basics]',
      'courses: [basics, advanced]',
    );
    const drill = (BASE['drills/leak.yaml'] ?? '').replace(
      'remedialLessons: [first-lesson]',
      'remedialLessons: [missing-lesson]',
    );
    expect(curriculum({ 'tracks/essentials.yaml': track, 'drills/leak.yaml': drill })).toEqual([
      'drills/leak.yaml:24:25: lesson "missing-lesson" does not exist',
      'tracks/essentials.yaml:5:19: course "advanced" does not exist',
    ]);
  });

  it('reports a choice question with the wrong number of correct answers', () => {
    const quiz = (BASE['courses/basics/quizzes/start.yaml'] ?? '').replace(
      '- { id: b, text: Second answer option, correct: true, explanation: Why b. }',
      '- { id: b, text: Second answer option, explanation: Why b. }',
    );
    expect(curriculum({ 'courses/basics/quizzes/start.yaml': quiz })).toEqual([
      'courses/basics/quizzes/start.yaml:24:7: single-choice question "q2" needs exactly one correct option, has 0',
    ]);
  });

  it('reports domain weights that do not sum to 100', () => {
    const track = (BASE['tracks/prep.yaml'] ?? '').replace(
      'weight: 50 }\n    - { slug: two, title: Two, weight: 50 }',
      'weight: 50 }\n    - { slug: two, title: Two, weight: 40 }',
    );
    expect(curriculum({ 'tracks/prep.yaml': track })).toEqual([
      'tracks/prep.yaml:12:5: domain weights sum to 90, not 100',
    ]);
  });

  it('reports a quiz drawing more than its pool holds', () => {
    const quiz = (BASE['courses/basics/quizzes/start.yaml'] ?? '').replace('draw: 1', 'draw: 3');
    expect(curriculum({ 'courses/basics/quizzes/start.yaml': quiz })).toEqual([
      'courses/basics/quizzes/start.yaml:3:7: the quiz draws 3 questions but its pool holds 2',
      'courses/basics/quizzes/start.yaml:6:3: the pool holds 2 questions; a quiz drawing 3 needs at least 6',
    ]);
  });

  it('reports a mock exam drawing more than a bank domain holds', () => {
    const track = (BASE['tracks/prep.yaml'] ?? '').replace('length: 2', 'length: 4');
    expect(curriculum({ 'tracks/prep.yaml': track })).toEqual([
      'tracks/prep.yaml:12:7: a mock exam draws 2 "one" questions but the bank holds 1',
      'tracks/prep.yaml:13:7: a mock exam draws 2 "two" questions but the bank holds 1',
    ]);
  });

  it('reports an empty lesson body', () => {
    const lesson = (BASE['courses/basics/lessons/first-lesson.md'] ?? '').replace(lessonBody, '\n');
    expect(curriculum({ 'courses/basics/lessons/first-lesson.md': lesson })).toEqual([
      'courses/basics/lessons/first-lesson.md:7:1: the lesson body is empty',
    ]);
  });

  it('reports broken internal links at their line and column', () => {
    const lesson = (BASE['courses/basics/lessons/first-lesson.md'] ?? '').replace(
      'Intro paragraph.',
      'See [this](/lessons/nowhere) first.',
    );
    expect(curriculum({ 'courses/basics/lessons/first-lesson.md': lesson })).toEqual([
      'courses/basics/lessons/first-lesson.md:7:11: broken link: no lesson "nowhere"',
    ]);
  });

  it('reports an unknown framework reference', () => {
    const lesson = (BASE['courses/basics/lessons/first-lesson.md'] ?? '').replace(
      '[owasp-llm:LLM01]',
      '[owasp-llm:LLM01, owasp-llm:LLM99]',
    );
    expect(curriculum({ 'courses/basics/lessons/first-lesson.md': lesson })).toEqual([
      'courses/basics/lessons/first-lesson.md:5:31: unknown framework reference "owasp-llm:LLM99" (not in frameworks.yaml)',
    ]);
  });

  it('lints lesson length and required sections', () => {
    const lesson = (BASE['courses/basics/lessons/first-lesson.md'] ?? '').replace(
      lessonBody,
      'Too short.\n',
    );
    expect(curriculum({ 'courses/basics/lessons/first-lesson.md': lesson })).toEqual([
      'courses/basics/lessons/first-lesson.md:7:1: the lesson has 2 words; keep it within 400-1200',
      'courses/basics/lessons/first-lesson.md:7:1: the lesson lacks the heading "## Worked example"',
      'courses/basics/lessons/first-lesson.md:7:1: the lesson lacks the heading "## What to do on Monday"',
    ]);
  });

  it('lints "of the above", unbalanced options and near-duplicate stems', () => {
    const quiz = (BASE['courses/basics/quizzes/start.yaml'] ?? '')
      .replace('{ id: c, text: Third answer option,', '{ id: c, text: All of the above,')
      .replace(
        'Where do you report a suspicious voice message asking for payment?',
        'What do you do first when a chatbot shows another customer record now?',
      )
      .replace(
        '{ id: a, text: First answer option, explanation: Why a. }',
        '{ id: a, text: F, explanation: Why a. }',
      );
    expect(curriculum({ 'courses/basics/quizzes/start.yaml': quiz })).toEqual([
      'courses/basics/quizzes/start.yaml:15:24: option "c" of "q1" uses "of the above"; write a real option',
      'courses/basics/quizzes/start.yaml:19:11: the stem of "q2" nearly repeats "q1" (' +
        `${relative(process.cwd(), join(root, 'courses/basics/quizzes/start.yaml'))})`,
      'courses/basics/quizzes/start.yaml:24:7: the options of "q2" differ in length 20.0x; keep them within 3x',
    ]);
  });

  it('lints correct answers piled on one position', () => {
    const stems = [
      'Alpha risk case?',
      'Bravo incident step?',
      'Charlie vendor review?',
      'Delta access change?',
      'Echo model release?',
    ];
    const pool = stems.map((stem, i) => question(`p${i}`, stem, i === 4 ? 'b' : 'a')).join('');
    const quiz = `title: Pile\npassingScore: 80\ndraw: 2\nreview: after-submit\nquestions:\n${pool}`;
    expect(curriculum({ 'courses/basics/quizzes/start.yaml': quiz })).toEqual([
      'courses/basics/quizzes/start.yaml:6:3: 4 of 5 correct answers sit at option position 1; no position may hold more than 40%',
    ]);
  });
});
