import { Inject, Injectable } from '@nestjs/common';
import { HandlesJob, type JobHandler } from '../job-handler.js';
import { WorkerHeartbeatService } from '../heartbeat/worker-heartbeat.service.js';

@Injectable()
@HandlesJob('maintenance', 'heartbeat')
export class HeartbeatJob implements JobHandler<'maintenance', 'heartbeat'> {
  constructor(
    @Inject(WorkerHeartbeatService) private readonly heartbeats: WorkerHeartbeatService,
  ) {}

  handle(): Promise<void> {
    return this.heartbeats.beat();
  }
}
