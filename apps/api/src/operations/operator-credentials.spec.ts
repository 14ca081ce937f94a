import { describe, expect, it } from 'vitest';
import { carriesOperatorToken } from './operator-credentials.js';

const TOKEN = 'an-operator-token-of-at-least-32-characters';
const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

describe('carriesOperatorToken', () => {
  it('accepts the token as a bearer token or as the Basic password, whatever the user name', () => {
    expect(carriesOperatorToken(`Bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(carriesOperatorToken(`bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(carriesOperatorToken(basic('operator', TOKEN), TOKEN)).toBe(true);
    expect(carriesOperatorToken(basic('', TOKEN), TOKEN)).toBe(true);
  });

  it('refuses anything else', () => {
    expect(carriesOperatorToken(undefined, TOKEN)).toBe(false);
    expect(carriesOperatorToken('', TOKEN)).toBe(false);
    expect(carriesOperatorToken('Bearer', TOKEN)).toBe(false);
    expect(carriesOperatorToken(`Bearer ${TOKEN}x`, TOKEN)).toBe(false);
    expect(carriesOperatorToken(`Bearer ${TOKEN.slice(1)}`, TOKEN)).toBe(false);
    expect(carriesOperatorToken(basic(TOKEN, 'wrong'), TOKEN)).toBe(false);
    expect(carriesOperatorToken(`Basic ${Buffer.from(TOKEN).toString('base64')}`, TOKEN)).toBe(
      false,
    );
    expect(carriesOperatorToken(`Token ${TOKEN}`, TOKEN)).toBe(false);
  });
});
