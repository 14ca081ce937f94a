import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-policy.js';

const context = { words: ['ada.lovelace', 'ada lovelace', 'acme'] };
const check = (password: string, minLength = 15) => passwordProblem(password, minLength, context);

describe('passwordProblem (NIST SP 800-63B rev. 4)', () => {
  it('accepts a long passphrase without composition rules', () => {
    expect(check('correct horse battery staple')).toBeNull();
    expect(check('lowercase only but long enough')).toBeNull();
  });

  it('refuses passwords shorter than the configured minimum', () => {
    expect(check('Sh0rt&Sweet!')).toBe('Use at least 15 characters.');
    expect(check('Sh0rt&Sweet!', 8)).toBeNull();
  });

  it('accepts 64 characters and more, up to a bound', () => {
    expect(check('a sentence that keeps going '.repeat(3).slice(0, 80) + 'zq')).toBeNull();
    expect(check('x'.repeat(257))).toBe('Use at most 256 characters.');
  });

  it('refuses common and breached passwords whatever their case', () => {
    expect(check('passwordpassword')).toMatch(/common or breached/);
    expect(check('1QAZ2WSX3EDC4RFV')).toMatch(/common or breached/);
  });

  it('refuses repetitive and sequential passwords', () => {
    expect(check('zzzzzzzzzzzzzzzz')).toMatch(/repeated or sequential/);
    expect(check('wxyzabcdefghijklm')).toMatch(/repeated or sequential/);
    expect(check('9876543210987654')).toMatch(/repeated or sequential/);
  });

  it('refuses passwords built on context words', () => {
    expect(check('Acme-training-portal-2026')).toMatch(/name, email address or organization/);
  });

  it('never repeats the password in its reason', () => {
    const reason = check('passwordpassword') ?? '';
    expect(reason).not.toContain('passwordpassword');
  });
});
