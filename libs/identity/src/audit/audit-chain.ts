import { createHash } from 'node:crypto';
import { canonicalJson } from '@academy/common';
import type { AuditEventEntity } from '../entities/audit-event.entity.js';

/** The hash that starts every organization's chain. */
export const GENESIS_HASH = '0'.repeat(64);

type Hashed = Pick<
  AuditEventEntity,
  | 'organizationId'
  | 'sequence'
  | 'occurredAt'
  | 'actorType'
  | 'actorId'
  | 'action'
  | 'targetType'
  | 'targetId'
  | 'outcome'
  | 'requestId'
  | 'details'
  | 'previousHash'
>;

/** SHA-256 over every recorded field of an event and the hash of the event before it. */
export function auditEventHash(event: Hashed): string {
  return createHash('sha256')
    .update(
      canonicalJson([
        event.organizationId,
        event.sequence,
        event.occurredAt.toISOString(),
        event.actorType,
        event.actorId,
        event.action,
        event.targetType,
        event.targetId,
        event.outcome,
        event.requestId,
        event.details,
        event.previousHash,
      ]),
    )
    .digest('hex');
}
