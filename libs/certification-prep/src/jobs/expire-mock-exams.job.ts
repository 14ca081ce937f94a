import { Inject, Injectable } from '@nestjs/common';
import { HandlesJob, RunsEvery, type JobHandler } from '@academy/queue';
import { MockExamService } from '../mock-exams/mock-exam.service.js';

/** Grades mock exams whose deadline passed, on the answers saved in time. */
@Injectable()
@HandlesJob('certification-prep', 'expire-mock-exams')
// On the quiz attempts' cadence: both are timed by the server.
@RunsEvery({ every: (config) => config.QUIZ_EXPIRY_SWEEP_MS })
export class ExpireMockExamsJob implements JobHandler<'certification-prep', 'expire-mock-exams'> {
  constructor(@Inject(MockExamService) private readonly exams: MockExamService) {}

  async handle(): Promise<void> {
    // Batches until none is left (or only rows others hold), so a backlog clears in one run.
    while ((await this.exams.expireOverdue()) > 0);
  }
}
