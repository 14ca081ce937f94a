import { registerEnumType } from '@nestjs/graphql';
import { DueFrom, LearningItemKind } from '../entities/assignment.entity.js';
import { EnrollmentStatus, isOpenEnrollment } from '../entities/enrollment.entity.js';
import { CertificateStatus } from '../certificates/certificate.service.js';
import { AttemptStatus, GradedBy } from '../entities/quiz-attempt.entity.js';
import { QuizClosedReason } from '../quizzes/quiz-attempt.service.js';

registerEnumType(LearningItemKind, {
  name: 'LearningItemKind',
  description: 'What can be assigned and completed.',
});

registerEnumType(DueFrom, {
  name: 'DueFrom',
  description: 'What a relative due date counts from.',
  valuesMap: {
    ASSIGNMENT: { description: 'The day the person was assigned the item.' },
    HIRE: { description: "The person's hire date (the assignment day when none is recorded)." },
  },
});

/** The state of an enrollment as a client sees it: overdue is derived from the due date. */
export const EnrollmentState = { ...EnrollmentStatus, OVERDUE: 'overdue' } as const;
export type EnrollmentState = (typeof EnrollmentState)[keyof typeof EnrollmentState];
registerEnumType(EnrollmentState, {
  name: 'EnrollmentState',
  description: 'Where a person stands with a course or track.',
  valuesMap: {
    NOT_STARTED: { description: 'Assigned or chosen, nothing done yet.' },
    IN_PROGRESS: { description: 'Started, not finished, not past its due date.' },
    COMPLETED: {
      description: 'Every lesson done and every quiz passed (for a track, every course).',
    },
    OVERDUE: { description: 'Not completed and past its due date.' },
    WITHDRAWN: {
      description: 'Closed without completion: unassigned, or the person was deactivated.',
    },
  },
});

export function enrollmentState(status: EnrollmentStatus, dueAt: Date | null, now = new Date()) {
  return isOpenEnrollment(status) && dueAt && dueAt < now ? EnrollmentState.OVERDUE : status;
}

registerEnumType(AttemptStatus, {
  name: 'AttemptStatus',
  description: 'Whether an attempt is still open.',
});

registerEnumType(GradedBy, {
  name: 'GradedBy',
  description: 'How an attempt was graded.',
  valuesMap: {
    SUBMISSION: { description: 'On its submission, before the deadline.' },
    DEADLINE: {
      description:
        'At its deadline, on the answers saved in time; answers sent later were refused.',
    },
  },
});

export const QuestionType = {
  SINGLE_CHOICE: 'single-choice',
  MULTIPLE_CHOICE: 'multiple-choice',
  TRUE_FALSE: 'true-false',
  ORDERING: 'ordering',
} as const;
registerEnumType(QuestionType, {
  name: 'QuestionType',
  description: 'How a question is answered.',
  valuesMap: {
    SINGLE_CHOICE: { description: 'Exactly one option.' },
    MULTIPLE_CHOICE: { description: 'One or more options; right only with exactly the right set.' },
    TRUE_FALSE: { description: 'Exactly one of two options.' },
    ORDERING: { description: 'Every option, put in order.' },
  },
});

registerEnumType(QuizClosedReason, {
  name: 'QuizClosedReason',
  description: 'Why a quiz cannot be attempted now.',
  valuesMap: {
    NOT_ENROLLED: { description: "No open enrollment in the quiz's course: enroll first." },
    COURSE_COMPLETED: { description: 'The course is already completed in its current cycle.' },
  },
});

registerEnumType(CertificateStatus, {
  name: 'CertificateStatus',
  description: 'What a certificate check found.',
  valuesMap: {
    VALID: { description: 'Signed by us, unexpired, not revoked, not superseded.' },
    EXPIRED: { description: 'Its validity ended; a recertification may have replaced it.' },
    REVOKED: { description: 'Withdrawn by the organization.' },
    SUPERSEDED: { description: 'Still genuine, but a recertification issued a newer one.' },
    INVALID: { description: 'The record no longer matches its signature: treat it as forged.' },
    UNKNOWN: { description: 'No certificate has this serial.' },
  },
});

export { AttemptStatus, CertificateStatus, DueFrom, GradedBy, LearningItemKind, QuizClosedReason };
