import { describe, expect, it } from 'vitest';
import { isEmail, isTimezone, normalizeEmail } from './normalize.js';

describe('identity input helpers', () => {
  it('normalizes and checks email addresses', () => {
    expect(normalizeEmail('  Ada@Example.TEST ')).toBe('ada@example.test');
    expect(isEmail('ada@example.test')).toBe(true);
    expect(isEmail('ada@example')).toBe(false);
    expect(isEmail('ada lovelace@example.test')).toBe(false);
  });

  it('knows IANA time zones', () => {
    expect(isTimezone('Europe/Berlin')).toBe(true);
    expect(isTimezone('Mars/Olympus_Mons')).toBe(false);
  });
});
