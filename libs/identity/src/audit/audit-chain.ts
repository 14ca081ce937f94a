import { createHash } from 'node:crypto';
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

/** JSON with object keys sorted at every depth, so jsonb's key reordering cannot change a hash. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

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
