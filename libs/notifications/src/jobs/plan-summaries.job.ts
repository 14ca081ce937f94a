import { Inject, Injectable } from '@nestjs/common';
import { HandlesJob, RunsEvery, type JobHandler } from '@academy/queue';
import { DataSource } from 'typeorm';
import { ReminderPlanner } from '../reminders/reminder-planner.js';

/** Plans the admins' weekly overdue summaries; runs hourly so a new admin or policy is caught soon. */
@Injectable()
@HandlesJob('notifications', 'plan-summaries')
@RunsEvery({ every: () => 3_600_000 })
export class PlanSummariesJob implements JobHandler<'notifications', 'plan-summaries'> {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(ReminderPlanner) private readonly planner: ReminderPlanner,
  ) {}

  async handle(): Promise<void> {
    await this.dataSource.transaction((manager) => this.planner.planOrganizationSummaries(manager));
  }
}
