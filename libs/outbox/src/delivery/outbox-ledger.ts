import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, Clock, type AppConfig } from '@academy/common';
import { PreparedQueries } from '@academy/database';
import { DataSource, type EntityManager } from 'typeorm';
import type { OutboxTopic } from '../outbox-topics.js';
import type { OutboxMessage } from './topic-handler.js';

/** How many attempts a message gets before it is dead-lettered (the queue retries in between). */
export const MAX_DELIVERY_ATTEMPTS = 5;

/**
 * Every status change of an outbox message after it was written. Each is one conditional
 * UPDATE, so two workers, a relay racing a reconciler or a replayed job can never both win.
 */
@Injectable()
export class OutboxLedger {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(PreparedQueries) private readonly prepared: PreparedQueries,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Moves up to `limit` due pending messages into the queue's custody and returns their ids. */
  async takeDue(limit: number): Promise<string[]> {
    return this.ids(
      `WITH due AS (
         SELECT id FROM outbox_messages
          WHERE status = 'pending' AND available_at <= $1
          ORDER BY available_at LIMIT $2 FOR UPDATE SKIP LOCKED)
       UPDATE outbox_messages o SET status = 'queued', enqueued_at = $1
         FROM due WHERE o.id = due.id RETURNING o.id`,
      [this.clock.now(), limit],
    );
  }

  /**
   * Messages whose job may be gone: queued longer ago than `graceMs`, or claimed by a worker
   * whose lease ran out (it died mid-message; the claim is released). Re-enqueueing them is safe:
   * the queue ignores a job id it still holds, and a claim admits one worker only.
   */
  async possiblyLost(graceMs: number): Promise<string[]> {
    const now = this.clock.now();
    return this.ids(
      `UPDATE outbox_messages SET status = 'queued', claimed_until = NULL, enqueued_at = $1
        WHERE (status = 'queued' AND enqueued_at < $2)
           OR (status = 'claimed' AND claimed_until < $1)
        RETURNING id`,
      [now, new Date(now.getTime() - graceMs)],
    );
  }

  /**
   * Takes the message for this worker until the lease ends, or null when it is not ours to act on.
   * Claiming and completing run once per message, so they are prepared statements.
   */
  async claim(id: string): Promise<OutboxMessage<OutboxTopic> | null> {
    const now = this.clock.now();
    const [row] = await this.prepared.query<{
      organization_id: string;
      topic: OutboxTopic;
      payload: never;
      attempts: number;
      claims: number;
      created_at: Date;
    }>(
      'outbox-claim',
      `UPDATE outbox_messages SET status = 'claimed', claimed_until = $2, claims = claims + 1
        WHERE id = $1 AND (status = 'queued' OR status = 'pending' AND available_at <= $3)
        RETURNING organization_id, topic, payload, attempts, claims, created_at`,
      [id, new Date(now.getTime() + this.config.OUTBOX_CLAIM_LEASE_MS), now],
    );
    return row
      ? {
          id,
          organizationId: row.organization_id,
          topic: row.topic,
          payload: row.payload,
          attempts: row.attempts,
          firstClaim: row.claims === 1,
          createdAt: row.created_at,
        }
      : null;
  }

  async complete(id: string): Promise<void> {
    await this.prepared.query(
      'outbox-complete',
      `UPDATE outbox_messages SET status = 'done', processed_at = $2, claimed_until = NULL
        WHERE id = $1 AND status = 'claimed'`,
      [id, this.clock.now()],
    );
  }

  /** Puts a claimed message back to wait until `until` (e.g. the recipient's quiet hours end). */
  async defer(id: string, until: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE outbox_messages SET status = 'pending', available_at = $2, claimed_until = NULL
        WHERE id = $1 AND status = 'claimed'`,
      [id, until],
    );
  }

  /**
   * Records a failed attempt. Returns true when the message is dead-lettered (its last attempt,
   * or a failure no retry can fix); otherwise it goes back to the queue's custody for a retry.
   */
  async recordFailure(id: string, error: string, permanent: boolean): Promise<boolean> {
    const [rows] = await this.dataSource.query<[{ status: string }[], number]>(
      `UPDATE outbox_messages
          SET attempts = attempts + 1, last_error = $2, claimed_until = NULL,
              status = CASE WHEN $3 OR attempts + 1 >= $4 THEN 'failed' ELSE 'queued' END,
              processed_at = CASE WHEN $3 OR attempts + 1 >= $4 THEN $5::timestamptz END
        WHERE id = $1 AND status = 'claimed' RETURNING status`,
      [id, error.slice(0, 500), permanent, MAX_DELIVERY_ATTEMPTS, this.clock.now()],
    );
    return rows[0]?.status === 'failed';
  }

  /** Gives dead-lettered messages a fresh set of attempts; returns the ids it revived. */
  async revive(
    where: { organizationId?: string; ids?: string[] },
    manager: EntityManager = this.dataSource.manager,
  ): Promise<string[]> {
    return this.ids(
      `UPDATE outbox_messages SET status = 'pending', attempts = 0, available_at = $1, processed_at = NULL
        WHERE status = 'failed'
          AND ($2::uuid IS NULL OR organization_id = $2)
          AND ($3::uuid[] IS NULL OR id = ANY($3))
        RETURNING id`,
      [this.clock.now(), where.organizationId ?? null, where.ids ?? null],
      manager,
    );
  }

  private async ids(
    sql: string,
    parameters: unknown[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<string[]> {
    const [rows] = await manager.query<[{ id: string }[], number]>(sql, parameters);
    return rows.map((row) => row.id);
  }
}
