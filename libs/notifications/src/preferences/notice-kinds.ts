/**
 * Kinds of notice people may switch off (or on), per channel. Reminders of assigned learning are
 * not among them: compliance needs them delivered, so they can only be gathered into one daily
 * digest.
 */
export const OptionalNoticeKind = {
  CERTIFICATE_ISSUED: 'certificate-issued',
  /** Certification practice has questions due for review (a line in the daily digest). */
  PRACTICE_REVIEWS_DUE: 'practice-reviews-due',
} as const;
export type OptionalNoticeKind = (typeof OptionalNoticeKind)[keyof typeof OptionalNoticeKind];

export const OPTIONAL_NOTICE_KINDS: readonly string[] = Object.values(OptionalNoticeKind);

/**
 * Whether a kind reaches people who never chose: certificate notices do (they report something
 * that happened to them); practice nudges only after the learner opts in, since practice is
 * their own initiative and not assigned.
 */
export const ON_UNTIL_CHOSEN: Readonly<Record<OptionalNoticeKind, boolean>> = {
  'certificate-issued': true,
  'practice-reviews-due': false,
};
