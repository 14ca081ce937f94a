import { describe, expect, it } from 'vitest';
import { escapeHtml } from './html.js';
import { checkLinkUrl } from './link-url.js';

describe('escapeHtml', () => {
  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x">Tom & Jerry's</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;',
    );
  });

  it('leaves other text, including non-ASCII, unchanged', () => {
    expect(escapeHtml('Grüße – «\u00a0ok\u00a0»')).toBe('Grüße – «\u00a0ok\u00a0»');
  });
});

describe('checkLinkUrl', () => {
  it('accepts absolute http and https URLs and returns them unchanged', () => {
    expect(checkLinkUrl('https://academy.test/a?b=1&c=2')).toBe('https://academy.test/a?b=1&c=2');
    expect(checkLinkUrl('http://localhost:3000/x')).toBe('http://localhost:3000/x');
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'data:text/html,<b>x</b>',
    'mailto:someone@example.test',
    'ftp://academy.test/file',
  ])('rejects the non-web scheme in %s', (url) => {
    expect(() => checkLinkUrl(url)).toThrow(/http or https/);
  });

  it('rejects relative URLs and URLs with whitespace or control characters', () => {
    expect(() => checkLinkUrl('/reset?token=1')).toThrow(/absolute/);
    expect(() => checkLinkUrl('https://academy.test/a b')).toThrow(/whitespace/);
    expect(() => checkLinkUrl('https://academy.test/\nInjected line')).toThrow(/whitespace/);
    expect(() => checkLinkUrl(' https://academy.test/')).toThrow(/whitespace/);
  });
});
