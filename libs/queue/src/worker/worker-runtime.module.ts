import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { JOB_REGISTRY, JOB_REGISTRY_TOKEN } from '../job-registry.js';
import { JobHandlerRegistry } from './job-handler-registry.js';
import { RecurringJobs } from './recurring-jobs.js';
import { WorkerRuntime } from './worker-runtime.js';

/** The worker's job dispatch and boot check; only apps/worker imports it. */
@Module({
  imports: [DiscoveryModule],
  providers: [
    JobHandlerRegistry,
    RecurringJobs,
    WorkerRuntime,
    { provide: JOB_REGISTRY_TOKEN, useValue: JOB_REGISTRY },
  ],
  exports: [JobHandlerRegistry],
})
export class WorkerRuntimeModule {}
