import type { Block, Footer, ListItem } from './blocks.js';
import { renderHtmlDocument } from './html.js';
import { de } from './locales/de.js';
import { en } from './locales/en.js';
import { fr } from './locales/fr.js';
import type { MessageStrings, PluralForms } from './locales/message-strings.js';
import type { DigestItem, Locale, MessageContent } from './message-content.js';
import { renderPlainText } from './text.js';

export interface RenderedMessage {
  /** One line, no newlines, at most 120 characters. */
  subject: string;
  /** One short plain-text line for an in-app notification list. */
  summary: string;
  /** Plain-text email body. */
  text: string;
  /** HTML email body: a full small document, inline styles only, no external resources. */
  html: string;
}

export interface RenderOptions {
  /** The recipient's IANA time zone, e.g. 'Europe/Berlin'. */
  timeZone: string;
  unsubscribeUrl?: string;
}

const STRINGS: Readonly<Record<Locale, MessageStrings>> = { en, de, fr };

const SUBJECT_MAX = 120;
const SUMMARY_MAX = 160;

interface Formatters {
  date: (date: Date) => string;
  dateTime: (date: Date) => string;
  count: (forms: PluralForms, count: number) => string;
}

/** Building Intl formatters costs far more than using them: one set per locale and timezone. */
const formattersByZone = new Map<string, Formatters>();

function formatters(locale: Locale, timeZone: string): Formatters {
  const key = `${locale}|${timeZone}`;
  let cached = formattersByZone.get(key);
  if (!cached) {
    cached = createFormatters(locale, timeZone);
    formattersByZone.set(key, cached);
  }
  return cached;
}

function createFormatters(locale: Locale, timeZone: string): Formatters {
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone });
  const dateTime = new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  });
  const plural = new Intl.PluralRules(locale);
  const number = new Intl.NumberFormat(locale);
  return {
    date: (value) => date.format(value),
    dateTime: (value) => dateTime.format(value),
    // Our locales only distinguish one/other; French 'many' (e.g. 1 000 000) reads as 'other'.
    count: (forms, count) =>
      (plural.select(count) === 'one' ? forms.one : forms.other)(number.format(count)),
  };
}

/**
 * Collapses line breaks and control characters (names and titles are user input) and shortens
 * to `max` characters at a word boundary where one is near.
 */
function oneLine(value: string, max: number): string {
  const line = value
    .replace(/[\p{Cc}\p{Zl}\p{Zp}]+/gu, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
  if (line.length <= max) return line;
  const cut = line.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  const shortened = space > max / 2 ? cut.slice(0, space) : cut;
  // Never leave half a surrogate pair or dangling punctuation before the ellipsis.
  return `${shortened.replace(/[\uD800-\uDBFF]$/, '').replace(/[\s,;:]+$/, '')}…`;
}

interface Composed {
  subject: string;
  summary: string;
  body: Block[];
}

function compose(content: MessageContent, t: MessageStrings, f: Formatters): Composed {
  switch (content.kind) {
    case 'invitation': {
      const s = t.invitation;
      const organization = content.organizationName;
      return {
        subject: s.subject(organization),
        summary: s.summary(organization),
        body: [
          { type: 'paragraph', text: s.intro(organization) },
          { type: 'action', label: s.action, url: content.acceptUrl, fallback: t.linkFallback },
          { type: 'paragraph', text: s.validUntil(f.dateTime(content.expiresAt)) },
          { type: 'paragraph', text: s.ignore },
        ],
      };
    }
    case 'password-reset': {
      const s = t.passwordReset;
      return {
        subject: s.subject,
        summary: s.summary,
        body: [
          { type: 'paragraph', text: s.intro },
          { type: 'action', label: s.action, url: content.resetUrl, fallback: t.linkFallback },
          { type: 'paragraph', text: s.validUntil(f.dateTime(content.expiresAt)) },
          { type: 'paragraph', text: s.ignore },
        ],
      };
    }
    case 'certificate-issued': {
      const s = t.certificateIssued;
      const validity =
        content.expiresAt === null ? s.noExpiry : s.validUntil(f.date(content.expiresAt));
      return {
        subject: s.subject(content.itemTitle),
        summary: s.summary(content.itemTitle),
        body: [
          { type: 'paragraph', text: s.intro(content.itemTitle) },
          { type: 'lines', lines: [s.serial(content.serial), validity] },
          { type: 'paragraph', text: s.verifyIntro },
          { type: 'action', label: s.action, url: content.verifyUrl, fallback: t.linkFallback },
        ],
      };
    }
    case 'drill-notice': {
      const s = t.drillNotice;
      const startsAt = f.dateTime(content.startsAt);
      const invitation = content.stage === 'invitation';
      const subject = invitation
        ? s.invitationSubject(content.drillTitle)
        : s.reminderSubject(content.drillTitle, startsAt);
      return {
        subject,
        summary: subject,
        body: [
          {
            type: 'paragraph',
            text: (invitation ? s.invitationIntro : s.reminderIntro)(
              content.drillTitle,
              content.roleTitle,
            ),
          },
          { type: 'paragraph', text: s.startsAt(startsAt) },
          { type: 'paragraph', text: s.howItWorks },
          { type: 'action', label: s.action, url: content.drillUrl, fallback: t.linkFallback },
        ],
      };
    }
    case 'reminder-digest':
      return composeDigest(content, t.reminderDigest, t.linkFallback, f);
  }
}

type DigestContent = Extract<MessageContent, { kind: 'reminder-digest' }>;

function composeDigest(
  content: DigestContent,
  s: MessageStrings['reminderDigest'],
  linkFallback: string,
  f: Formatters,
): Composed {
  const counts: string[] = [];
  const body: Block[] = [{ type: 'paragraph', text: s.intro }];
  const section = (heading: string, intro: string, items: ListItem[]): void => {
    body.push(
      { type: 'heading', text: heading },
      { type: 'paragraph', text: intro },
      { type: 'list', items },
    );
  };
  const digestItem = (item: DigestItem, detail: string): ListItem => ({
    label: item.title,
    url: item.url,
    detail,
  });

  if (content.overdue.length > 0) {
    counts.push(f.count(s.counts.overdue, content.overdue.length));
    section(
      s.overdueHeading,
      s.overdueIntro,
      content.overdue.map((item) => digestItem(item, s.wasDue(f.date(item.dueAt)))),
    );
  }
  if (content.dueSoon.length > 0) {
    counts.push(f.count(s.counts.dueSoon, content.dueSoon.length));
    section(
      s.dueSoonHeading,
      s.dueSoonIntro,
      content.dueSoon.map((item) => digestItem(item, s.due(f.date(item.dueAt)))),
    );
  }
  const reports = content.reportsOverdue.filter((report) => report.items.length > 0);
  if (reports.length > 0) {
    const total = reports.reduce((sum, report) => sum + report.items.length, 0);
    counts.push(f.count(s.counts.reportsOverdue, total));
    section(
      s.reportsHeading,
      s.reportsIntro,
      reports.map((report) => ({
        label: report.personName,
        children: report.items.map((item) => ({
          label: item.title,
          detail: s.wasDue(f.date(item.dueAt)),
        })),
      })),
    );
  }
  const organization = (content.organizationOverdue ?? []).filter((line) => line.overdueCount > 0);
  if (organization.length > 0) {
    const total = organization.reduce((sum, line) => sum + line.overdueCount, 0);
    counts.push(f.count(s.counts.organizationOverdue, total));
    section(
      s.organizationHeading,
      s.organizationIntro,
      organization.map((line) => ({
        label: line.title,
        detail: f.count(s.enrollments, line.overdueCount),
      })),
    );
  }
  if (content.practiceReviewsUrl) {
    counts.push(s.practiceStatus);
    section(s.practiceHeading, s.practiceIntro, [
      { label: s.practiceAction, url: content.practiceReviewsUrl },
    ]);
  }
  if (counts.length === 0) body.push({ type: 'paragraph', text: s.caughtUpBody });
  body.push({ type: 'action', label: s.action, url: content.dashboardUrl, fallback: linkFallback });

  if (counts.length === 0) {
    return { subject: s.subject(s.caughtUp), summary: s.summary(s.caughtUp), body };
  }
  return {
    subject: fitCounts(counts, s.subject, SUBJECT_MAX),
    summary: fitCounts(counts, s.summary, SUMMARY_MAX),
    body,
  };
}

/**
 * Lists as many whole count phrases as fit in `max` and marks the rest with an ellipsis, rather
 * than cutting a phrase in half.
 */
function fitCounts(counts: string[], wrap: (status: string) => string, max: number): string {
  for (let shown = counts.length; shown > 0; shown--) {
    const rest = shown < counts.length ? ['…'] : [];
    const line = wrap([...counts.slice(0, shown), ...rest].join(', '));
    if (line.length <= max) return line;
  }
  // Not even one phrase fits (our copy never gets there): oneLine() shortens it.
  return wrap(counts.join(', '));
}

export function renderMessage(
  content: MessageContent,
  locale: Locale,
  options: RenderOptions,
): RenderedMessage {
  const t = STRINGS[locale];
  const { subject, summary, body } = compose(content, t, formatters(locale, options.timeZone));
  const name = content.recipientName.trim();
  const blocks: Block[] = [
    { type: 'paragraph', text: name === '' ? t.greeting.anonymous : t.greeting.named(name) },
    ...body,
    { type: 'lines', lines: t.signOff },
  ];
  const footer: Footer | undefined =
    options.unsubscribeUrl === undefined
      ? undefined
      : { text: t.unsubscribe.reason, linkLabel: t.unsubscribe.label, url: options.unsubscribeUrl };
  const oneLineSubject = oneLine(subject, SUBJECT_MAX);
  return {
    subject: oneLineSubject,
    summary: oneLine(summary, SUMMARY_MAX),
    text: renderPlainText(blocks, footer, t.colon),
    html: renderHtmlDocument({ lang: locale, title: oneLineSubject, blocks, footer }),
  };
}
