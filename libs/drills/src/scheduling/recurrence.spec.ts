import { DomainError } from '@academy/common';
import { describe, expect, it } from 'vitest';
import { Recurrence } from './recurrence.js';

const first = new Date('2027-01-05T09:00:00Z');

describe('Recurrence', () => {
  it('counts a quarterly rule from the first start, and ends with COUNT', () => {
    const quarterly = Recurrence.parse('FREQ=MONTHLY;INTERVAL=3;COUNT=3', first);
    expect(quarterly.firstFrom(first)).toEqual(first);
    const second = quarterly.after(first);
    expect(second).toEqual(new Date('2027-04-05T09:00:00Z'));
    const third = second && quarterly.after(second);
    expect(third).toEqual(new Date('2027-07-05T09:00:00Z'));
    expect(third && quarterly.after(third)).toBeNull();
  });

  it('accepts an RRULE: prefix and a weekday rule', () => {
    const weekly = Recurrence.parse('RRULE:FREQ=WEEKLY;BYDAY=FR', first);
    expect(weekly.firstFrom(first)).toEqual(new Date('2027-01-08T09:00:00Z'));
  });

  it.each([
    ['', 'one RRULE line'],
    ['DTSTART:20270101T000000Z\nRRULE:FREQ=DAILY', 'one RRULE line'],
    ['FREQ=SOMETIMES', 'not a valid RRULE'],
    ['FREQ=MINUTELY', 'at most hourly'],
  ])('refuses %j with a clear error', (rule, message) => {
    expect(() => Recurrence.parse(rule, first)).toThrow(DomainError);
    expect(() => Recurrence.parse(rule, first)).toThrow(message);
  });
});
