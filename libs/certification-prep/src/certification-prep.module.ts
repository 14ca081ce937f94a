import { Module } from '@nestjs/common';
import { CatalogModule } from '@academy/catalog';
import { PrepCatalog } from './blueprints/prep-catalog.js';
import { AnswerHistory } from './history/answer-history.js';
import { MockExamService } from './mock-exams/mock-exam.service.js';
import { PracticeService } from './practice/practice.service.js';
import { ReadinessService } from './readiness/readiness.service.js';
import { DueReviews } from './reviews/due-reviews.js';
import { ReviewCards } from './reviews/review-cards.js';
import { StudyPlanService } from './study-plan/study-plan.service.js';

const services = [
  AnswerHistory,
  DueReviews,
  MockExamService,
  PracticeService,
  PrepCatalog,
  ReadinessService,
  ReviewCards,
  StudyPlanService,
];

/**
 * Certification prep: mock exams by blueprint, readiness, study plans, adaptive practice and
 * spaced repetition over the curriculum's question banks (read through the catalog's public reader).
 */
@Module({ imports: [CatalogModule], providers: services, exports: services })
export class CertificationPrepModule {}
