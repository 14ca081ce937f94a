import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEADLINE_GRACE_MS,
  decideAnswer,
  decideStart,
  decideSubmit,
  isPastDeadline,
  mustExpire,
  type AttemptRules,
  type AttemptState,
} from './attempt-lifecycle.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const T0 = Date.parse('2025-01-01T09:00:00.000Z');
const at = (ms: number) => new Date(T0 + ms);

function attempt(fields: Partial<AttemptState> & { number: number }): AttemptState {
  return {
    open: false,
    deadlineAt: null,
    gradedAt: null,
    passed: null,
    submissionKey: null,
    ...fields,
  };
}

const failed = (number: number, gradedMs: number) =>
  attempt({ number, gradedAt: at(gradedMs), passed: false, submissionKey: `k${number}` });
const passedAttempt = (number: number, gradedMs: number) =>
  attempt({ number, gradedAt: at(gradedMs), passed: true, submissionKey: `k${number}` });

const rules = (overrides: Partial<AttemptRules> = {}): AttemptRules => ({
  attemptsAllowed: 3,
  cooldownMinutes: 0,
  timeLimitMinutes: null,
  ...overrides,
});

describe('decideStart', () => {
  it('starts attempt 1 with no deadline when the quiz has no time limit', () => {
    expect(decideStart([], rules(), at(0))).toEqual({ kind: 'start', number: 1, deadlineAt: null });
  });

  it('sets the deadline timeLimitMinutes after now', () => {
    expect(decideStart([], rules({ timeLimitMinutes: 30 }), at(5_000))).toEqual({
      kind: 'start',
      number: 1,
      deadlineAt: at(5_000 + 30 * MINUTE),
    });
  });

  it('numbers the next attempt after the highest one', () => {
    const attempts = [passedAttempt(2, 0), failed(1, 0)];
    expect(decideStart(attempts, rules({ attemptsAllowed: null }), at(MINUTE))).toMatchObject({
      kind: 'start',
      number: 3,
    });
  });

  it('resumes the open attempt, even when no further attempt would be allowed', () => {
    const attempts = [
      failed(1, 0),
      attempt({ number: 2, open: true, deadlineAt: at(10 * MINUTE) }),
    ];
    expect(decideStart(attempts, rules({ attemptsAllowed: 2, cooldownMinutes: 5 }), at(1))).toEqual(
      {
        kind: 'resume',
        number: 2,
      },
    );
  });

  it('refuses once attemptsAllowed attempts exist, and never when unlimited', () => {
    const attempts = [failed(1, 0), failed(2, 0), failed(3, 0)];
    expect(decideStart(attempts, rules({ attemptsAllowed: 3 }), at(HOUR))).toEqual({
      kind: 'limit-reached',
      attemptsAllowed: 3,
    });
    expect(decideStart(attempts, rules({ attemptsAllowed: 4 }), at(HOUR))).toMatchObject({
      kind: 'start',
      number: 4,
    });
    expect(decideStart(attempts, rules({ attemptsAllowed: null }), at(HOUR))).toMatchObject({
      kind: 'start',
      number: 4,
    });
  });

  it('waits the cool-down after a failed attempt, until gradedAt + cooldown', () => {
    const attempts = [failed(1, 0)];
    const withCooldown = rules({ cooldownMinutes: 5 });
    expect(decideStart(attempts, withCooldown, at(5 * MINUTE - 1))).toEqual({
      kind: 'cooldown',
      retryAt: at(5 * MINUTE),
    });
    expect(decideStart(attempts, withCooldown, at(0))).toEqual({
      kind: 'cooldown',
      retryAt: at(5 * MINUTE),
    });
    expect(decideStart(attempts, withCooldown, at(5 * MINUTE))).toMatchObject({
      kind: 'start',
      number: 2,
    });
  });

  it('has no cool-down after a passed attempt or when the quiz sets none', () => {
    expect(decideStart([passedAttempt(1, 0)], rules({ cooldownMinutes: 5 }), at(1))).toMatchObject({
      kind: 'start',
      number: 2,
    });
    expect(decideStart([failed(1, 0)], rules({ cooldownMinutes: 0 }), at(0))).toMatchObject({
      kind: 'start',
      number: 2,
    });
  });

  it('takes the cool-down from the latest attempt, whatever the list order', () => {
    const withCooldown = rules({ cooldownMinutes: 5, attemptsAllowed: null });
    // Attempt 2 failed a minute ago: cool-down, though attempt 1 passed.
    expect(decideStart([failed(2, 0), passedAttempt(1, -HOUR)], withCooldown, at(MINUTE))).toEqual({
      kind: 'cooldown',
      retryAt: at(5 * MINUTE),
    });
    // Attempt 2 passed: an earlier failure does not matter.
    expect(
      decideStart([passedAttempt(2, 0), failed(1, 0)], withCooldown, at(MINUTE)),
    ).toMatchObject({ kind: 'start', number: 3 });
  });
});

describe('decideAnswer', () => {
  const open = attempt({ number: 1, open: true, deadlineAt: at(10 * MINUTE) });

  it('refuses answers to a closed attempt', () => {
    expect(decideAnswer(failed(1, 0), at(0))).toEqual({ kind: 'closed' });
    expect(decideAnswer({ ...open, open: false }, at(0))).toEqual({ kind: 'closed' });
  });

  it('accepts answers until the deadline plus the grace period', () => {
    expect(decideAnswer(open, at(0))).toEqual({ kind: 'accept' });
    expect(decideAnswer(open, at(10 * MINUTE))).toEqual({ kind: 'accept' });
    expect(decideAnswer(open, at(10 * MINUTE + DEADLINE_GRACE_MS))).toEqual({ kind: 'accept' });
    expect(decideAnswer(open, at(10 * MINUTE + DEADLINE_GRACE_MS + 1))).toEqual({
      kind: 'deadline-passed',
    });
  });

  it('has no deadline without a time limit', () => {
    const untimed = attempt({ number: 1, open: true });
    expect(decideAnswer(untimed, at(1000 * HOUR))).toEqual({ kind: 'accept' });
  });

  it('uses a grace period of two seconds', () => {
    expect(DEADLINE_GRACE_MS).toBe(2_000);
  });
});

describe('decideSubmit', () => {
  const open = attempt({ number: 1, open: true, deadlineAt: at(10 * MINUTE) });

  it('grades an open attempt submitted in time (grace included)', () => {
    expect(decideSubmit(open, 'k', at(0))).toEqual({ kind: 'grade' });
    expect(decideSubmit(open, 'k', at(10 * MINUTE + DEADLINE_GRACE_MS))).toEqual({
      kind: 'grade',
    });
    expect(decideSubmit(attempt({ number: 1, open: true }), 'k', at(1000 * HOUR))).toEqual({
      kind: 'grade',
    });
  });

  it('grades on the saved answers when submitted past the deadline plus grace', () => {
    expect(decideSubmit(open, 'k', at(10 * MINUTE + DEADLINE_GRACE_MS + 1))).toEqual({
      kind: 'grade-as-saved',
    });
  });

  it('replays the same submission and refuses another one', () => {
    const graded = attempt({ number: 1, gradedAt: at(0), passed: true, submissionKey: 'key-1' });
    expect(decideSubmit(graded, 'key-1', at(MINUTE))).toEqual({ kind: 'replay' });
    expect(decideSubmit(graded, 'key-2', at(MINUTE))).toEqual({ kind: 'already-graded' });
  });

  it('refuses any submission to an attempt graded by expiry', () => {
    const expired = attempt({ number: 1, gradedAt: at(0), passed: false, submissionKey: null });
    expect(decideSubmit(expired, 'key-1', at(MINUTE))).toEqual({ kind: 'already-graded' });
  });
});

describe('mustExpire / isPastDeadline', () => {
  const deadlineAt = at(10 * MINUTE);

  it('expires an open attempt only strictly past deadline + grace', () => {
    const open = attempt({ number: 1, open: true, deadlineAt });
    expect(mustExpire(open, at(10 * MINUTE + DEADLINE_GRACE_MS))).toBe(false);
    expect(mustExpire(open, at(10 * MINUTE + DEADLINE_GRACE_MS + 1))).toBe(true);
    expect(isPastDeadline(open, at(10 * MINUTE + DEADLINE_GRACE_MS))).toBe(false);
    expect(isPastDeadline(open, at(10 * MINUTE + DEADLINE_GRACE_MS + 1))).toBe(true);
  });

  it('never expires a closed or untimed attempt', () => {
    expect(mustExpire(attempt({ number: 1, deadlineAt, gradedAt: at(0) }), at(HOUR))).toBe(false);
    expect(mustExpire(attempt({ number: 1, open: true }), at(1000 * HOUR))).toBe(false);
    expect(isPastDeadline({ deadlineAt: null }, at(1000 * HOUR))).toBe(false);
  });
});

/* ---------------------------------------------------------------------------------------------
 * Model-based property test: a driver applying the module's decisions as the service does,
 * against a reference model written independently from the rules.
 * ------------------------------------------------------------------------------------------- */

type Command =
  | { type: 'start'; pass: boolean }
  | { type: 'answer'; target: number | null }
  | { type: 'submit'; target: number | null; key: string; pass: boolean }
  | { type: 'expire'; pass: boolean }
  | { type: 'advance'; ms: number };

/**
 * "Advance the clock to just before, at or just after the next instant where a rule flips" (a
 * cool-down's end, a deadline's grace end): turned into a plain `advance` by {@link resolve},
 * so that random sequences hit the boundaries, not only the regions between them.
 */
type Step = Command | { type: 'advance-to-edge'; delta: -1 | 0 | 1 };

type Outcome =
  | { kind: 'resume'; number: number; expired: number }
  | { kind: 'start'; number: number; deadlineAt: number | null; expired: number }
  | { kind: 'limit-reached'; attemptsAllowed: number; expired: number }
  | { kind: 'cooldown'; retryAt: number; expired: number }
  | { kind: 'accept' | 'closed' | 'deadline-passed'; number: number }
  | { kind: 'grade' | 'grade-as-saved' | 'already-graded'; number: number }
  | { kind: 'replay'; number: number; passed: boolean }
  | { kind: 'no-attempt' }
  | { kind: 'expired'; count: number }
  | { kind: 'advanced' };

interface Snapshot {
  attempts: number;
  openNumber: number | null;
  graded: number;
  detail: {
    open: boolean;
    deadline: number | null;
    gradedAt: number | null;
    passed: boolean | null;
    key: string | null;
  }[];
}

/** What the service does, with the module's decisions and nothing else. */
class Driver {
  private now: number = T0;
  readonly attempts: AttemptState[] = [];
  /** How many times each attempt (by number) was graded, and the grade given the first time. */
  readonly gradings = new Map<number, { times: number; passed: boolean }>();

  constructor(private readonly rules: AttemptRules) {}

  private grade(state: AttemptState, passed: boolean, key: string | null) {
    state.open = false;
    state.gradedAt = new Date(this.now);
    state.passed = passed;
    state.submissionKey = key;
    const previous = this.gradings.get(state.number);
    this.gradings.set(state.number, { times: (previous?.times ?? 0) + 1, passed });
  }

  private expireOverdue(pass: boolean): number {
    let count = 0;
    for (const state of this.attempts) {
      if (mustExpire(state, new Date(this.now))) {
        this.grade(state, pass, null);
        count++;
      }
    }
    return count;
  }

  private target(index: number | null): AttemptState | undefined {
    if (this.attempts.length === 0) return undefined;
    return index === null ? this.attempts.at(-1) : this.attempts[index % this.attempts.length];
  }

  apply(command: Command): Outcome {
    const now = new Date(this.now);
    switch (command.type) {
      case 'advance':
        this.now += command.ms;
        return { kind: 'advanced' };
      case 'expire':
        return { kind: 'expired', count: this.expireOverdue(command.pass) };
      case 'start': {
        const expired = this.expireOverdue(command.pass);
        const decision = decideStart(this.attempts, this.rules, now);
        switch (decision.kind) {
          case 'resume':
            return { kind: 'resume', number: decision.number, expired };
          case 'limit-reached':
            return { kind: 'limit-reached', attemptsAllowed: decision.attemptsAllowed, expired };
          case 'cooldown':
            return { kind: 'cooldown', retryAt: decision.retryAt.getTime(), expired };
          case 'start':
            this.attempts.push({
              number: decision.number,
              open: true,
              deadlineAt: decision.deadlineAt,
              gradedAt: null,
              passed: null,
              submissionKey: null,
            });
            return {
              kind: 'start',
              number: decision.number,
              deadlineAt: decision.deadlineAt?.getTime() ?? null,
              expired,
            };
        }
        throw new Error('unreachable');
      }
      case 'answer': {
        const state = this.target(command.target);
        if (!state) return { kind: 'no-attempt' };
        return { kind: decideAnswer(state, now).kind, number: state.number };
      }
      case 'submit': {
        const state = this.target(command.target);
        if (!state) return { kind: 'no-attempt' };
        const decision = decideSubmit(state, command.key, now);
        if (decision.kind === 'grade' || decision.kind === 'grade-as-saved') {
          this.grade(state, command.pass, command.key);
        }
        if (decision.kind === 'replay') {
          // The stored grade is what a replay answers with.
          const stored = this.gradings.get(state.number);
          expect(stored?.passed).toBe(state.passed);
          return { kind: 'replay', number: state.number, passed: state.passed ?? false };
        }
        return { kind: decision.kind, number: state.number };
      }
    }
  }

  snapshot(): Snapshot {
    return {
      attempts: this.attempts.length,
      openNumber: this.attempts.find((state) => state.open)?.number ?? null,
      graded: this.attempts.filter((state) => state.gradedAt !== null).length,
      detail: this.attempts.map((state) => ({
        open: state.open,
        deadline: state.deadlineAt?.getTime() ?? null,
        gradedAt: state.gradedAt?.getTime() ?? null,
        passed: state.passed,
        key: state.submissionKey,
      })),
    };
  }
}

/** The rules written out naively, without the module: attempt n is at index n - 1. */
class Reference {
  private clock = T0;
  private readonly list: {
    deadline: number | null;
    closed: boolean;
    gradedAt: number | null;
    passed: boolean | null;
    key: string | null;
  }[] = [];

  constructor(private readonly rules: AttemptRules) {}

  private overdue(index: number): boolean {
    const entry = this.list[index];
    if (!entry || entry.closed || entry.deadline === null) return false;
    return this.clock > entry.deadline + 2000;
  }

  private close(index: number, passed: boolean, key: string | null) {
    const entry = this.list[index];
    if (!entry) throw new Error(`no attempt ${index + 1}`);
    this.list[index] = { ...entry, closed: true, gradedAt: this.clock, passed, key };
  }

  private expireAll(pass: boolean): number {
    let count = 0;
    for (let index = 0; index < this.list.length; index++) {
      if (this.overdue(index)) {
        this.close(index, pass, null);
        count++;
      }
    }
    return count;
  }

  private pick(target: number | null): number {
    if (this.list.length === 0) return -1;
    return target === null ? this.list.length - 1 : target % this.list.length;
  }

  apply(command: Command): Outcome {
    if (command.type === 'advance') {
      this.clock += command.ms;
      return { kind: 'advanced' };
    }
    if (command.type === 'expire') return { kind: 'expired', count: this.expireAll(command.pass) };
    if (command.type === 'start') {
      const expired = this.expireAll(command.pass);
      for (const [index, entry] of this.list.entries()) {
        if (!entry.closed) return { kind: 'resume', number: index + 1, expired };
      }
      const { attemptsAllowed, cooldownMinutes, timeLimitMinutes } = this.rules;
      if (attemptsAllowed !== null && this.list.length >= attemptsAllowed) {
        return { kind: 'limit-reached', attemptsAllowed, expired };
      }
      const previous = this.list[this.list.length - 1];
      if (previous && previous.passed === false && previous.gradedAt !== null) {
        const retryAt = previous.gradedAt + cooldownMinutes * 60_000;
        if (this.clock < retryAt) return { kind: 'cooldown', retryAt, expired };
      }
      const deadline = timeLimitMinutes === null ? null : this.clock + timeLimitMinutes * 60_000;
      this.list.push({ deadline, closed: false, gradedAt: null, passed: null, key: null });
      return { kind: 'start', number: this.list.length, deadlineAt: deadline, expired };
    }
    const index = this.pick(command.target);
    const entry = this.list[index];
    if (!entry) return { kind: 'no-attempt' };
    const number = index + 1;
    if (command.type === 'answer') {
      if (entry.closed) return { kind: 'closed', number };
      if (this.overdue(index)) return { kind: 'deadline-passed', number };
      return { kind: 'accept', number };
    }
    if (entry.closed) {
      return entry.key === command.key
        ? { kind: 'replay', number, passed: entry.passed ?? false }
        : { kind: 'already-graded', number };
    }
    const late = this.overdue(index);
    this.close(index, command.pass, command.key);
    return { kind: late ? 'grade-as-saved' : 'grade', number };
  }

  /** The instants after now where a start or an answer would be decided differently. */
  edges(): number[] {
    const edges: number[] = [];
    const previous = this.list[this.list.length - 1];
    if (previous?.gradedAt != null)
      edges.push(previous.gradedAt + this.rules.cooldownMinutes * 60_000);
    for (const entry of this.list) {
      if (!entry.closed && entry.deadline !== null) edges.push(entry.deadline + 2000);
    }
    return edges.filter((edge) => edge + 1 > this.clock).sort((a, b) => a - b);
  }

  get now(): number {
    return this.clock;
  }

  snapshot(): Snapshot {
    const openIndex = this.list.findIndex((entry) => !entry.closed);
    return {
      attempts: this.list.length,
      openNumber: openIndex === -1 ? null : openIndex + 1,
      graded: this.list.filter((entry) => entry.closed).length,
      detail: this.list.map((entry) => ({
        open: !entry.closed,
        deadline: entry.deadline,
        gradedAt: entry.gradedAt,
        passed: entry.passed,
        key: entry.key,
      })),
    };
  }
}

const commandArb: fc.Arbitrary<Command> = fc.oneof(
  { arbitrary: fc.record({ type: fc.constant('start' as const), pass: fc.boolean() }), weight: 3 },
  {
    arbitrary: fc.record({
      type: fc.constant('answer' as const),
      target: fc.option(fc.nat({ max: 5 }), { freq: 3 }),
    }),
    weight: 2,
  },
  {
    arbitrary: fc.record({
      type: fc.constant('submit' as const),
      target: fc.option(fc.nat({ max: 5 }), { freq: 3 }),
      key: fc.constantFrom('k1', 'k2', 'k3'),
      pass: fc.boolean(),
    }),
    weight: 3,
  },
  { arbitrary: fc.record({ type: fc.constant('expire' as const), pass: fc.boolean() }), weight: 1 },
  {
    arbitrary: fc.record({
      type: fc.constant('advance' as const),
      ms: fc.oneof(
        fc.constantFrom(
          1,
          1_000,
          1_999,
          2_000,
          2_001,
          30_000,
          MINUTE,
          MINUTE + 2_000,
          MINUTE + 2_001,
        ),
        fc.integer({ min: 0, max: 6 * MINUTE }),
        // Whole minutes, with or without the grace: lands exactly on cool-downs and deadlines.
        fc
          .tuple(fc.integer({ min: 1, max: 5 }), fc.constantFrom(0, 2_000, 2_001))
          .map(([minutes, extra]) => minutes * MINUTE + extra),
      ),
    }),
    weight: 3,
  },
);

function resolve(step: Step, reference: Reference): Command {
  if (step.type !== 'advance-to-edge') return step;
  const edge = reference.edges()[0];
  return {
    type: 'advance',
    ms: edge === undefined ? 0 : Math.max(0, edge + step.delta - reference.now),
  };
}

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { arbitrary: commandArb, weight: 6 },
  {
    arbitrary: fc.record({
      type: fc.constant('advance-to-edge' as const),
      delta: fc.constantFrom(-1 as const, 0 as const, 1 as const),
    }),
    weight: 3,
  },
);

const rulesArb: fc.Arbitrary<AttemptRules> = fc.record({
  attemptsAllowed: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null, freq: 2 }),
  cooldownMinutes: fc.integer({ min: 0, max: 5 }),
  timeLimitMinutes: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }),
});

describe('attempt lifecycle (model-based)', () => {
  it('agrees with a reference model of the rules on every command', () => {
    const kindsSeen = new Set<string>();
    fc.assert(
      fc.property(rulesArb, fc.array(stepArb, { maxLength: 40, size: 'max' }), (rules, steps) => {
        const driver = new Driver(rules);
        const reference = new Reference(rules);
        for (const step of steps) {
          const command = resolve(step, reference);
          const actual = driver.apply(command);
          const expected = reference.apply(command);
          kindsSeen.add(actual.kind);
          expect(actual).toEqual(expected);
          const snapshot = driver.snapshot();
          expect(snapshot).toEqual(reference.snapshot());

          // Invariants of the driver's state, independent of the reference.
          expect(snapshot.detail.filter((entry) => entry.open).length).toBeLessThanOrEqual(1);
          if (rules.attemptsAllowed !== null) {
            expect(snapshot.attempts).toBeLessThanOrEqual(rules.attemptsAllowed);
          }
          for (const state of driver.attempts) {
            const times = driver.gradings.get(state.number)?.times ?? 0;
            expect(times).toBe(state.open ? 0 : 1);
          }
          expect(driver.attempts.map((state) => state.number)).toEqual(
            driver.attempts.map((_, index) => index + 1),
          );
        }
      }),
      { numRuns: 300 },
    );
    // Guard against a generator that never reaches the interesting cases.
    for (const kind of [
      'start',
      'resume',
      'limit-reached',
      'cooldown',
      'accept',
      'closed',
      'deadline-passed',
      'grade',
      'grade-as-saved',
      'replay',
      'already-graded',
    ]) {
      expect(kindsSeen).toContain(kind);
    }
  });
});
