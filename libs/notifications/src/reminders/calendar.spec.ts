import { describe, expect, it } from 'vitest';
import { DEFAULT_REMINDER_POLICY } from '../entities/reminder-policy.entity.js';
import { inQuietHours, instantAt, localTime, nextDeliveryTime } from './calendar.js';
import { policyProblems } from './reminder-policies.js';
import { workingDayShifts } from './reminder-planner.js';

const weekdays = { quietHoursStart: '20:00', quietHoursEnd: '08:00', workingDays: [1, 2, 3, 4, 5] };

describe('calendar', () => {
  it('reads the local day, weekday and time of an instant in a timezone', () => {
    expect(localTime(new Date('2026-03-01T23:30:00Z'), 'Asia/Tokyo')).toEqual({
      date: '2026-03-02',
      isoWeekday: 1,
      minutes: 8 * 60 + 30,
    });
    expect(localTime(new Date('2026-03-01T23:30:00Z'), 'America/New_York').date).toBe('2026-03-01');
  });

  it('finds the instant of a local wall time, across a daylight-saving change', () => {
    expect(instantAt('2026-01-15', 9 * 60, 'Europe/Berlin').toISOString()).toBe(
      '2026-01-15T08:00:00.000Z',
    );
    expect(instantAt('2026-07-15', 9 * 60, 'Europe/Berlin').toISOString()).toBe(
      '2026-07-15T07:00:00.000Z',
    );
    expect(instantAt('2026-03-29', 9 * 60, 'Europe/Berlin').toISOString()).toBe(
      '2026-03-29T07:00:00.000Z',
    );
  });

  it('treats quiet hours that wrap midnight and those that do not', () => {
    expect(inQuietHours(21 * 60, weekdays)).toBe(true);
    expect(inQuietHours(7 * 60, weekdays)).toBe(true);
    expect(inQuietHours(8 * 60, weekdays)).toBe(false);
    const lunch = { ...weekdays, quietHoursStart: '12:00', quietHoursEnd: '13:00' };
    expect(inQuietHours(12 * 60 + 30, lunch)).toBe(true);
    expect(inQuietHours(21 * 60, lunch)).toBe(false);
    expect(inQuietHours(3 * 60, { ...weekdays, quietHoursEnd: '20:00' })).toBe(false);
  });

  it('delivers now on a working day outside quiet hours', () => {
    // Tuesday 10:00 in Berlin.
    const now = new Date('2026-12-01T09:00:00Z');
    expect(nextDeliveryTime(now, 'Europe/Berlin', weekdays)).toEqual(now);
  });

  it('waits for quiet hours to end, and for the next working day', () => {
    // Tuesday 23:30 in Berlin: Wednesday 08:00.
    expect(
      nextDeliveryTime(new Date('2026-12-01T22:30:00Z'), 'Europe/Berlin', weekdays).toISOString(),
    ).toBe('2026-12-02T07:00:00.000Z');
    // Friday 21:00 in Berlin: Monday 08:00 (weekend and quiet hours).
    expect(
      nextDeliveryTime(new Date('2026-12-04T20:00:00Z'), 'Europe/Berlin', weekdays).toISOString(),
    ).toBe('2026-12-07T07:00:00.000Z');
    // Saturday noon in Tokyo: Monday 08:00 Tokyo.
    expect(
      nextDeliveryTime(new Date('2026-12-05T03:00:00Z'), 'Asia/Tokyo', weekdays).toISOString(),
    ).toBe('2026-12-06T23:00:00.000Z');
  });
});

describe('policyProblems', () => {
  it('accepts the shipped defaults', () => {
    expect(policyProblems(DEFAULT_REMINDER_POLICY)).toEqual([]);
  });

  it('names every problem of a bad policy', () => {
    expect(
      policyProblems({
        ...DEFAULT_REMINDER_POLICY,
        daysBefore: [0, 3, 3],
        escalateAfterDays: 0,
        adminSummaryWeekday: 8,
        sendTime: '9am',
        workingDays: [],
      }),
    ).toEqual([
      'daysBefore: whole days between 1 and 365',
      'daysBefore: no day twice',
      'escalateAfterDays: between 1 and 365 days, or none',
      'adminSummaryWeekday: 1 (Monday) to 7 (Sunday), or none',
      'sendTime: a time like 09:00',
      'workingDays: at least one of 1 (Monday) to 7 (Sunday)',
    ]);
  });

  it('refuses a send time inside quiet hours', () => {
    expect(policyProblems({ ...DEFAULT_REMINDER_POLICY, sendTime: '21:00' })).toEqual([
      'sendTime: must fall outside quiet hours',
    ]);
  });
});

describe('workingDayShifts', () => {
  it('moves each weekday to the first working day on or after it', () => {
    expect(workingDayShifts([1, 2, 3, 4, 5])).toEqual([0, 0, 0, 0, 0, 2, 1]);
    expect(workingDayShifts([1, 2, 3, 4, 5, 6, 7])).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(workingDayShifts([3])).toEqual([2, 1, 0, 6, 5, 4, 3]);
  });
});
