import type { LearningItemKind } from '../entities/assignment.entity.js';
import type { EnrollmentStatus } from '../entities/enrollment.entity.js';

/** An enrollment with its item's title and progress, as the dashboard and transcript show it. */
export interface EnrollmentSummary {
  id: string;
  itemKind: LearningItemKind;
  itemSlug: string;
  title: string;
  status: EnrollmentStatus;
  assigned: boolean;
  cycle: number;
  dueAt: Date | null;
  enrolledAt: Date;
  startedAt: Date | null;
  completedAt: Date | null;
  /** Lessons of a course or courses of a track, in order, and those done. */
  parts: string[];
  partsDone: string[];
  resumeLessonSlug: string | null;
}

export interface EnrollmentRow {
  id: string;
  item_kind: LearningItemKind;
  item_slug: string;
  title: string | null;
  status: EnrollmentStatus;
  assignment_id: string | null;
  cycle: number;
  due_at: Date | null;
  enrolled_at: Date;
  started_at: Date | null;
  completed_at: Date | null;
  parts: string[] | null;
  parts_done: string[] | null;
  resume_lesson_slug: string | null;
}

/**
 * Joins `item.content`: the current version of the item enrollment `e` is for (the
 * organization's own, else the shipped one). Other contexts use it to name what is due.
 */
export const ENROLLMENT_ITEM_CONTENT = `LEFT JOIN LATERAL (
    SELECT v.content FROM catalog_items i JOIN catalog_item_versions v ON v.id = i.current_version_id
     WHERE i.kind = e.item_kind AND i.slug = e.item_slug
       AND (i.organization_id IS NULL OR i.organization_id = e.organization_id)
     ORDER BY i.organization_id NULLS LAST LIMIT 1) item ON true`;

/** Lessons of a course in module order, or courses of a track; and which of them are done. */
const PARTS = `
  CASE WHEN e.item_kind = 'course' THEN ARRAY(
    SELECT lesson FROM jsonb_array_elements(item.content->'modules') WITH ORDINALITY AS m(module, n),
                       jsonb_array_elements_text(m.module->'lessons') WITH ORDINALITY AS l(lesson, k)
     ORDER BY m.n, l.k)
  ELSE ARRAY(SELECT jsonb_array_elements_text(item.content->'courses')) END AS parts,
  CASE WHEN e.item_kind = 'course' THEN ARRAY(
    SELECT p.lesson_slug FROM lesson_progress p WHERE p.enrollment_id = e.id AND p.completed_at IS NOT NULL)
  ELSE ARRAY(
    SELECT c.item_slug FROM enrollments c
     WHERE c.organization_id = e.organization_id AND c.user_id = e.user_id
       AND c.item_kind = 'course' AND c.status = 'completed'
       AND c.completed_at >= e.enrolled_at) END AS parts_done`;

export const ENROLLMENT_SUMMARY_SELECT = `
  SELECT e.id, e.item_kind, e.item_slug, item.content->>'title' AS title, e.status, e.assignment_id,
         e.cycle, e.due_at, e.enrolled_at, e.started_at, e.completed_at, e.resume_lesson_slug, ${PARTS}
    FROM enrollments e ${ENROLLMENT_ITEM_CONTENT}`;

export function toEnrollmentSummary(row: EnrollmentRow): EnrollmentSummary {
  return {
    id: row.id,
    itemKind: row.item_kind,
    itemSlug: row.item_slug,
    title: row.title ?? row.item_slug,
    status: row.status,
    assigned: row.assignment_id !== null,
    cycle: row.cycle,
    dueAt: row.due_at,
    enrolledAt: row.enrolled_at,
    startedAt: row.started_at,
    completedAt: row.completed_at,
    parts: row.parts ?? [],
    partsDone: row.parts_done ?? [],
    resumeLessonSlug: row.resume_lesson_slug,
  };
}

/** The lesson to take next: the resume point if it is not done yet, else the first not done. */
export function nextLessonSlug(enrollment: EnrollmentSummary): string | null {
  if (enrollment.itemKind !== 'course') return null;
  const done = new Set(enrollment.partsDone);
  if (enrollment.resumeLessonSlug && !done.has(enrollment.resumeLessonSlug)) {
    return enrollment.resumeLessonSlug;
  }
  return enrollment.parts.find((lesson) => !done.has(lesson)) ?? null;
}
