import { Module } from '@nestjs/common';
import { LearningModule } from '../learning.module.js';
import { AssignmentsResolver } from './assignments.resolver.js';
import { MyLearningResolver } from './my-learning.resolver.js';
import { QuizAttemptsResolver } from './quiz-attempts.resolver.js';
import { RecordsResolver } from './records.resolver.js';

/** Learning's GraphQL room; only apps/api imports it. */
@Module({
  imports: [LearningModule],
  providers: [AssignmentsResolver, MyLearningResolver, QuizAttemptsResolver, RecordsResolver],
})
export class LearningGraphqlModule {}
