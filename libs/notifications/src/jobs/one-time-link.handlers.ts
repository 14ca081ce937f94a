import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, SecretBox, type AppConfig } from '@academy/common';
import {
  HandlesTopic,
  type OutboxMessage,
  type TopicHandler,
  type TopicOutcome,
} from '@academy/outbox';
import { DataSource } from 'typeorm';
import { Notifier } from '../delivery/notifier.js';
import { PublicLinks } from '../delivery/public-links.js';
import { Recipients } from '../delivery/recipients.js';

type LinkTopic = 'identity.invitation' | 'identity.password-reset';

/**
 * Emails the link of an invitation or a password reset. The token travels sealed in the
 * outbox and is opened only here; a token used, superseded or expired meanwhile is not sent.
 * The token sits in the link's fragment, which browsers never send to a server or its logs.
 */
@Injectable()
export class OneTimeLinkMailer {
  private readonly box: SecretBox;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(Recipients) private readonly recipients: Recipients,
    @Inject(Notifier) private readonly notifier: Notifier,
    @Inject(PublicLinks) private readonly links: PublicLinks,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.box = new SecretBox(config.DATA_ENCRYPTION_KEY);
  }

  async send(message: OutboxMessage<LinkTopic>): Promise<void> {
    const { userId, tokenId, sealedToken } = message.payload;
    const [token] = await this.dataSource.query<{ expires_at: Date }[]>(
      `SELECT expires_at FROM one_time_tokens
        WHERE id = $1 AND user_id = $2 AND used_at IS NULL AND expires_at > now()`,
      [tokenId, userId],
    );
    const recipient = await this.recipients.find(message.organizationId, userId);
    if (!token || !recipient?.active) return;
    const plain = this.box.open(sealedToken, `one-time-token:${tokenId}`);
    await this.notifier.notify({
      message,
      recipient,
      audience: 'transactional',
      link: null,
      content:
        message.topic === 'identity.invitation'
          ? {
              kind: 'invitation',
              recipientName: recipient.displayName,
              organizationName: recipient.organizationName,
              acceptUrl: this.links.url(`/invitations/accept#token=${plain}`),
              expiresAt: token.expires_at,
            }
          : {
              kind: 'password-reset',
              recipientName: recipient.displayName,
              resetUrl: this.links.url(`/password-reset#token=${plain}`),
              expiresAt: token.expires_at,
            },
    });
  }
}

@Injectable()
@HandlesTopic('identity.invitation')
export class InvitationHandler implements TopicHandler<'identity.invitation'> {
  constructor(@Inject(OneTimeLinkMailer) private readonly mailer: OneTimeLinkMailer) {}

  async handle(message: OutboxMessage<'identity.invitation'>): Promise<TopicOutcome> {
    await this.mailer.send(message);
    return undefined;
  }
}

@Injectable()
@HandlesTopic('identity.password-reset')
export class PasswordResetHandler implements TopicHandler<'identity.password-reset'> {
  constructor(@Inject(OneTimeLinkMailer) private readonly mailer: OneTimeLinkMailer) {}

  async handle(message: OutboxMessage<'identity.password-reset'>): Promise<TopicOutcome> {
    await this.mailer.send(message);
    return undefined;
  }
}
