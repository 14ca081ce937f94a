import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newWebhookSecret, signWebhook, webhookHeaders } from './webhook-signature.js';

describe('webhook signatures (Standard Webhooks)', () => {
  it("matches the specification's reference library on its own test vector", () => {
    // From standard-webhooks/libraries/javascript/src/webhook.test.ts, "sign function works".
    expect(
      signWebhook(
        'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
        'msg_p5jXN8AQM9LWM0D4loKWxJek',
        1614265330,
        '{"test": 2432232314}',
      ),
    ).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  it('makes whsec_ secrets of 32 random bytes, different each time', () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(secret.slice(6), 'base64')).toHaveLength(32);
    expect(newWebhookSecret()).not.toBe(secret);
  });

  it('signs id, timestamp and body with the decoded key, and every secret given', () => {
    const current = newWebhookSecret();
    const previous = newWebhookSecret();
    const body = '{"type":"webhook.ping"}';
    const headers = webhookHeaders([current, previous], 'msg_1', new Date(1_700_000_000_999), body);
    expect(headers['webhook-id']).toBe('msg_1');
    expect(headers['webhook-timestamp']).toBe('1700000000');
    const expected = [current, previous].map(
      (secret) =>
        `v1,${createHmac('sha256', Buffer.from(secret.slice(6), 'base64'))
          .update(`msg_1.1700000000.${body}`)
          .digest('base64')}`,
    );
    expect(headers['webhook-signature'].split(' ')).toEqual(expected);
  });

  it('changes with any byte of the id, timestamp or body', () => {
    const secret = newWebhookSecret();
    const signature = signWebhook(secret, 'id', 1, 'body');
    expect(signWebhook(secret, 'id2', 1, 'body')).not.toBe(signature);
    expect(signWebhook(secret, 'id', 2, 'body')).not.toBe(signature);
    expect(signWebhook(secret, 'id', 1, 'body ')).not.toBe(signature);
    expect(signWebhook(newWebhookSecret(), 'id', 1, 'body')).not.toBe(signature);
  });
});
