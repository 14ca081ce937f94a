import type { CertificateStatus } from '../certificates/certificate.service.js';
import type { AssignmentEntity } from '../entities/assignment.entity.js';
import type { CertificateEntity } from '../entities/certificate.entity.js';
import type { AssignmentCounts } from '../assignments/assignment.service.js';
import type { EnrollmentSummary } from '../records/enrollment-summary.js';
import { enrollmentState } from './learning.enums.js';
import {
  AnswerSaved,
  AttemptAlreadyGraded,
  AttemptLimitReached,
  QuizAttemptGraded,
  QuizAttemptStarted,
  QuizClosed,
  QuizCooldown,
  QuizDeadlinePassed,
  type Assignment,
  type Certificate,
  type Enrollment,
  type LessonPointer,
} from './learning.objects.js';
import type {
  AnswerOutcome,
  StartOutcome,
  SubmitOutcome,
} from '../quizzes/quiz-attempt.service.js';

/** Learning operations act for a person: an API key has no learning of its own (personOf). */
export const OWN_LEARNING = 'their own learning';

export function toAssignment(entity: AssignmentEntity & { counts?: AssignmentCounts }): Assignment {
  return {
    id: entity.id,
    itemKind: entity.itemKind,
    itemSlug: entity.itemSlug,
    dueOn: entity.dueAt,
    dueWithinDays: entity.dueWithinDays,
    dueFrom: entity.dueFrom,
    recurrenceMonths: entity.recurrenceMonths,
    followsGroupId: entity.followsGroupId,
    followsNewHires: entity.followsNewHires,
    createdAt: entity.createdAt,
    withdrawnAt: entity.withdrawnAt,
    progress: entity.counts ?? null,
  };
}

export function toEnrollment(
  summary: EnrollmentSummary,
  nextLesson: LessonPointer | null = null,
): Enrollment {
  const done = new Set(summary.partsDone);
  return {
    id: summary.id,
    itemKind: summary.itemKind,
    itemSlug: summary.itemSlug,
    title: summary.title,
    state: enrollmentState(summary.status, summary.dueAt),
    assigned: summary.assigned,
    cycle: summary.cycle,
    dueAt: summary.dueAt,
    enrolledAt: summary.enrolledAt,
    startedAt: summary.startedAt,
    completedAt: summary.completedAt,
    partsTotal: summary.parts.length,
    partsDone: summary.parts.filter((part) => done.has(part)).length,
    completedParts: summary.parts.filter((part) => done.has(part)),
    nextLesson,
  };
}

export function toCertificate(entity: CertificateEntity, status: CertificateStatus): Certificate {
  return {
    serial: entity.serial,
    holderName: entity.holderName,
    organizationName: entity.organizationName,
    itemKind: entity.itemKind,
    itemSlug: entity.itemSlug,
    itemTitle: entity.itemTitle,
    itemVersion: entity.itemVersion,
    issuedAt: entity.issuedAt,
    expiresAt: entity.expiresAt,
    revokedAt: entity.revokedAt,
    revocationReason: entity.revocationReason,
    status,
  };
}

/** Builds union members as instances, so that the union can name their types. */
export function toStartResult(outcome: StartOutcome) {
  switch (outcome.kind) {
    case 'started':
      return Object.assign(new QuizAttemptStarted(), {
        attempt: outcome.attempt,
        resumed: outcome.resumed,
      });
    case 'limit-reached':
      return Object.assign(new AttemptLimitReached(), { attemptsAllowed: outcome.attemptsAllowed });
    case 'cooldown':
      return Object.assign(new QuizCooldown(), { retryAt: outcome.retryAt });
    case 'closed':
      return Object.assign(new QuizClosed(), { reason: outcome.reason });
  }
}

export function toAnswerResult(outcome: AnswerOutcome) {
  switch (outcome.kind) {
    case 'saved':
      return Object.assign(new AnswerSaved(), { attempt: outcome.attempt });
    case 'deadline-passed':
      return Object.assign(new QuizDeadlinePassed(), { attemptId: outcome.attemptId });
    case 'already-graded':
      return Object.assign(new AttemptAlreadyGraded(), { attemptId: outcome.attemptId });
  }
}

export function toSubmitResult(outcome: SubmitOutcome) {
  return outcome.kind === 'graded'
    ? Object.assign(new QuizAttemptGraded(), { attempt: outcome.attempt })
    : Object.assign(new AttemptAlreadyGraded(), { attemptId: outcome.attemptId });
}
