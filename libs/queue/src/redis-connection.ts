import type { RedisOptions } from 'bullmq';

/**
 * ioredis options from a redis:// URL. `maxRetriesPerRequest: null` is what BullMQ workers need
 * (a blocking command must wait out a reconnect rather than fail).
 */
export function redisConnectionOptions(redisUrl: string): RedisOptions {
  const url = new URL(redisUrl);
  return {
    host: url.hostname,
    port: Number(url.port || 6379),
    username: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0,
    tls: url.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
    connectTimeout: 5000,
  };
}
