import { readFileSync } from 'node:fs';

/** Longest password accepted: far above NIST's "at least 64", bounded to keep hashing cheap. */
export const MAX_PASSWORD_LENGTH = 256;

/**
 * Common and breached passwords, lower-cased, shipped with the project (from zxcvbn-ts's
 * frequency list of leaked passwords, MIT licence; see common-passwords.LICENSE.txt).
 */
const COMMON_PASSWORDS = new Set(
  readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8').split('\n'),
);

const SEQUENCES = ['abcdefghijklmnopqrstuvwxyz', '0123456789', 'qwertyuiopasdfghjklzxcvbnm'];

function isRepetitive(password: string): boolean {
  // One short unit repeated: "aaaaaaaaaaaaaaa", "abcabcabcabcabc", "passwordpassword".
  return /^(.{1,8})\1+$/s.test(password);
}

function isSequential(password: string): boolean {
  const lower = password.toLowerCase();
  return SEQUENCES.some((sequence) => {
    const cycle = sequence.repeat(Math.ceil(lower.length / sequence.length) + 1);
    const reversed = Array.from(cycle).reverse().join('');
    return cycle.includes(lower) || reversed.includes(lower);
  });
}

export interface PasswordContext {
  /** Words a person's password must not be built on: their email, name, the organization. */
  words: string[];
}

/**
 * NIST SP 800-63B rev. 4: a minimum length (15 by default), at least 64 characters allowed, no
 * composition rules, and refusal of passwords that are common, breached, repetitive, sequential
 * or built from context words. Returns the reason a password is refused, or null when it is
 * acceptable. Reasons never repeat the password.
 */
export function passwordProblem(
  password: string,
  minLength: number,
  context: PasswordContext,
): string | null {
  const length = Array.from(password).length;
  if (length < minLength) return `Use at least ${minLength} characters.`;
  if (length > MAX_PASSWORD_LENGTH) return `Use at most ${MAX_PASSWORD_LENGTH} characters.`;
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower)) {
    return 'This password appears in lists of common or breached passwords; choose another.';
  }
  if (isRepetitive(password) || isSequential(password)) {
    return 'Avoid repeated or sequential characters; a few unrelated words make a strong password.';
  }
  const contextWord = context.words
    .map((word) => word.toLowerCase())
    .find((word) => word.length >= 4 && lower.includes(word));
  if (contextWord !== undefined) {
    return 'Do not build the password on your name, email address or organization.';
  }
  return null;
}
