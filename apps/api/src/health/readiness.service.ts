import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, withTimeout, type AppConfig } from '@academy/common';
import { redisConnectionOptions, WorkerHeartbeatService } from '@academy/queue';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';

export type DependencyName = 'database' | 'redis' | 'worker';

export interface DependencyCheck {
  ok: boolean;
  detail?: string;
}

export interface Readiness {
  ready: boolean;
  checks: Record<DependencyName, DependencyCheck>;
}

const CHECK_TIMEOUT_MS = 2000;
/** A worker counts as alive while its last heartbeat is younger than this many intervals. */
const MISSED_BEATS_ALLOWED = 3;

/** Answers whether this API replica can serve: database, Redis and a live worker. */
@Injectable()
export class ReadinessService implements OnApplicationShutdown {
  /**
   * A client of its own that fails fast when Redis is unreachable, unlike BullMQ's, which
   * rightly waits for Redis to come back.
   */
  private readonly redis: Redis;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(WorkerHeartbeatService) private readonly heartbeats: WorkerHeartbeatService,
  ) {
    this.redis = new Redis({
      ...redisConnectionOptions(config.REDIS_URL),
      maxRetriesPerRequest: 0,
      enableOfflineQueue: false,
      lazyConnect: true,
      retryStrategy: () => 1000,
    });
    // Connection errors are reported through the readiness checks, not thrown.
    this.redis.on('error', () => undefined);
  }

  async check(): Promise<Readiness> {
    const [database, redis, worker] = await Promise.all([
      this.probe(() => this.dataSource.query('SELECT 1')),
      this.probe(() => this.pingRedis()),
      this.probe(() => this.checkWorker()),
    ]);
    const checks = { database, redis, worker };
    return { ready: database.ok && redis.ok && worker.ok, checks };
  }

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }

  private async probe(check: () => Promise<unknown>): Promise<DependencyCheck> {
    try {
      await withTimeout(check(), CHECK_TIMEOUT_MS, `no answer within ${CHECK_TIMEOUT_MS} ms`);
      return { ok: true };
    } catch (error) {
      return { ok: false, detail: error instanceof Error ? error.message : 'check failed' };
    }
  }

  private async pingRedis(): Promise<void> {
    if (this.redis.status === 'wait') await this.redis.connect();
    await this.redis.ping();
  }

  private async checkWorker(): Promise<void> {
    const ageMs = await this.heartbeats.latestBeatAgeMs();
    const limitMs = this.config.WORKER_HEARTBEAT_INTERVAL_MS * MISSED_BEATS_ALLOWED;
    if (ageMs === null) throw new Error('no worker has reported a heartbeat');
    if (ageMs > limitMs)
      throw new Error(`last worker heartbeat was ${Math.round(ageMs / 1000)} s ago`);
  }
}
