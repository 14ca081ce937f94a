/**
 * Kinds of notice people may switch off, per channel. Reminders of assigned learning are not
 * among them: compliance needs them delivered, so they can only be gathered into one daily digest.
 */
export const OptionalNoticeKind = {
  CERTIFICATE_ISSUED: 'certificate-issued',
} as const;
export type OptionalNoticeKind = (typeof OptionalNoticeKind)[keyof typeof OptionalNoticeKind];

export const OPTIONAL_NOTICE_KINDS: readonly string[] = Object.values(OptionalNoticeKind);
