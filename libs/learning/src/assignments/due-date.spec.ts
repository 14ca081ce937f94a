import { DomainError } from '@academy/common';
import { describe, expect, it } from 'vitest';
import { LearningErrors } from '../learning.errors.js';
import { dueRule, type DueInput } from './due-date.js';

const now = new Date('2025-03-01T12:00:00.000Z');
const DAY = 86_400_000;

function refusal(input: DueInput): DomainError {
  try {
    dueRule(input, now);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error(`dueRule accepted ${JSON.stringify(input)}`);
}

function expectRefused(input: DueInput) {
  const error = refusal(input);
  expect(error.errorCode).toBe(LearningErrors.INVALID_INPUT);
  expect(error.errorCode.code).toBe('LEARNING_INVALID_INPUT');
  expect(error.errorCode.category).toBe('BAD_USER_INPUT');
  expect(error.safeMessage).toBe(error.message);
  return error;
}

describe('dueRule', () => {
  it('accepts a future date', () => {
    const dueOn = new Date(now.getTime() + DAY);
    expect(dueRule({ dueOn }, now)).toEqual({ dueAt: dueOn, dueWithinDays: null, dueFrom: null });
    const justAfter = new Date(now.getTime() + 1);
    expect(dueRule({ dueOn: justAfter }, now).dueAt).toEqual(justAfter);
  });

  it('refuses a date in the past, or now', () => {
    expect(expectRefused({ dueOn: new Date(now.getTime() - DAY) }).message).toMatch(/future/);
    expectRefused({ dueOn: new Date(now.getTime()) });
  });

  it('refuses an invalid date, and dueFrom with a date', () => {
    expectRefused({ dueOn: new Date('invalid') });
    expect(
      expectRefused({ dueOn: new Date(now.getTime() + DAY), dueFrom: 'hire' }).message,
    ).toMatch(/absolute/);
  });

  it('refuses a date and a number of days together', () => {
    expect(
      expectRefused({ dueOn: new Date(now.getTime() + DAY), dueWithinDays: 30 }).message,
    ).toMatch(/not both/);
    expectRefused({ dueOn: new Date(now.getTime() + DAY), dueWithinDays: 30, dueFrom: 'hire' });
    // Even an out-of-range number is "a number of days".
    expectRefused({ dueOn: new Date(now.getTime() + DAY), dueWithinDays: 0 });
  });

  it('accepts 1 to 3650 whole days', () => {
    for (const days of [1, 30, 3650]) {
      expect(dueRule({ dueWithinDays: days }, now)).toEqual({
        dueAt: null,
        dueWithinDays: days,
        dueFrom: 'assignment',
      });
    }
  });

  it('refuses a number of days out of range or not whole', () => {
    for (const days of [0, -1, 3651, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(expectRefused({ dueWithinDays: days }).message).toMatch(/1 to 3650 days/);
    }
  });

  it('counts from the assignment by default, or from the hire date when asked', () => {
    expect(dueRule({ dueWithinDays: 10, dueFrom: null }, now).dueFrom).toBe('assignment');
    expect(dueRule({ dueWithinDays: 10, dueFrom: 'assignment' }, now).dueFrom).toBe('assignment');
    expect(dueRule({ dueWithinDays: 10, dueFrom: 'hire' }, now)).toEqual({
      dueAt: null,
      dueWithinDays: 10,
      dueFrom: 'hire',
    });
  });

  it('refuses a starting point without a number of days', () => {
    expect(expectRefused({ dueFrom: 'hire' }).message).toMatch(/how many days/);
    expectRefused({ dueFrom: 'assignment', dueWithinDays: null });
  });

  it('gives no due date when nothing is asked', () => {
    const none = { dueAt: null, dueWithinDays: null, dueFrom: null };
    expect(dueRule({}, now)).toEqual(none);
    expect(dueRule({ dueOn: null, dueWithinDays: null, dueFrom: null }, now)).toEqual(none);
  });
});
