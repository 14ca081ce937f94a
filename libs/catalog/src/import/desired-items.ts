import { createHash } from 'node:crypto';
import { canonicalJson } from '@academy/common';
import type { Question } from '../curriculum/format.js';
import type { ParsedCurriculum } from '../curriculum/parse-files.js';
import type { CatalogKind } from '../entities/catalog-item.entity.js';
import { renderLessonHtml } from '../catalog/render-markdown.js';

/** What the catalog should hold for one item after an import. */
export interface DesiredItem {
  kind: CatalogKind;
  slug: string;
  parentSlug: string | null;
  content: Record<string, unknown>;
  /** A lesson's body: Markdown and its sanitized HTML. */
  body: { markdown: string; html: string } | null;
  /** Covers content and body. */
  contentHash: string;
}

/** A hash of content that does not depend on key order or formatting of the source file. */
export function contentHash(content: unknown): string {
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

const hashedId = (questionId: string, authoredId: string, salt: number) =>
  `o${createHash('sha256').update(`${questionId}:${authoredId}:${salt}`).digest('hex').slice(0, 8)}`;

/**
 * The ids learners see for the options of an ordering question, in the authored order. Those
 * questions are authored in their correct order, mostly with ids a, b, c…, which would sort into
 * the answer: each option gets an id derived from the question and its authored id instead,
 * stable across imports, and never one whose sorted order is the answer.
 */
export function orderingOptionIds(questionId: string, authoredIds: readonly string[]): string[] {
  for (let salt = 0; ; salt++) {
    const ids = authoredIds.map((id) => hashedId(questionId, id, salt));
    const sorted = [...ids].sort();
    if (new Set(ids).size === ids.length && sorted.some((id, index) => id !== ids[index])) {
      return ids;
    }
  }
}

/** A question as the catalog stores it (see orderingOptionIds). */
function storedQuestion(question: Question): Question {
  if (question.type !== 'ordering') return question;
  const ids = orderingOptionIds(
    question.id,
    question.options.map((option) => option.id),
  );
  return {
    ...question,
    options: question.options.map((option, index) => ({ ...option, id: ids[index] as string })),
  };
}

const item = (
  kind: CatalogKind,
  slug: string,
  parentSlug: string | null,
  content: Record<string, unknown>,
  body: DesiredItem['body'] = null,
): DesiredItem => ({
  kind,
  slug,
  parentSlug,
  content,
  body,
  contentHash: contentHash({ content, body: body?.markdown }),
});

/** Turns a validated curriculum into the items the catalog should hold. */
export function desiredItems(curriculum: ParsedCurriculum): DesiredItem[] {
  const items: DesiredItem[] = [];
  for (const track of curriculum.tracks) items.push(item('track', track.slug, null, track.data));
  for (const course of curriculum.courses)
    items.push(item('course', course.slug, null, course.data));
  for (const lesson of curriculum.lessons) {
    items.push(
      item('lesson', lesson.slug, lesson.parent ?? null, lesson.data, {
        markdown: lesson.lesson.body,
        html: renderLessonHtml(lesson.lesson.body),
      }),
    );
  }
  for (const quiz of curriculum.quizzes) {
    const { questions, ...settings } = quiz.data;
    items.push(
      item('quiz', quiz.slug, quiz.parent ?? null, {
        ...settings,
        course: quiz.parent,
        questionIds: questions.map((question) => question.id),
      }),
    );
    for (const question of questions)
      items.push(item('question', question.id, quiz.slug, storedQuestion(question)));
  }
  for (const bank of curriculum.banks) {
    const domains = curriculum.bankDomains.filter((domain) => domain.parent === bank.slug);
    items.push(
      item('bank', bank.slug, null, {
        ...bank.data,
        domains: domains.map((domain) => domain.slug),
      }),
    );
    for (const domain of domains) {
      for (const question of domain.data.questions) {
        items.push(
          item('question', question.id, `${bank.slug}/${domain.slug}`, {
            ...storedQuestion(question),
            domain: domain.slug,
          }),
        );
      }
    }
  }
  for (const drill of curriculum.drills) items.push(item('drill', drill.slug, null, drill.data));
  return items;
}
