import { Inject, Injectable } from '@nestjs/common';
import { PermanentDeliveryError, type OutboxMessage, type OutboxTopic } from '@academy/outbox';
import { InAppNotifier } from '../inbox/in-app-notifier.js';
import { pickLocale, type MessageContent } from '../messages/message-content.js';
import { renderMessage } from '../messages/render-message.js';
import type { OptionalNoticeKind } from '../preferences/notice-kinds.js';
import { NotificationPreferences } from '../preferences/notification-preferences.js';
import { UnsubscribeLinks } from '../preferences/unsubscribe-links.js';
import { Deliveries } from './deliveries.js';
import { EmailSender } from './email-sender.js';
import type { Recipient } from './recipients.js';

/**
 * Who may be told what, on which channel:
 * - transactional (an invitation, a password reset): email only, always; the person may not be
 *   able to sign in yet.
 * - compliance (reminders of assigned learning): in-app and email, always.
 * - an optional notice kind: the channels the person chose, with an unsubscribe link.
 */
export type Audience = 'transactional' | 'compliance' | OptionalNoticeKind;

export interface Notice {
  /** The outbox message being delivered: deliveries are recorded against it. */
  message: Pick<OutboxMessage<OutboxTopic>, 'id' | 'firstClaim'>;
  recipient: Recipient;
  content: MessageContent;
  audience: Audience;
  /** Where in the platform an in-app notification leads. */
  link: string | null;
}

/** Renders a notice in the recipient's language and timezone and delivers it on each channel once. */
@Injectable()
export class Notifier {
  constructor(
    @Inject(Deliveries) private readonly deliveries: Deliveries,
    @Inject(EmailSender) private readonly email: EmailSender,
    @Inject(InAppNotifier) private readonly inApp: InAppNotifier,
    @Inject(NotificationPreferences) private readonly preferences: NotificationPreferences,
    @Inject(UnsubscribeLinks) private readonly unsubscribeLinks: UnsubscribeLinks,
  ) {}

  async notify({ message, recipient, content, audience, link }: Notice): Promise<void> {
    const optional = audience !== 'transactional' && audience !== 'compliance';
    const choice = optional
      ? await this.preferences.of(recipient.id, audience)
      : { email: true, inApp: audience === 'compliance' };
    const unsubscribeUrl = optional
      ? this.unsubscribeLinks.urlFor({
          organizationId: recipient.organizationId,
          userId: recipient.id,
          kind: audience,
        })
      : undefined;
    const rendered = renderMessage(content, pickLocale(recipient.locale), {
      timeZone: recipient.timeZone,
      unsubscribeUrl,
    });
    if (choice.inApp) {
      await this.inApp.add({
        organizationId: recipient.organizationId,
        userId: recipient.id,
        kind: content.kind,
        subject: rendered.subject,
        summary: rendered.summary,
        body: rendered.text,
        link,
        sourceMessageId: message.id,
      });
    }
    if (!choice.email) return;
    if (recipient.emailBounced) {
      // Without another channel the message cannot arrive: dead-letter it for an admin to see.
      if (audience === 'transactional') {
        throw new PermanentDeliveryError('the recipient address has bounced before');
      }
      return;
    }
    const target = {
      organizationId: recipient.organizationId,
      outboxMessageId: message.id,
      channel: 'email' as const,
      recipient: recipient.id,
    };
    await this.deliveries.once(target, message.firstClaim, (stableId) =>
      this.email.send({
        organizationId: recipient.organizationId,
        to: recipient.email,
        subject: rendered.subject,
        text: rendered.text,
        html: rendered.html,
        messageId: stableId,
        unsubscribeUrl,
      }),
    );
  }
}
