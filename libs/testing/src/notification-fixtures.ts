import type { AddressInfo } from 'node:net';
import { Clock } from '@academy/common';
import { SMTPServer } from 'smtp-server';

/**
 * A clock a test moves by hand, so days of reminder schedule pass in milliseconds. It keeps
 * running from wherever it was set, as time does (rows written "now" by code that reads the
 * system clock are then never in its future).
 */
export class ManualClock extends Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  set(instant: Date | string): void {
    this.offsetMs = new Date(instant).getTime() - Date.now();
  }

  /** Back to the system's time. */
  reset(): void {
    this.offsetMs = 0;
  }
}

export interface ReceivedEmail {
  to: string[];
  messageId: string;
  raw: string;
}

export interface SmtpSink {
  /** smtp:// URL to configure as SMTP_URL. */
  url: string;
  received: ReceivedEmail[];
  /** Recipients the server refuses for good (550), as a bouncing mailbox would. */
  refuse: Set<string>;
  close(): Promise<void>;
}

/** A real SMTP server inside the test process that keeps what it receives. */
export async function startSmtpSink(): Promise<SmtpSink> {
  const received: ReceivedEmail[] = [];
  const refuse = new Set<string>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (refuse.has(address.address.toLowerCase())) {
        const error = Object.assign(new Error('mailbox unavailable'), { responseCode: 550 });
        callback(error);
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        received.push({
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase()),
          messageId: /^Message-ID:\s*(\S+)/im.exec(raw)?.[1] ?? '',
          raw,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    refuse,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      }),
  };
}
