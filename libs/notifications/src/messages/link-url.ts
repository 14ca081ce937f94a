/**
 * Returns `url` unchanged if it is an absolute http(s) URL. Anything else (javascript:, data:,
 * relative paths, embedded whitespace) is a bug in the caller, so it throws rather than being
 * silently dropped from a message someone is waiting for.
 */
export function checkLinkUrl(url: string): string {
  // Whitespace and control characters would let a URL break out of its line in the text body.
  if (/[\s\p{Cc}]/u.test(url)) {
    throw new Error('Message link URL must not contain whitespace or control characters');
  }
  let protocol: string;
  try {
    protocol = new URL(url).protocol;
  } catch {
    throw new Error('Message link URL must be an absolute URL');
  }
  if (protocol !== 'http:' && protocol !== 'https:') {
    throw new Error(`Message link URL must use http or https, not ${protocol}`);
  }
  return url;
}
