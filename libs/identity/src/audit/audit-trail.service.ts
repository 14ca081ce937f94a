import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor, RequestMeta } from '../access/actor.js';
import {
  AuditEventEntity,
  type ActorType,
  type AuditOutcome,
} from '../entities/audit-event.entity.js';
import { GENESIS_HASH, auditEventHash } from './audit-chain.js';

export interface AuditRecord {
  organizationId: string;
  /** The actor, or who was acting when there is no verified actor (a failed sign-in). */
  actor: Actor | { kind: Exclude<ActorType, 'USER' | 'API_KEY'> | 'USER'; id: string | null };
  action: string;
  target?: { type: string; id: string };
  outcome?: AuditOutcome;
  meta?: RequestMeta;
  details?: Record<string, unknown>;
}

/** Appends events to an organization's hash-chained, append-only audit trail. */
@Injectable()
export class AuditTrail {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /**
   * Appends within the caller's transaction, so the event exists exactly when the change does.
   * A transaction-scoped advisory lock per organization orders concurrent appends.
   */
  async record(manager: EntityManager, record: AuditRecord): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 7))', [
      record.organizationId,
    ]);
    const [last] = await manager.query<{ sequence: string; hash: string }[]>(
      `SELECT sequence, hash FROM audit_events
        WHERE organization_id = $1 ORDER BY sequence DESC LIMIT 1`,
      [record.organizationId],
    );
    const event: Omit<AuditEventEntity, 'id' | 'hash'> = {
      organizationId: record.organizationId,
      sequence: String(Number(last?.sequence ?? 0) + 1),
      occurredAt: new Date(),
      actorType: record.actor.kind,
      actorId: record.actor.id,
      action: record.action,
      targetType: record.target?.type ?? null,
      targetId: record.target?.id ?? null,
      outcome: record.outcome ?? 'SUCCESS',
      requestId: record.meta?.requestId ?? null,
      details: record.details ?? {},
      previousHash: last?.hash ?? GENESIS_HASH,
    };
    await manager.save(manager.create(AuditEventEntity, { ...event, hash: auditEventHash(event) }));
  }

  /** Appends an action of a verified actor in their own organization, within the caller's transaction. */
  recordBy(
    manager: EntityManager,
    actor: Actor,
    action: string,
    fields: Pick<AuditRecord, 'target' | 'outcome' | 'meta' | 'details'> = {},
  ): Promise<void> {
    return this.record(manager, { organizationId: actor.organizationId, actor, action, ...fields });
  }

  /** Appends in a transaction of its own: for events about a request that itself fails. */
  recordAlone(record: AuditRecord): Promise<void> {
    return this.dataSource.transaction((manager) => this.record(manager, record));
  }
}
