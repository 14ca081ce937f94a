import { createHash } from 'node:crypto';
import { canonicalJson } from '@academy/common';
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
      items.push(item('question', question.id, quiz.slug, question));
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
            ...question,
            domain: domain.slug,
          }),
        );
      }
    }
  }
  for (const drill of curriculum.drills) items.push(item('drill', drill.slug, null, drill.data));
  return items;
}
