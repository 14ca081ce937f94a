import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  DEFAULT_REMINDER_POLICY,
  type ReminderPolicy,
} from '../entities/reminder-policy.entity.js';
import { inQuietHours, minutesOf } from './calendar.js';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Every reason `policy` cannot be used, in words an admin can act on. */
export function policyProblems(policy: ReminderPolicy): string[] {
  const problems: string[] = [];
  const days = (name: string, values: number[]) => {
    if (values.length > 5) problems.push(`${name}: at most 5 reminders`);
    if (values.some((value) => !Number.isInteger(value) || value < 1 || value > 365))
      problems.push(`${name}: whole days between 1 and 365`);
    if (new Set(values).size !== values.length) problems.push(`${name}: no day twice`);
  };
  days('daysBefore', policy.daysBefore);
  days('daysOverdue', policy.daysOverdue);
  const { escalateAfterDays, adminSummaryWeekday } = policy;
  if (escalateAfterDays !== null && !(escalateAfterDays >= 1 && escalateAfterDays <= 365))
    problems.push('escalateAfterDays: between 1 and 365 days, or none');
  if (adminSummaryWeekday !== null && !(adminSummaryWeekday >= 1 && adminSummaryWeekday <= 7))
    problems.push('adminSummaryWeekday: 1 (Monday) to 7 (Sunday), or none');
  for (const field of ['sendTime', 'quietHoursStart', 'quietHoursEnd'] as const) {
    if (!TIME.test(policy[field])) problems.push(`${field}: a time like 09:00`);
  }
  if (
    policy.workingDays.length === 0 ||
    policy.workingDays.some((day) => !Number.isInteger(day) || day < 1 || day > 7)
  )
    problems.push('workingDays: at least one of 1 (Monday) to 7 (Sunday)');
  if (problems.length === 0 && inQuietHours(minutesOf(policy.sendTime), policy))
    problems.push('sendTime: must fall outside quiet hours');
  return problems;
}

/** Each organization's reminder policy: the shipped defaults until an admin changes them. */
@Injectable()
export class ReminderPolicies {
  async effective(manager: EntityManager, organizationId: string): Promise<ReminderPolicy> {
    // Plain SQL rather than a repository: every digest reads it, and entity mapping cost more
    // than the query.
    const [stored] = await manager.query<ReminderPolicy[]>(
      `SELECT days_before AS "daysBefore", days_overdue AS "daysOverdue",
              escalate_after_days AS "escalateAfterDays", admin_summary_weekday AS "adminSummaryWeekday",
              send_time AS "sendTime", quiet_hours_start AS "quietHoursStart",
              quiet_hours_end AS "quietHoursEnd", working_days AS "workingDays"
         FROM reminder_policies WHERE organization_id = $1`,
      [organizationId],
    );
    return stored ?? DEFAULT_REMINDER_POLICY;
  }
}
