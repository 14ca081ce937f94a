/** A count phrase per plural category; the argument is the count already formatted. */
export interface PluralForms {
  one: (count: string) => string;
  other: (count: string) => string;
}

/**
 * All copy for one locale. Interpolated values arrive already formatted (dates, counts) and
 * unescaped; the renderer escapes them for HTML. Every locale implements this interface, so a
 * missing translation is a compile error.
 */
export interface MessageStrings {
  greeting: { named: (name: string) => string; anonymous: string };
  signOff: string[];
  /** Between a label and its link in plain text (French sets a no-break space before it). */
  colon: string;
  /** Shown under a button in HTML, before the bare link. */
  linkFallback: string;
  unsubscribe: { reason: string; label: string };
  invitation: {
    subject: (organization: string) => string;
    summary: (organization: string) => string;
    intro: (organization: string) => string;
    action: string;
    validUntil: (dateTime: string) => string;
    ignore: string;
  };
  passwordReset: {
    subject: string;
    summary: string;
    intro: string;
    action: string;
    validUntil: (dateTime: string) => string;
    ignore: string;
  };
  certificateIssued: {
    subject: (item: string) => string;
    summary: (item: string) => string;
    intro: (item: string) => string;
    serial: (serial: string) => string;
    validUntil: (date: string) => string;
    noExpiry: string;
    verifyIntro: string;
    action: string;
  };
  drillNotice: {
    invitationSubject: (drill: string) => string;
    reminderSubject: (drill: string, dateTime: string) => string;
    invitationIntro: (drill: string, role: string) => string;
    reminderIntro: (drill: string, role: string) => string;
    startsAt: (dateTime: string) => string;
    howItWorks: string;
    action: string;
  };
  reminderDigest: {
    /** `status` is a comma-separated list of count phrases, or `caughtUp`; no final period. */
    subject: (status: string) => string;
    summary: (status: string) => string;
    counts: {
      overdue: PluralForms;
      dueSoon: PluralForms;
      reportsOverdue: PluralForms;
      organizationOverdue: PluralForms;
    };
    caughtUp: string;
    caughtUpBody: string;
    intro: string;
    overdueHeading: string;
    overdueIntro: string;
    dueSoonHeading: string;
    dueSoonIntro: string;
    reportsHeading: string;
    reportsIntro: string;
    organizationHeading: string;
    organizationIntro: string;
    /** Detail of an overdue item. */
    wasDue: (date: string) => string;
    /** Detail of an item due soon. */
    due: (date: string) => string;
    /** Detail of an organization line. */
    enrollments: PluralForms;
    /** The status phrase, section and link of certification-practice reviews due. */
    practiceStatus: string;
    practiceHeading: string;
    practiceIntro: string;
    practiceAction: string;
    action: string;
  };
}
