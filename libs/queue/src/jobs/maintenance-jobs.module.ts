import { Module } from '@nestjs/common';
import { WorkerRuntimeModule } from '../worker/worker-runtime.module.js';
import { HeartbeatJob } from './heartbeat.job.js';
import { MaintenanceSchedule } from './maintenance-schedule.js';
import { MaintenanceProcessor } from './maintenance.processor.js';

/** The maintenance queue's processor, handlers and schedule; only apps/worker imports it. */
@Module({
  imports: [WorkerRuntimeModule],
  providers: [MaintenanceProcessor, HeartbeatJob, MaintenanceSchedule],
})
export class MaintenanceJobsModule {}
