import type { DataSource } from 'typeorm';
import { AuditEventEntity } from '../entities/audit-event.entity.js';
import { GENESIS_HASH, auditEventHash } from './audit-chain.js';

export interface ChainBreak {
  organizationId: string;
  sequence: string;
  eventId: string;
  problem: string;
}

const BATCH = 1000;

/**
 * Walks each organization's audit chain in order and returns the first broken link of each
 * (a changed row, a removed row, a reordered row), or an empty list when every chain holds.
 */
export async function verifyAuditChains(dataSource: DataSource): Promise<ChainBreak[]> {
  const organizations = await dataSource.query<{ organization_id: string }[]>(
    'SELECT DISTINCT organization_id FROM audit_events',
  );
  const breaks: ChainBreak[] = [];
  for (const { organization_id: organizationId } of organizations) {
    let previousHash = GENESIS_HASH;
    let expectedSequence = 1;
    let found: ChainBreak | undefined;
    for (let offset = 0; !found; offset += BATCH) {
      const events = await dataSource.getRepository(AuditEventEntity).find({
        where: { organizationId },
        order: { sequence: 'ASC' },
        skip: offset,
        take: BATCH,
      });
      if (events.length === 0) break;
      for (const event of events) {
        const at = { organizationId, sequence: event.sequence, eventId: event.id };
        if (Number(event.sequence) !== expectedSequence) {
          found = { ...at, problem: `expected sequence ${expectedSequence}: a row is missing` };
        } else if (event.previousHash !== previousHash) {
          found = { ...at, problem: 'previous-hash does not match the preceding row' };
        } else if (auditEventHash(event) !== event.hash) {
          found = { ...at, problem: 'contents do not match the stored hash: the row was changed' };
        }
        if (found) break;
        previousHash = event.hash;
        expectedSequence += 1;
      }
    }
    if (found) breaks.push(found);
  }
  return breaks;
}
