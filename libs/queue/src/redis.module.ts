import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@academy/common';
import { Redis } from 'ioredis';
import { redisConnectionOptions } from './redis-connection.js';

/** Injection token of the shared ioredis client for counters and locks (not for BullMQ). */
export const REDIS = Symbol('REDIS');

/**
 * A Redis client for the application's own keys (e.g. sign-in throttling), all under
 * `<REDIS_KEY_PREFIX>:`, so limits hold across API replicas. It fails commands fast while Redis
 * is unreachable rather than queueing them.
 */
@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        const client = new Redis({
          ...redisConnectionOptions(config.REDIS_URL),
          keyPrefix: `${config.REDIS_KEY_PREFIX}:`,
          maxRetriesPerRequest: 1,
        });
        // Errors surface on the commands that fail; the connection itself reconnects.
        client.on('error', () => undefined);
        return client;
      },
    },
  ],
  exports: [REDIS],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}
