import { AssignmentEntity } from './assignment.entity.js';
import { AttestationEntity } from './attestation.entity.js';
import { CertificateEntity } from './certificate.entity.js';
import { EnrollmentEntity } from './enrollment.entity.js';
import { LessonProgressEntity } from './lesson-progress.entity.js';
import { QuizAttemptEntity } from './quiz-attempt.entity.js';

export const learningEntities = [
  AssignmentEntity,
  EnrollmentEntity,
  LessonProgressEntity,
  AttestationEntity,
  QuizAttemptEntity,
  CertificateEntity,
];
