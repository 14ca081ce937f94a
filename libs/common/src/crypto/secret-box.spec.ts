import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SecretBox } from './secret-box.js';

describe('SecretBox', () => {
  const box = new SecretBox(randomBytes(32).toString('base64'));

  it('opens what it sealed, in the same context', () => {
    const sealed = box.seal('JBSWY3DPEHPK3PXP', 'mfa:user-1');
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(box.open(sealed, 'mfa:user-1')).toBe('JBSWY3DPEHPK3PXP');
  });

  it('refuses another context, a tampered ciphertext and another key', () => {
    const sealed = box.seal('secret', 'mfa:user-1');
    expect(() => box.open(sealed, 'mfa:user-2')).toThrow();
    const parts = sealed.split('.');
    const tampered = [...parts.slice(0, 3), `A${(parts[3] ?? '').slice(1)}`].join('.');
    expect(() => box.open(tampered, 'mfa:user-1')).toThrow();
    const other = new SecretBox(randomBytes(32).toString('base64'));
    expect(() => other.open(sealed, 'mfa:user-1')).toThrow();
  });
});
