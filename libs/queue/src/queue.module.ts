import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@academy/common';
import { DEFAULT_JOB_OPTIONS } from './default-job-options.js';
import { WorkerHeartbeatService } from './heartbeat/worker-heartbeat.service.js';
import { QUEUE_NAMES } from './job-registry.js';
import { QueueErrorLogger } from './queue-error-logger.js';
import { QueueRegistry } from './queue-registry.service.js';
import { redisConnectionOptions } from './redis-connection.js';

/**
 * Connects BullMQ to Redis under the configured key prefix and registers every queue of the
 * registry, so any module can inject a producer with `@InjectQueue(name)`.
 */
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        connection: redisConnectionOptions(config.REDIS_URL),
        prefix: config.REDIS_KEY_PREFIX,
        defaultJobOptions: DEFAULT_JOB_OPTIONS,
      }),
    }),
    BullModule.registerQueue(...QUEUE_NAMES.map((name) => ({ name }))),
  ],
  providers: [WorkerHeartbeatService, QueueRegistry, QueueErrorLogger],
  exports: [BullModule, WorkerHeartbeatService, QueueRegistry],
})
export class QueueModule {}
