import { Inject, Injectable } from '@nestjs/common';
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
import { OptionalNoticeKind } from '../preferences/notice-kinds.js';

/** Tells a holder about their new certificate, on the channels they chose. */
@Injectable()
@HandlesTopic('learning.certificate-issued')
export class CertificateIssuedHandler implements TopicHandler<'learning.certificate-issued'> {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(Recipients) private readonly recipients: Recipients,
    @Inject(Notifier) private readonly notifier: Notifier,
    @Inject(PublicLinks) private readonly links: PublicLinks,
  ) {}

  async handle(message: OutboxMessage<'learning.certificate-issued'>): Promise<TopicOutcome> {
    const [certificate] = await this.dataSource.query<
      { user_id: string; serial: string; item_title: string; expires_at: Date | null }[]
    >(
      `SELECT user_id, serial, item_title, expires_at FROM certificates
        WHERE id = $1 AND organization_id = $2 AND revoked_at IS NULL`,
      [message.payload.certificateId, message.organizationId],
    );
    if (!certificate) return undefined;
    const recipient = await this.recipients.find(message.organizationId, certificate.user_id);
    if (!recipient?.active) return undefined;
    await this.notifier.notify({
      message,
      recipient,
      audience: OptionalNoticeKind.CERTIFICATE_ISSUED,
      link: `/certificates/${certificate.serial}`,
      content: {
        kind: 'certificate-issued',
        recipientName: recipient.displayName,
        itemTitle: certificate.item_title,
        serial: certificate.serial,
        verifyUrl: this.links.url(`/certificates/${certificate.serial}`),
        expiresAt: certificate.expires_at,
      },
    });
    return undefined;
  }
}
