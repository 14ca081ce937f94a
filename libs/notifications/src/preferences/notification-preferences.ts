import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@academy/common';
import type { Actor } from '@academy/identity';
import { DataSource } from 'typeorm';
import { NotificationPreferenceEntity } from '../entities/notification-preference.entity.js';
import { NotificationsErrors } from '../notifications.errors.js';
import { ON_UNTIL_CHOSEN, OPTIONAL_NOTICE_KINDS, type OptionalNoticeKind } from './notice-kinds.js';
import { UnsubscribeLinks } from './unsubscribe-links.js';

export interface ChannelChoice {
  kind: OptionalNoticeKind;
  email: boolean;
  inApp: boolean;
}

/**
 * People's channel choices for optional notices: until they choose, every channel is on or off
 * as the kind's default says (ON_UNTIL_CHOSEN).
 */
@Injectable()
export class NotificationPreferences {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(UnsubscribeLinks) private readonly links: UnsubscribeLinks,
  ) {}

  async of(userId: string, kind: OptionalNoticeKind): Promise<ChannelChoice> {
    const stored = await this.dataSource
      .getRepository(NotificationPreferenceEntity)
      .findOneBy({ userId, kind });
    const unchosen = ON_UNTIL_CHOSEN[kind];
    return { kind, email: stored?.email ?? unchosen, inApp: stored?.inApp ?? unchosen };
  }

  async mine(actor: Actor): Promise<ChannelChoice[]> {
    const stored = await this.dataSource
      .getRepository(NotificationPreferenceEntity)
      .findBy({ userId: actor.id, organizationId: actor.organizationId });
    return OPTIONAL_NOTICE_KINDS.map((kind) => {
      const row = stored.find((preference) => preference.kind === kind);
      const unchosen = ON_UNTIL_CHOSEN[kind as OptionalNoticeKind];
      return {
        kind: kind as OptionalNoticeKind,
        email: row?.email ?? unchosen,
        inApp: row?.inApp ?? unchosen,
      };
    });
  }

  async set(actor: Actor, choice: ChannelChoice): Promise<ChannelChoice> {
    if (!OPTIONAL_NOTICE_KINDS.includes(choice.kind)) {
      throw new DomainError(
        NotificationsErrors.NOT_OPTIONAL,
        'Reminders of assigned learning cannot be switched off; they arrive at most once a day.',
      );
    }
    await this.dataSource.query(
      `INSERT INTO notification_preferences (user_id, kind, organization_id, email, in_app, updated_at)
       VALUES ($1, $2, $3, $4, $5, now())
       ON CONFLICT (user_id, kind)
       DO UPDATE SET email = EXCLUDED.email, in_app = EXCLUDED.in_app, updated_at = now()`,
      [actor.id, choice.kind, actor.organizationId, choice.email, choice.inApp],
    );
    return choice;
  }

  /** Switches email off for the person and kind named by a genuine unsubscribe token. */
  async unsubscribe(token: string): Promise<void> {
    const claim = this.links.verify(token);
    if (!claim || !OPTIONAL_NOTICE_KINDS.includes(claim.kind)) {
      throw new DomainError(
        NotificationsErrors.INVALID_UNSUBSCRIBE_LINK,
        'This unsubscribe link is not valid.',
      );
    }
    await this.dataSource.query(
      `INSERT INTO notification_preferences (user_id, kind, organization_id, email, in_app, updated_at)
       SELECT id, $3, organization_id, false, true, now() FROM users WHERE id = $2 AND organization_id = $1
       ON CONFLICT (user_id, kind) DO UPDATE SET email = false, updated_at = now()`,
      [claim.organizationId, claim.userId, claim.kind],
    );
  }
}
