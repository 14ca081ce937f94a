import { describe, expect, it } from 'vitest';
import { LOCALES, pickLocale } from './message-content.js';

describe('pickLocale', () => {
  it('uses the language subtag of a supported locale, whatever its case or region', () => {
    expect(pickLocale('de-CH')).toBe('de');
    expect(pickLocale('FR')).toBe('fr');
    expect(pickLocale('fr_CA')).toBe('fr');
    expect(pickLocale(' en-GB ')).toBe('en');
  });

  it('falls back to English for missing or unsupported locales', () => {
    expect(pickLocale('pt')).toBe('en');
    expect(pickLocale('pt-BR')).toBe('en');
    expect(pickLocale('')).toBe('en');
    expect(pickLocale(null)).toBe('en');
    expect(pickLocale(undefined)).toBe('en');
  });

  it('returns every supported locale for its own code', () => {
    expect(LOCALES.map(pickLocale)).toEqual(['en', 'de', 'fr']);
  });
});
