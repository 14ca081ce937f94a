import { MockExamEntity } from './mock-exam.entity.js';
import { PracticeSessionEntity } from './practice-session.entity.js';
import { PrepAnswerEntity } from './prep-answer.entity.js';
import { ReviewCardEntity } from './review-card.entity.js';

export const certificationPrepEntities = [
  MockExamEntity,
  PracticeSessionEntity,
  PrepAnswerEntity,
  ReviewCardEntity,
];
