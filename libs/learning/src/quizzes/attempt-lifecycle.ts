/**
 * The rules of quiz attempts as pure decisions over an enrollment's attempts at one quiz, so
 * the service and the property test (attempt-lifecycle.spec.ts) share one definition:
 * - one open attempt at a time; starting again resumes it;
 * - at most `attemptsAllowed` attempts; after a failed one, a cool-down before the next;
 * - answers are accepted only while the attempt is open and before its deadline;
 * - an attempt is graded once: by its submission, or by the expiry job after the deadline, in
 *   which case it is graded on the answers saved before the deadline.
 */
export interface AttemptRules {
  attemptsAllowed: number | null;
  cooldownMinutes: number;
  timeLimitMinutes: number | null;
}

export interface AttemptState {
  number: number;
  open: boolean;
  deadlineAt: Date | null;
  gradedAt: Date | null;
  passed: boolean | null;
  submissionKey: string | null;
}

/** Network latency between a client's last second and the server: answers this late still count. */
export const DEADLINE_GRACE_MS = 2_000;

const MINUTE = 60_000;

export type StartDecision =
  | { kind: 'resume'; number: number }
  | { kind: 'start'; number: number; deadlineAt: Date | null }
  | { kind: 'limit-reached'; attemptsAllowed: number }
  | { kind: 'cooldown'; retryAt: Date };

export function isPastDeadline(attempt: Pick<AttemptState, 'deadlineAt'>, now: Date): boolean {
  return (
    attempt.deadlineAt !== null && now.getTime() > attempt.deadlineAt.getTime() + DEADLINE_GRACE_MS
  );
}

/** Whether the expiry job must grade this attempt now. */
export function mustExpire(attempt: AttemptState, now: Date): boolean {
  return attempt.open && isPastDeadline(attempt, now);
}

/** `attempts` must not hold an open attempt past its deadline: expire it first. */
export function decideStart(
  attempts: readonly AttemptState[],
  rules: AttemptRules,
  now: Date,
): StartDecision {
  const open = attempts.find((attempt) => attempt.open);
  if (open) return { kind: 'resume', number: open.number };
  if (rules.attemptsAllowed !== null && attempts.length >= rules.attemptsAllowed) {
    return { kind: 'limit-reached', attemptsAllowed: rules.attemptsAllowed };
  }
  const last = attempts.reduce<AttemptState | undefined>(
    (latest, attempt) => (!latest || attempt.number > latest.number ? attempt : latest),
    undefined,
  );
  if (last?.gradedAt && last.passed === false && rules.cooldownMinutes > 0) {
    const retryAt = new Date(last.gradedAt.getTime() + rules.cooldownMinutes * MINUTE);
    if (now < retryAt) return { kind: 'cooldown', retryAt };
  }
  return {
    kind: 'start',
    number: (last?.number ?? 0) + 1,
    deadlineAt:
      rules.timeLimitMinutes === null
        ? null
        : new Date(now.getTime() + rules.timeLimitMinutes * MINUTE),
  };
}

export type AnswerDecision = { kind: 'accept' } | { kind: 'closed' } | { kind: 'deadline-passed' };

export function decideAnswer(attempt: AttemptState, now: Date): AnswerDecision {
  if (!attempt.open) return { kind: 'closed' };
  if (isPastDeadline(attempt, now)) return { kind: 'deadline-passed' };
  return { kind: 'accept' };
}

export type SubmitDecision =
  /** Grade with the submitted answers. */
  | { kind: 'grade' }
  /** Past the deadline: grade on the answers saved in time, ignoring those submitted now. */
  | { kind: 'grade-as-saved' }
  /** The same submission again: answer with the stored grade. */
  | { kind: 'replay' }
  | { kind: 'already-graded' };

export function decideSubmit(attempt: AttemptState, key: string, now: Date): SubmitDecision {
  if (!attempt.open)
    return attempt.submissionKey === key ? { kind: 'replay' } : { kind: 'already-graded' };
  return isPastDeadline(attempt, now) ? { kind: 'grade-as-saved' } : { kind: 'grade' };
}
