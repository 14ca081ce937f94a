import { Inject, Injectable } from '@nestjs/common';
import { HandlesJob, RunsEvery, type JobHandler } from '../job-handler.js';
import { WorkerHeartbeatService } from '../heartbeat/worker-heartbeat.service.js';

/**
 * Proves that this worker consumes jobs through Redis. The first beat comes at start, so that
 * readiness sees a starting worker at once; the others on interval boundaries.
 */
@Injectable()
@HandlesJob('maintenance', 'heartbeat')
@RunsEvery({ every: (config) => config.WORKER_HEARTBEAT_INTERVAL_MS, atStart: true })
export class HeartbeatJob implements JobHandler<'maintenance', 'heartbeat'> {
  constructor(
    @Inject(WorkerHeartbeatService) private readonly heartbeats: WorkerHeartbeatService,
  ) {}

  handle(): Promise<void> {
    return this.heartbeats.beat();
  }
}
