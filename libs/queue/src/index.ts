export { checkJobHandlers, checkOneHandlerEach } from './check-job-handlers.js';
export { DEFAULT_JOB_OPTIONS } from './default-job-options.js';
export { WorkerHeartbeatEntity } from './heartbeat/worker-heartbeat.entity.js';
export { WorkerHeartbeatService } from './heartbeat/worker-heartbeat.service.js';
export {
  HandlesJob,
  JOB_HANDLER_METADATA,
  RunsEvery,
  type JobHandler,
  type JobHandlerTarget,
} from './job-handler.js';
export {
  JOB_REGISTRY,
  JOB_REGISTRY_TOKEN,
  QUEUE_NAMES,
  type JobName,
  type JobPayload,
  type JobPayloads,
  type JobRegistry,
  type QueueName,
} from './job-registry.js';
export { QueueModule } from './queue.module.js';
export { QueueRegistry } from './queue-registry.service.js';
export { redisConnectionOptions } from './redis-connection.js';
export { MaintenanceJobsModule } from './jobs/maintenance-jobs.module.js';
export { JobHandlerRegistry } from './worker/job-handler-registry.js';
export { QueueProcessor } from './worker/queue-processor.js';
export { WorkerRuntimeModule } from './worker/worker-runtime.module.js';
export { REDIS, RedisModule } from './redis.module.js';
export { ChannelFanout, type ChannelListener } from './pubsub/channel-fanout.js';
export { AnnouncementStream, type Listen } from './pubsub/announcement-stream.js';
