import type { ReminderPolicy } from '../entities/reminder-policy.entity.js';

/** A wall-clock moment in some timezone. */
export interface LocalTime {
  /** YYYY-MM-DD */
  date: string;
  /** 1 = Monday ... 7 = Sunday */
  isoWeekday: number;
  /** Minutes since local midnight. */
  minutes: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** "HH:MM" as minutes since midnight. */
export function minutesOf(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

function parts(instant: Date, timeZone: string): Record<string, number> {
  return Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(instant)
      .filter((part) => part.type !== 'literal')
      .map((part) => [part.type, Number(part.value)]),
  );
}

export function localTime(instant: Date, timeZone: string): LocalTime {
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0 } = parts(instant, timeZone);
  const date = new Date(Date.UTC(year, month - 1, day));
  return {
    date: date.toISOString().slice(0, 10),
    isoWeekday: date.getUTCDay() === 0 ? 7 : date.getUTCDay(),
    minutes: hour * 60 + minute,
  };
}

/** The instant at which it is `minutes` past midnight of `date` (YYYY-MM-DD) in `timeZone`. */
export function instantAt(date: string, minutes: number, timeZone: string): Date {
  const wall = Date.parse(`${date}T00:00:00Z`) + minutes * 60_000;
  // Two rounds of "subtract the zone's offset at the guess" settle even across a DST change.
  let guess = wall;
  for (let round = 0; round < 2; round++) {
    const seen = parts(new Date(guess), timeZone);
    const seenWall = Date.UTC(
      seen.year ?? 0,
      (seen.month ?? 1) - 1,
      seen.day ?? 1,
      seen.hour ?? 0,
      seen.minute ?? 0,
      seen.second ?? 0,
    );
    guess += wall - seenWall;
  }
  return new Date(guess);
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

type DeliveryWindow = Pick<ReminderPolicy, 'quietHoursStart' | 'quietHoursEnd' | 'workingDays'>;

export function inQuietHours(minutes: number, window: DeliveryWindow): boolean {
  const start = minutesOf(window.quietHoursStart);
  const end = minutesOf(window.quietHoursEnd);
  if (start === end) return false;
  return start < end ? minutes >= start && minutes < end : minutes >= start || minutes < end;
}

/**
 * When a reminder may reach a person who is in `timeZone` at `now`: now, on a working day
 * outside quiet hours; otherwise the first such moment after it.
 */
export function nextDeliveryTime(now: Date, timeZone: string, window: DeliveryWindow): Date {
  const local = localTime(now, timeZone);
  for (let offset = 0; offset <= 7; offset++) {
    const date = addDays(local.date, offset);
    const weekday = ((local.isoWeekday - 1 + offset) % 7) + 1;
    if (!window.workingDays.includes(weekday)) continue;
    // A deliverable stretch of a day starts at midnight, at the end of quiet hours, or now.
    const starts =
      offset === 0
        ? [local.minutes, minutesOf(window.quietHoursEnd)]
        : [0, minutesOf(window.quietHoursEnd)];
    const candidates = starts
      .filter(
        (minutes) => (offset > 0 || minutes >= local.minutes) && !inQuietHours(minutes, window),
      )
      .sort((a, b) => a - b);
    const first = candidates[0];
    if (first !== undefined) {
      return first === local.minutes && offset === 0 ? now : instantAt(date, first, timeZone);
    }
  }
  // Unreachable with at least one working day: every day has a stretch outside quiet hours.
  return now;
}
