import { Socket } from 'node:net';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@academy/common';
import { PermanentDeliveryError } from '@academy/outbox';
import { createTransport, type Transporter } from 'nodemailer';
import { DataSource } from 'typeorm';

export interface OutgoingEmail {
  organizationId: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Stable across redeliveries, so the receiving side can recognise a repeat. */
  messageId: string;
  /** One-click unsubscribe (RFC 8058) for optional notices. */
  unsubscribeUrl?: string;
}

interface SmtpError {
  responseCode?: number;
  response?: string;
}

/**
 * Sends email over SMTP through a pool of connections. A permanent refusal of the recipient
 * (5xx) marks the address as bounced and dead-letters the message; anything else is retried.
 */
@Injectable()
export class EmailSender implements OnApplicationShutdown {
  private readonly transport: Transporter;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DataSource) private readonly dataSource: DataSource,
  ) {
    const plain = new URL(config.SMTP_URL).protocol === 'smtp:';
    this.transport = createTransport({
      url: config.SMTP_URL,
      pool: true,
      maxConnections: config.SMTP_POOL_SIZE,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
      // SMTP is a chatty exchange of short lines: with Nagle's algorithm each command can wait
      // for the previous one's delayed ACK. A plain connection (STARTTLS may still upgrade it)
      // is handed over unconnected with TCP_NODELAY set; smtps:// keeps nodemailer's own.
      getSocket: (_options, callback) => {
        callback(null, plain ? { socket: new Socket().setNoDelay(true) } : false);
      },
    });
  }

  async send(email: OutgoingEmail): Promise<void> {
    try {
      await this.transport.sendMail({
        from: this.config.SMTP_FROM,
        to: email.to,
        subject: email.subject,
        text: email.text,
        html: email.html,
        messageId: email.messageId,
        headers: email.unsubscribeUrl
          ? {
              'List-Unsubscribe': `<${email.unsubscribeUrl}>`,
              'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
            }
          : {},
      });
    } catch (error) {
      const { responseCode, response } = error as SmtpError;
      if (responseCode !== undefined && responseCode >= 500 && responseCode < 600) {
        await this.dataSource.query(
          `INSERT INTO email_bounces (organization_id, email, bounced_at, reason)
           VALUES ($1, $2, now(), $3) ON CONFLICT (organization_id, email) DO NOTHING`,
          [
            email.organizationId,
            email.to.toLowerCase(),
            (response ?? String(responseCode)).slice(0, 300),
          ],
        );
        throw new PermanentDeliveryError(`the mail server refused the recipient (${responseCode})`);
      }
      throw error;
    }
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}
