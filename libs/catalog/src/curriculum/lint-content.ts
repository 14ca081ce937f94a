import type { Question } from './format.js';
import type { ParsedCurriculum } from './parse-files.js';
import type { Problem, YamlSource } from './source-file.js';

export const LESSON_WORDS = { min: 400, max: 1200 };
export const REQUIRED_HEADINGS = ['## Worked example', '## What to do on Monday'];
const MAX_SHARE_OF_ONE_POSITION = 0.4;
const MAX_OPTION_LENGTH_RATIO = 3;
const NEAR_DUPLICATE_SIMILARITY = 0.85;

const words = (text: string) => text.toLowerCase().match(/[a-z0-9]+(?:['’][a-z]+)?/g) ?? [];

/** Words of a lesson body, leaving out code blocks and Markdown link targets. */
export function countWords(body: string): number {
  return words(body.replace(/```[\s\S]*?```/g, ' ').replace(/\]\([^)]*\)/g, ']')).length;
}

function similarity(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const word of a) if (b.has(word)) shared += 1;
  return shared / (a.size + b.size - shared || 1);
}

/**
 * Editorial rules for content: lesson length and required sections, quiz pools twice their
 * draw, no "all/none of the above", balanced option lengths, correct answers spread over
 * positions, and no duplicate or near-duplicate question stems across the curriculum.
 */
export function lintContent(curriculum: ParsedCurriculum): Problem[] {
  const problems: Problem[] = [];

  for (const { lesson } of curriculum.lessons) {
    const count = countWords(lesson.body);
    if (lesson.body.trim() && (count < LESSON_WORDS.min || count > LESSON_WORDS.max)) {
      problems.push({
        file: lesson.file,
        line: lesson.bodyLine,
        column: 1,
        message: `the lesson has ${count} words; keep it within ${LESSON_WORDS.min}-${LESSON_WORDS.max}`,
      });
    }
    for (const heading of REQUIRED_HEADINGS) {
      if (lesson.body.trim() && !lesson.body.split('\n').some((line) => line.trim() === heading)) {
        problems.push({
          file: lesson.file,
          line: lesson.bodyLine,
          column: 1,
          message: `the lesson lacks the heading "${heading}"`,
        });
      }
    }
  }

  for (const quiz of curriculum.quizzes) {
    if (quiz.data.questions.length < 2 * quiz.data.draw) {
      problems.push(
        quiz.source.problemAt(
          ['questions'],
          `the pool holds ${quiz.data.questions.length} questions; a quiz drawing ${quiz.data.draw} needs at least ${2 * quiz.data.draw}`,
        ),
      );
    }
  }

  const stems: { words: Set<string>; id: string; source: YamlSource; index: number }[] = [];
  for (const pool of [...curriculum.quizzes, ...curriculum.bankDomains]) {
    const positions = new Map<number, number>();
    let answers = 0;
    pool.data.questions.forEach((question: Question, index) => {
      const at = (message: string, suffix: (string | number)[] = []) =>
        problems.push(pool.source.problemAt(['questions', index, ...suffix], message));
      question.options.forEach((option, optionIndex) => {
        if (/\b(all|none|both|neither) of the above\b/i.test(option.text)) {
          at(`option "${option.id}" of "${question.id}" uses "of the above"; write a real option`, [
            'options',
            optionIndex,
            'text',
          ]);
        }
      });
      if (question.type !== 'true-false') {
        const lengths = question.options.map((option) => option.text.length);
        const ratio = Math.max(...lengths) / Math.max(1, Math.min(...lengths));
        if (ratio > MAX_OPTION_LENGTH_RATIO)
          at(
            `the options of "${question.id}" differ in length ${ratio.toFixed(1)}x; keep them within ${MAX_OPTION_LENGTH_RATIO}x`,
            ['options'],
          );
      }
      if (question.type === 'single-choice' || question.type === 'multiple-choice') {
        question.options.forEach((option, position) => {
          if (!option.correct) return;
          positions.set(position, (positions.get(position) ?? 0) + 1);
          answers += 1;
        });
      }
      const stemWords = new Set(words(question.stem));
      const twin = stems.find(
        (other) => similarity(other.words, stemWords) >= NEAR_DUPLICATE_SIMILARITY,
      );
      if (twin)
        at(`the stem of "${question.id}" nearly repeats "${twin.id}" (${twin.source.file})`, [
          'stem',
        ]);
      stems.push({ words: stemWords, id: question.id, source: pool.source, index });
    });
    for (const [position, count] of positions) {
      if (answers >= 5 && count / answers > MAX_SHARE_OF_ONE_POSITION) {
        problems.push(
          pool.source.problemAt(
            ['questions'],
            `${count} of ${answers} correct answers sit at option position ${position + 1}; no position may hold more than 40%`,
          ),
        );
      }
    }
  }
  return problems;
}
