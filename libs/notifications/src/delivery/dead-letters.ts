import { Inject, Injectable } from '@nestjs/common';
import { DomainError, decodeCursor, toConnection, type Connection } from '@academy/common';
import { AuditTrail, type Actor, type RequestMeta } from '@academy/identity';
import { OutboxLedger, type OutboxTopic } from '@academy/outbox';
import { DataSource } from 'typeorm';
import { NotificationsErrors } from '../notifications.errors.js';

export interface DeadLetter {
  id: string;
  topic: OutboxTopic;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  failedAt: Date;
}

export interface BouncedAddress {
  email: string;
  bouncedAt: Date;
  reason: string;
}

/**
 * For admins: messages that failed their last attempt, to inspect and send again, and the
 * addresses the mail server refused for good.
 */
@Injectable()
export class DeadLetters {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(OutboxLedger) private readonly ledger: OutboxLedger,
    @Inject(AuditTrail) private readonly audit: AuditTrail,
  ) {}

  async list(actor: Actor, first: number, after?: string | null): Promise<Connection<DeadLetter>> {
    const parameters: unknown[] = [actor.organizationId];
    let where = `organization_id = $1 AND status = 'failed'`;
    const [count] = await this.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM outbox_messages WHERE ${where}`,
      parameters,
    );
    if (after) {
      const position = decodeCursor(after, 'time');
      parameters.push(position.sort, position.id);
      where += ` AND (processed_at, id) < ($2::timestamptz, $3::uuid)`;
    }
    parameters.push(first + 1);
    const rows = await this.dataSource.query<
      {
        id: string;
        topic: OutboxTopic;
        attempts: number;
        last_error: string | null;
        created_at: Date;
        processed_at: Date;
      }[]
    >(
      `SELECT id, topic, attempts, last_error, created_at, processed_at FROM outbox_messages
        WHERE ${where} ORDER BY processed_at DESC, id DESC LIMIT $${parameters.length}`,
      parameters,
    );
    return toConnection(
      rows.map((row) => ({
        id: row.id,
        topic: row.topic,
        attempts: row.attempts,
        lastError: row.last_error,
        createdAt: row.created_at,
        failedAt: row.processed_at,
      })),
      first,
      after,
      count?.n ?? 0,
      (row) => ({ sort: row.failedAt.toISOString(), id: row.id }),
    );
  }

  /** Gives a dead-lettered message of the actor's organization a fresh set of attempts. */
  async retry(actor: Actor, id: string, meta: RequestMeta): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const revived = await this.ledger.revive(
        { organizationId: actor.organizationId, ids: [id] },
        manager,
      );
      if (revived.length === 0) {
        throw new DomainError(NotificationsErrors.NOT_FOUND, 'No failed message with this id.');
      }
      await this.audit.recordBy(manager, actor, 'notifications.message-retried', {
        meta,
        target: { type: 'outbox_message', id },
      });
    });
  }

  async bounces(actor: Actor): Promise<BouncedAddress[]> {
    const rows = await this.dataSource.query<{ email: string; bounced_at: Date; reason: string }[]>(
      `SELECT email, bounced_at, reason FROM email_bounces WHERE organization_id = $1
        ORDER BY bounced_at DESC LIMIT 500`,
      [actor.organizationId],
    );
    return rows.map((row) => ({ email: row.email, bouncedAt: row.bounced_at, reason: row.reason }));
  }

  /** Lets email go to an address again (e.g. after the person's mailbox was fixed). */
  async clearBounce(actor: Actor, email: string, meta: RequestMeta): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [, removed] = await manager.query<[unknown[], number]>(
        'DELETE FROM email_bounces WHERE organization_id = $1 AND email = $2',
        [actor.organizationId, email.trim().toLowerCase()],
      );
      if (removed === 0) {
        throw new DomainError(NotificationsErrors.NOT_FOUND, 'This address has not bounced.');
      }
      await this.audit.recordBy(manager, actor, 'notifications.bounce-cleared', {
        meta,
        details: { email: email.trim().toLowerCase() },
      });
    });
  }
}
