import { createHmac, randomBytes } from 'node:crypto';

/**
 * Signing as the Standard Webhooks specification has it (https://www.standardwebhooks.com/),
 * so receivers can verify with any off-the-shelf library:
 *
 * - the secret is `whsec_` + base64 of 32 random bytes; the HMAC key is those bytes;
 * - the signed content is `<webhook-id>.<webhook-timestamp>.<body>`;
 * - `webhook-signature` is `v1,<base64 HMAC-SHA256>`, several separated by spaces while a
 *   rotated secret still signs beside the new one.
 */
const SECRET_PREFIX = 'whsec_';

export function newWebhookSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(32).toString('base64')}`;
}

function keyOf(secret: string): Buffer {
  const encoded = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret;
  const key = Buffer.from(encoded, 'base64');
  if (key.length === 0) throw new Error('empty webhook secret');
  return key;
}

/** One `v1,…` signature of a message. `timestamp` is in whole seconds since the epoch. */
export function signWebhook(secret: string, id: string, timestamp: number, body: string): string {
  const mac = createHmac('sha256', keyOf(secret))
    .update(`${id}.${timestamp}.${body}`, 'utf8')
    .digest('base64');
  return `v1,${mac}`;
}

/** The three Standard Webhooks headers of a message, signed with every given secret. */
export function webhookHeaders(
  secrets: readonly string[],
  id: string,
  sentAt: Date,
  body: string,
): Record<'webhook-id' | 'webhook-timestamp' | 'webhook-signature', string> {
  const timestamp = Math.floor(sentAt.getTime() / 1000);
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': secrets
      .map((secret) => signWebhook(secret, id, timestamp, body))
      .join(' '),
  };
}
