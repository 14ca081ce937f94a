export type Locale = 'en' | 'de' | 'fr';

export const LOCALES: readonly Locale[] = ['en', 'de', 'fr'];

function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}

/** 'de-CH' → 'de', 'FR' → 'fr', null/unknown → 'en'. */
export function pickLocale(userLocale: string | null | undefined): Locale {
  // Only the language subtag matters: we translate per language, not per region.
  const language = (userLocale ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return isLocale(language) ? language : 'en';
}

export interface DigestItem {
  title: string;
  dueAt: Date;
  url: string;
}

export interface ReportOverdue {
  personName: string;
  items: { title: string; dueAt: Date }[];
}

export interface OrganizationOverdueLine {
  title: string;
  overdueCount: number;
}

export type MessageContent =
  | {
      kind: 'invitation';
      recipientName: string;
      organizationName: string;
      acceptUrl: string;
      expiresAt: Date;
    }
  | { kind: 'password-reset'; recipientName: string; resetUrl: string; expiresAt: Date }
  | {
      kind: 'certificate-issued';
      recipientName: string;
      itemTitle: string;
      serial: string;
      verifyUrl: string;
      expiresAt: Date | null;
    }
  | {
      /** A drill participant's invitation (when scheduled) or reminder (before the start). */
      kind: 'drill-notice';
      stage: 'invitation' | 'reminder';
      recipientName: string;
      drillTitle: string;
      roleTitle: string;
      startsAt: Date;
      drillUrl: string;
    }
  | {
      kind: 'reminder-digest';
      recipientName: string;
      /** Assigned learning due soon (not yet overdue). */
      dueSoon: DigestItem[];
      /** The recipient's own overdue learning. */
      overdue: DigestItem[];
      /** For a manager: their direct reports' overdue learning (escalation). */
      reportsOverdue: ReportOverdue[];
      /** For an admin, in the weekly summary: overdue enrollments per course/track; null when not part of this digest. */
      organizationOverdue: OrganizationOverdueLine[] | null;
      /** Where to review certification-practice questions that are due; null when none are (or not opted in). */
      practiceReviewsUrl: string | null;
      dashboardUrl: string;
    };
