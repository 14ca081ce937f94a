import { Module } from '@nestjs/common';
import { WorkerRuntimeModule } from '../worker/worker-runtime.module.js';
import { HeartbeatJob } from './heartbeat.job.js';
import { MaintenanceProcessor } from './maintenance.processor.js';

/** The maintenance queue's processor and handlers; only apps/worker imports it. */
@Module({
  imports: [WorkerRuntimeModule],
  providers: [MaintenanceProcessor, HeartbeatJob],
})
export class MaintenanceJobsModule {}
