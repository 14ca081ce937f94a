import { DomainError } from '@academy/common';
import { LearningErrors } from '../learning.errors.js';
import type { DueFrom } from '../entities/assignment.entity.js';

/** When assigned learning is due: on a date, within N days of assignment or of hire, or never. */
export interface DueRule {
  dueAt: Date | null;
  dueWithinDays: number | null;
  dueFrom: DueFrom | null;
}

export interface DueInput {
  dueOn?: Date | null;
  dueWithinDays?: number | null;
  dueFrom?: DueFrom | null;
}

const MAX_DAYS = 3650;

/** Checks a due-date input and turns it into a rule; a past date or two forms at once are refused. */
export function dueRule(input: DueInput, now: Date): DueRule {
  const { dueOn, dueWithinDays, dueFrom } = input;
  if (dueOn && dueWithinDays != null) {
    throw new DomainError(
      LearningErrors.INVALID_INPUT,
      'Give either a due date or a number of days, not both.',
    );
  }
  if (dueOn) {
    if (dueFrom) {
      throw new DomainError(
        LearningErrors.INVALID_INPUT,
        'A due date is absolute: dueFrom applies to a number of days only.',
      );
    }
    if (Number.isNaN(dueOn.getTime()) || dueOn.getTime() <= now.getTime())
      throw new DomainError(LearningErrors.INVALID_INPUT, 'The due date must be in the future.');
    return { dueAt: dueOn, dueWithinDays: null, dueFrom: null };
  }
  if (dueWithinDays != null) {
    if (!Number.isInteger(dueWithinDays) || dueWithinDays < 1 || dueWithinDays > MAX_DAYS) {
      throw new DomainError(
        LearningErrors.INVALID_INPUT,
        `A relative due date is 1 to ${MAX_DAYS} days.`,
      );
    }
    return { dueAt: null, dueWithinDays, dueFrom: dueFrom ?? 'assignment' };
  }
  if (dueFrom)
    throw new DomainError(LearningErrors.INVALID_INPUT, 'Say how many days after the hire date.');
  return { dueAt: null, dueWithinDays: null, dueFrom: null };
}

/**
 * SQL for one person's due date under the rule in the given parameters, with `u` the users row:
 * a relative date counts from `assignedAt` (SQL), or from the hire date where the rule says so
 * and there is one.
 */
export function dueDateSql(
  dueAt: string,
  days: string,
  from: string,
  assignedAt = 'now()',
): string {
  return `CASE
    WHEN ${dueAt}::timestamptz IS NOT NULL THEN ${dueAt}::timestamptz
    WHEN ${days}::int IS NULL THEN NULL
    WHEN ${from}::text = 'hire' AND u.hired_on IS NOT NULL
      THEN (u.hired_on::timestamp AT TIME ZONE 'UTC') + make_interval(days => ${days}::int)
    ELSE ${assignedAt} + make_interval(days => ${days}::int)
  END`;
}
