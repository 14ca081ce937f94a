import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@academy/common';
import { REDIS } from '@academy/queue';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { RunChannel } from './run-channel.js';

/**
 * Announces a released inject to the live subscriptions of its run (see InjectArrivals), once
 * the release has committed, and records on the release that it went out. A release not yet
 * announced is announced by the next call for it, so a publish Redis refused is made again.
 */
@Injectable()
export class InjectAnnouncer {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(RunChannel) private readonly channel: RunChannel,
  ) {}

  /**
   * Publishes the run's release of the inject unless it went out already; rejects when Redis
   * refuses, leaving the release to be announced by a later call.
   */
  async announce(organizationId: string, runId: string, injectSlug: string): Promise<void> {
    const [release] = await this.dataSource.query<{ id: string }[]>(
      `SELECT id FROM drill_inject_releases
        WHERE organization_id = $1 AND run_id = $2 AND inject_slug = $3 AND announced_at IS NULL`,
      [organizationId, runId, injectSlug],
    );
    if (!release) return;
    await this.redis.publish(this.channel.of(runId), release.id);
    await this.dataSource.query(
      'UPDATE drill_inject_releases SET announced_at = $3 WHERE organization_id = $1 AND id = $2',
      [organizationId, release.id, this.clock.now()],
    );
  }
}
