import { Inject, Injectable } from '@nestjs/common';
import { HandlesJob, RunsEvery, type JobHandler } from '@academy/queue';
import { AttemptGrader } from '../quizzes/attempt-grader.js';

/** Grades attempts whose deadline passed, on the answers saved in time. */
@Injectable()
@HandlesJob('learning', 'expire-attempts')
@RunsEvery({ every: (config) => config.QUIZ_EXPIRY_SWEEP_MS })
export class ExpireAttemptsJob implements JobHandler<'learning', 'expire-attempts'> {
  constructor(@Inject(AttemptGrader) private readonly grader: AttemptGrader) {}

  async handle(): Promise<void> {
    // Batches until none is left, so a backlog clears in one run.
    while ((await this.grader.expireOverdue()) > 0);
  }
}
