import { Module } from '@nestjs/common';
import { CatalogModule } from '@academy/catalog';
import { IdentityModule } from '@academy/identity';
import { OutboxModule } from '@academy/outbox';
import { AssignmentRulesSubscriber } from './assignments/assignment-rules.subscriber.js';
import { AssignmentService } from './assignments/assignment.service.js';
import { EnrollmentWriter } from './assignments/enrollment-writer.js';
import { CertificateService } from './certificates/certificate.service.js';
import { CertificateSigner } from './certificates/certificate-signer.js';
import { LearningCatalog } from './content/learning-catalog.js';
import { CompletionService } from './progress/completion.service.js';
import { ProgressService } from './progress/progress.service.js';
import { AttemptGrader } from './quizzes/attempt-grader.js';
import { QuizAttemptService } from './quizzes/quiz-attempt.service.js';
import { AttestationRegister } from './records/attestation-register.service.js';
import { LearnerDashboardService } from './records/learner-dashboard.service.js';
import { TranscriptService } from './records/transcript.service.js';
import './learning.events.js';

const services = [
  AssignmentService,
  AttemptGrader,
  AttestationRegister,
  CertificateService,
  CertificateSigner,
  CompletionService,
  EnrollmentWriter,
  LearnerDashboardService,
  LearningCatalog,
  ProgressService,
  QuizAttemptService,
  TranscriptService,
];

/**
 * Assignments, enrollments, progress, attestations, quiz attempts, certificates and
 * transcripts. Identity's events reach it through AssignmentRulesSubscriber.
 */
@Module({
  imports: [IdentityModule, CatalogModule, OutboxModule],
  providers: [...services, AssignmentRulesSubscriber],
  exports: services,
})
export class LearningModule {}
