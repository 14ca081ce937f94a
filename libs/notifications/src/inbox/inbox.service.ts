import { Inject, Injectable } from '@nestjs/common';
import { decodeCursor, toConnection, type Connection } from '@academy/common';
import type { Actor } from '@academy/identity';
import { DataSource, IsNull } from 'typeorm';
import { NotificationEntity } from '../entities/notification.entity.js';

/** A person's own in-app notifications: newest first, unread count, marking read. */
@Injectable()
export class InboxService {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async list(
    actor: Actor,
    first: number,
    after: string | null | undefined,
    unreadOnly: boolean,
  ): Promise<Connection<NotificationEntity>> {
    const query = () => {
      const builder = this.dataSource
        .getRepository(NotificationEntity)
        .createQueryBuilder('n')
        .where('n.organization_id = :organizationId AND n.user_id = :userId', {
          organizationId: actor.organizationId,
          userId: actor.id,
        });
      return unreadOnly ? builder.andWhere('n.read_at IS NULL') : builder;
    };
    const total = await query().getCount();
    const page = query()
      .orderBy('n.created_at', 'DESC')
      .addOrderBy('n.id', 'DESC')
      .take(first + 1);
    if (after) {
      const position = decodeCursor(after, 'time');
      page.andWhere('(n.created_at, n.id) < (:sort::timestamptz, :id::uuid)', position);
    }
    return toConnection(await page.getMany(), first, after, total, (row) => ({
      sort: row.createdAt.toISOString(),
      id: row.id,
    }));
  }

  async unreadCount(actor: Actor): Promise<number> {
    return this.dataSource.getRepository(NotificationEntity).countBy({
      organizationId: actor.organizationId,
      userId: actor.id,
      readAt: IsNull(),
    });
  }

  /** Marks the given notifications (all when `ids` is null) read; returns how many changed. */
  async markRead(actor: Actor, ids: readonly string[] | null): Promise<number> {
    const [, changed] = await this.dataSource.query<[unknown[], number]>(
      `UPDATE notifications SET read_at = now()
        WHERE organization_id = $1 AND user_id = $2 AND read_at IS NULL
          AND ($3::uuid[] IS NULL OR id = ANY($3))`,
      [actor.organizationId, actor.id, ids],
    );
    return changed;
  }

  /** One of the person's own notifications, for live delivery (null when not theirs). */
  findOwn(actor: Actor, id: string): Promise<NotificationEntity | null> {
    return this.dataSource
      .getRepository(NotificationEntity)
      .findOneBy({ id, organizationId: actor.organizationId, userId: actor.id });
  }
}
