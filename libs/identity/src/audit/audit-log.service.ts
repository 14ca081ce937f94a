import { Inject, Injectable } from '@nestjs/common';
import { decodeCursor, toConnection, type Connection } from '@academy/common';
import { DataSource } from 'typeorm';
import type { Actor } from '../access/actor.js';
import { AuditEventEntity } from '../entities/audit-event.entity.js';

export interface AuditFilter {
  actorId?: string | null;
  action?: string | null;
  from?: Date | null;
  to?: Date | null;
}

/** Reads the organization's audit trail, newest first. */
@Injectable()
export class AuditLog {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async list(
    actor: Actor,
    filter: AuditFilter,
    first: number,
    after?: string | null,
  ): Promise<Connection<AuditEventEntity>> {
    const query = this.dataSource
      .getRepository(AuditEventEntity)
      .createQueryBuilder('e')
      .where('e.organization_id = :organizationId', { organizationId: actor.organizationId });
    if (filter.actorId) query.andWhere('e.actor_id = :actorId', { actorId: filter.actorId });
    if (filter.action) query.andWhere('e.action = :action', { action: filter.action });
    if (filter.from) query.andWhere('e.occurred_at >= :from', { from: filter.from });
    if (filter.to) query.andWhere('e.occurred_at < :to', { to: filter.to });
    const totalCount = await query.getCount();
    if (after) {
      // The sequence orders an organization's events; it is the cursor's sort key.
      query.andWhere('e.sequence < :afterSequence', {
        afterSequence: decodeCursor(after, 'integer').sort,
      });
    }
    const rows = await query
      .orderBy('e.sequence', 'DESC')
      .take(first + 1)
      .getMany();
    return toConnection(rows, first, after, totalCount, (event) => ({
      sort: event.sequence,
      id: event.id,
    }));
  }
}
