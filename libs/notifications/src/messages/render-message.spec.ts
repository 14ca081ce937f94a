import { describe, expect, it } from 'vitest';
import { LOCALES, type Locale, type MessageContent } from './message-content.js';
import { renderMessage, type RenderedMessage, type RenderOptions } from './render-message.js';

type Digest = Extract<MessageContent, { kind: 'reminder-digest' }>;
type ContentOf<K extends MessageContent['kind']> = Extract<MessageContent, { kind: K }>;

// 23:30 UTC on 1 March is already 2 March in Tokyo but still 1 March in New York.
const MOMENT = new Date('2026-03-01T23:30:00Z');
const TOKYO = { timeZone: 'Asia/Tokyo' };
const NEW_YORK = { timeZone: 'America/New_York' };
const HOSTILE = `<script>alert(1)</script> & "x"`;
const UNSUBSCRIBE = 'https://academy.test/settings/notifications?u=7&t=abc';

const invitation: ContentOf<'invitation'> = {
  kind: 'invitation',
  recipientName: 'Ada Lovelace',
  organizationName: 'Acme Corp',
  acceptUrl: 'https://academy.test/invitations/accept?token=inv123',
  expiresAt: MOMENT,
};
const passwordReset: ContentOf<'password-reset'> = {
  kind: 'password-reset',
  recipientName: 'Ada Lovelace',
  resetUrl: 'https://academy.test/reset-password?token=pw456',
  expiresAt: MOMENT,
};
const certificate: ContentOf<'certificate-issued'> = {
  kind: 'certificate-issued',
  recipientName: 'Ada Lovelace',
  itemTitle: 'Prompt Injection Basics',
  serial: 'ASA-2026-000123',
  verifyUrl: 'https://academy.test/verify/ASA-2026-000123',
  expiresAt: MOMENT,
};
const emptyDigest: Digest = {
  kind: 'reminder-digest',
  recipientName: 'Ada Lovelace',
  dueSoon: [],
  overdue: [],
  reportsOverdue: [],
  organizationOverdue: null,
  practiceReviewsUrl: null,
  dashboardUrl: 'https://academy.test/dashboard',
};
const fullDigest: Digest = {
  ...emptyDigest,
  dueSoon: [{ title: 'Safe Use of Chatbots', dueAt: MOMENT, url: 'https://academy.test/c/1' }],
  overdue: [
    { title: 'Data Leaks via AI Tools', dueAt: MOMENT, url: 'https://academy.test/c/2' },
    { title: 'Spotting Deepfakes', dueAt: MOMENT, url: 'https://academy.test/c/3' },
  ],
  reportsOverdue: [
    { personName: 'Grace Hopper', items: [{ title: 'Data Leaks via AI Tools', dueAt: MOMENT }] },
  ],
  organizationOverdue: [{ title: 'AI Security Foundations', overdueCount: 4 }],
};
const ALL_KINDS: MessageContent[] = [invitation, passwordReset, certificate, fullDigest];

function parts(message: RenderedMessage): string[] {
  return [message.subject, message.summary, message.text, message.html];
}

/** The text before the first occurrence of `marker`, to check ordering. */
function before(haystack: string, marker: string): string {
  const index = haystack.indexOf(marker);
  expect(index).toBeGreaterThanOrEqual(0);
  return haystack.slice(0, index);
}

describe('renderMessage: every kind in every locale', () => {
  const cases = ALL_KINDS.flatMap((content) =>
    LOCALES.map((locale) => ({ kind: content.kind, locale, content })),
  );

  it.each(cases)('$kind in $locale renders complete, well-formed parts', ({ content, locale }) => {
    const message = renderMessage(content, locale, TOKYO);
    for (const part of parts(message)) {
      expect(part.trim()).not.toBe('');
      expect(part).not.toMatch(/undefined|NaN|\[object|\{\{|\}\}/);
    }
    expect(message.subject).not.toMatch(/[\r\n]/);
    expect(message.subject.length).toBeLessThanOrEqual(120);
    expect(message.summary).not.toMatch(/[\r\n]/);
    expect(message.text).not.toMatch(/<[a-z/!]/i);
    expect(message.text).toContain('Ada Lovelace');
    expect(message.html).toMatch(/^<!DOCTYPE html>\n<html lang="(en|de|fr)">/);
    expect(message.html).toContain(`<html lang="${locale}">`);
    expect(message.html).toContain('Ada Lovelace');
    expect(message.html).toMatch(/<\/html>\n$/);
    // Self-contained: no scripts, stylesheets, images or other fetched resources.
    expect(message.html).not.toMatch(/<script|<style|<link|<img|src=|url\(/i);
  });

  it('greets in the recipient language and signs off', () => {
    const greetings: Record<Locale, [string, string]> = {
      en: ['Hello Ada Lovelace,', 'The AI Security Academy team'],
      de: ['Guten Tag Ada Lovelace,', 'Ihr Team der AI Security Academy'],
      fr: ['Bonjour Ada Lovelace,', 'L’équipe AI Security Academy'],
    };
    for (const locale of LOCALES) {
      const { text, html } = renderMessage(passwordReset, locale, TOKYO);
      const [greeting, team] = greetings[locale];
      expect(text.startsWith(`${greeting}\n\n`)).toBe(true);
      expect(text.trimEnd().endsWith(team)).toBe(true);
      expect(html).toContain(`<p style="margin:0 0 16px;">${greeting}</p>`);
    }
  });

  it('uses a name-less greeting when the recipient name is blank', () => {
    const { text } = renderMessage({ ...invitation, recipientName: '  ' }, 'en', TOKYO);
    expect(text.startsWith('Hello,\n\n')).toBe(true);
  });
});

describe('renderMessage: invitation and password reset', () => {
  const expiry: Record<Locale, string> = {
    en: 'Mar 2, 2026',
    de: '02.03.2026, 08:30',
    fr: '2 mars 2026, 08:30',
  };
  const ignore: Record<Locale, RegExp> = {
    en: /you can safely ignore this email/,
    de: /können Sie diese E-Mail (einfach )?ignorieren/,
    fr: /vous pouvez (simplement )?ignorer cet e-mail/,
  };

  it.each(LOCALES)(
    'states how long the link is valid and that it can be ignored (%s)',
    (locale) => {
      for (const content of [invitation, passwordReset]) {
        const { text, html } = renderMessage(content, locale, TOKYO);
        for (const body of [text, html]) {
          expect(body).toContain(expiry[locale]);
          expect(body).toMatch(ignore[locale]);
        }
      }
      expect(renderMessage(passwordReset, 'en', TOKYO).text).toMatch(
        /valid only until Mar 2, 2026, 8:30\sAM\./,
      );
    },
  );

  it('names the inviting organization', () => {
    expect(renderMessage(invitation, 'en', TOKYO).subject).toBe(
      'Acme Corp invited you to AI Security Academy',
    );
    expect(renderMessage(invitation, 'de', TOKYO).text).toContain(
      'Sie wurden von Acme Corp zur AI Security Academy eingeladen.',
    );
    expect(renderMessage(invitation, 'fr', TOKYO).subject).toBe(
      'Acme Corp vous invite à rejoindre AI Security Academy',
    );
  });

  it('links to nothing but the given URL', () => {
    for (const [content, url] of [
      [invitation, invitation.acceptUrl],
      [passwordReset, passwordReset.resetUrl],
    ] as const) {
      for (const locale of LOCALES) {
        const { text, html } = renderMessage(content, locale, TOKYO);
        expect(text.match(/https?:\/\/\S+/g)).toEqual([url]);
        const escaped = url.replaceAll('&', '&amp;');
        const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((match) => match[1]);
        expect(hrefs).toEqual([escaped, escaped]);
      }
    }
  });

  it('keeps the subject on one line even if a name contains line breaks', () => {
    const message = renderMessage(
      { ...invitation, organizationName: 'Acme\r\nBcc: victim@example.test\tCorp' },
      'en',
      TOKYO,
    );
    expect(message.subject).toBe(
      'Acme Bcc: victim@example.test Corp invited you to AI Security Academy',
    );
  });

  it('shortens an overlong subject at a word boundary', () => {
    const longName = Array.from({ length: 30 }, (_, i) => `Division${i}`).join(' ');
    const { subject } = renderMessage({ ...invitation, organizationName: longName }, 'en', TOKYO);
    expect(subject.length).toBeLessThanOrEqual(120);
    expect(subject).toMatch(/^Division0 Division1 .*Division\d+…$/);
  });
});

describe('renderMessage: certificate issued', () => {
  it('shows the serial, the expiry date and the verification link', () => {
    const { subject, summary, text } = renderMessage(certificate, 'en', NEW_YORK);
    expect(subject).toBe('Your certificate for “Prompt Injection Basics”');
    expect(summary).toBe('Certificate issued for “Prompt Injection Basics”');
    expect(text).toContain(
      'Certificate number: ASA-2026-000123\nYour certificate is valid until Mar 1, 2026.',
    );
    expect(text).toContain('Verify certificate: https://academy.test/verify/ASA-2026-000123');
  });

  it('says when a certificate does not expire', () => {
    const noExpiry = { ...certificate, expiresAt: null };
    expect(renderMessage(noExpiry, 'en', TOKYO).text).toContain(
      'Your certificate does not expire.',
    );
    expect(renderMessage(noExpiry, 'de', TOKYO).text).toContain('unbefristet gültig');
    expect(renderMessage(noExpiry, 'fr', TOKYO).text).toContain('n’a pas de date d’expiration');
  });
});

describe('renderMessage: escaping and links', () => {
  const hostileCertificate = { ...certificate, itemTitle: HOSTILE, recipientName: `O'Brien` };
  const hostileDigest: Digest = {
    ...emptyDigest,
    overdue: [{ title: HOSTILE, dueAt: MOMENT, url: 'https://academy.test/c?a=1&b=<2>' }],
    reportsOverdue: [{ personName: HOSTILE, items: [{ title: HOSTILE, dueAt: MOMENT }] }],
    organizationOverdue: [{ title: HOSTILE, overdueCount: 2 }],
  };
  const escaped = '&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;';

  it.each(LOCALES)(
    'escapes interpolated values in HTML and keeps them verbatim in text (%s)',
    (locale) => {
      for (const content of [hostileCertificate, hostileDigest]) {
        const { html, text } = renderMessage(content, locale, TOKYO);
        expect(html).not.toContain('<script>');
        expect(html).not.toContain(HOSTILE);
        expect(html).toContain(escaped);
        expect(text).toContain(HOSTILE);
      }
      const certificateMessage = renderMessage(hostileCertificate, locale, TOKYO);
      expect(certificateMessage.html).toContain('O&#39;Brien');
      expect(certificateMessage.html).toContain(
        `<title>${certificateMessage.subject.replace(HOSTILE, escaped)}</title>`,
      );
      expect(certificateMessage.subject).toContain(HOSTILE);
    },
  );

  it('escapes URLs inside href attributes', () => {
    const { html, text } = renderMessage(hostileDigest, 'en', TOKYO);
    expect(html).toContain('href="https://academy.test/c?a=1&amp;b=&lt;2&gt;"');
    expect(text).toContain('https://academy.test/c?a=1&b=<2>');
  });

  it.each<[string, MessageContent, Partial<RenderOptions>?]>([
    ['invitation acceptUrl', { ...invitation, acceptUrl: 'javascript:alert(1)' }],
    ['password-reset resetUrl', { ...passwordReset, resetUrl: 'javascript:alert(1)' }],
    ['certificate verifyUrl', { ...certificate, verifyUrl: 'javascript:alert(1)' }],
    ['digest dashboardUrl', { ...fullDigest, dashboardUrl: 'javascript:alert(1)' }],
    [
      'digest item url',
      { ...emptyDigest, dueSoon: [{ title: 'x', dueAt: MOMENT, url: 'javascript:alert(1)' }] },
    ],
    ['unsubscribeUrl', certificate, { unsubscribeUrl: 'javascript:alert(1)' }],
  ])('throws for a javascript: URL in %s', (_, content, extra) => {
    expect(() => renderMessage(content, 'en', { ...TOKYO, ...extra })).toThrow(/http or https/);
  });

  it('throws for an invalid date rather than printing NaN', () => {
    expect(() =>
      renderMessage({ ...passwordReset, expiresAt: new Date('nope') }, 'en', TOKYO),
    ).toThrow(RangeError);
  });
});

describe('renderMessage: reminder digest', () => {
  it('lists every section with its items, dates and links', () => {
    const { text, html } = renderMessage(fullDigest, 'en', TOKYO);
    expect(text).toContain(
      [
        'Overdue',
        '-------',
        '',
        'Please complete these as soon as you can:',
        '',
        '- Data Leaks via AI Tools (was due Mar 2, 2026)',
        '  https://academy.test/c/2',
        '- Spotting Deepfakes (was due Mar 2, 2026)',
        '  https://academy.test/c/3',
      ].join('\n'),
    );
    expect(text).toContain('- Safe Use of Chatbots (due Mar 2, 2026)\n  https://academy.test/c/1');
    expect(text).toContain('- Grace Hopper\n  - Data Leaks via AI Tools (was due Mar 2, 2026)');
    expect(text).toContain('- AI Security Foundations (4 overdue enrollments)');
    expect(text).toContain('Open your dashboard: https://academy.test/dashboard');
    expect(html).toContain(
      '<a href="https://academy.test/c/1" style="color:#1d4ed8;">Safe Use of Chatbots</a>',
    );
    expect(html).toContain('>Your team</h2>');
    expect(html).toContain('>Your organization</h2>');
  });

  it('omits empty sections', () => {
    const dueSoonOnly: Digest = {
      ...emptyDigest,
      dueSoon: fullDigest.dueSoon,
      reportsOverdue: [{ personName: 'Grace Hopper', items: [] }],
      organizationOverdue: [],
    };
    const { subject, summary, text, html } = renderMessage(dueSoonOnly, 'en', TOKYO);
    expect(subject).toBe('Training reminder: 1 assignment due soon');
    expect(summary).toBe('Your training status: 1 assignment due soon');
    expect(text).toContain('Due soon\n--------');
    for (const heading of ['Overdue', 'Your team', 'Your organization']) {
      expect(text).not.toContain(`${heading}\n---`);
      expect(html).not.toContain(`>${heading}</h2>`);
    }
    expect(text).not.toContain('Grace Hopper');
  });

  it('adds the practice nudge as a section with its link, in every language', () => {
    const nudgeOnly: Digest = {
      ...emptyDigest,
      practiceReviewsUrl: 'https://academy.test/practice/reviews',
    };
    const english = renderMessage(nudgeOnly, 'en', TOKYO);
    expect(english.subject).toBe('Training reminder: practice questions due for review');
    expect(english.text).toContain('Certification practice\n');
    expect(english.text).not.toContain('Nothing is overdue or due soon.');
    for (const locale of LOCALES) {
      const { text, html } = renderMessage(nudgeOnly, locale, TOKYO);
      expect(text).toContain('https://academy.test/practice/reviews');
      expect(html).toContain('href="https://academy.test/practice/reviews"');
    }
    expect(renderMessage(emptyDigest, 'en', TOKYO).text).not.toContain('practice');
  });

  it('says so when nothing is due', () => {
    const { subject, text } = renderMessage(emptyDigest, 'en', TOKYO);
    expect(subject).toBe('Training reminder: you are all caught up');
    expect(text).toContain('Nothing is overdue or due soon.');
    expect(text).not.toMatch(/\n-{3,}\n/);
  });

  it('counts each section in the subject with the right plural form', () => {
    const twoOverdueOneSoon: Digest = {
      ...emptyDigest,
      overdue: fullDigest.overdue,
      dueSoon: fullDigest.dueSoon,
    };
    const oneOverdueTwoSoon: Digest = {
      ...emptyDigest,
      overdue: fullDigest.overdue.slice(0, 1),
      dueSoon: fullDigest.overdue,
    };
    const expected: Record<Locale, [string, string]> = {
      en: [
        'Training reminder: 2 overdue assignments, 1 assignment due soon',
        'Training reminder: 1 overdue assignment, 2 assignments due soon',
      ],
      de: [
        'Erinnerung an Ihre Schulungen: 2 überfällige Schulungen, 1 Schulung bald fällig',
        'Erinnerung an Ihre Schulungen: 1 überfällige Schulung, 2 Schulungen bald fällig',
      ],
      fr: [
        'Rappel de formation\u00a0: 2 formations en retard, 1 formation à terminer bientôt',
        'Rappel de formation\u00a0: 1 formation en retard, 2 formations à terminer bientôt',
      ],
    };
    for (const locale of LOCALES) {
      expect(renderMessage(twoOverdueOneSoon, locale, TOKYO).subject).toBe(expected[locale][0]);
      expect(renderMessage(oneOverdueTwoSoon, locale, TOKYO).subject).toBe(expected[locale][1]);
    }
  });

  it('counts team items and organization enrollments in total', () => {
    const manager: Digest = {
      ...emptyDigest,
      reportsOverdue: [
        { personName: 'Grace Hopper', items: [{ title: 'A', dueAt: MOMENT }] },
        {
          personName: 'Alan Turing',
          items: [
            { title: 'B', dueAt: MOMENT },
            { title: 'C', dueAt: MOMENT },
          ],
        },
      ],
    };
    expect(renderMessage(manager, 'en', TOKYO).subject).toBe(
      'Training reminder: 3 overdue assignments in your team',
    );
    const admin: Digest = {
      ...emptyDigest,
      organizationOverdue: [
        { title: 'A', overdueCount: 1 },
        { title: 'B', overdueCount: 0 },
      ],
    };
    const { subject, text } = renderMessage(admin, 'de', TOKYO);
    expect(subject).toBe(
      'Erinnerung an Ihre Schulungen: 1 überfällige Zuweisung in Ihrer Organisation',
    );
    expect(text).toContain('- A (1 überfällige Zuweisung)');
    expect(text).not.toContain('- B (');
  });

  it('treats French "many" counts (a million) with the plural form', () => {
    const admin: Digest = {
      ...emptyDigest,
      organizationOverdue: [{ title: 'A', overdueCount: 1_000_000 }],
    };
    const { text } = renderMessage(admin, 'fr', TOKYO);
    expect(text).toMatch(/- A \(1\s000\s000 inscriptions en retard\)/);
  });

  it('drops whole count phrases, not half a phrase, when the subject would be too long', () => {
    for (const locale of LOCALES) {
      const { subject, summary } = renderMessage(fullDigest, locale, TOKYO);
      expect(subject.length).toBeLessThanOrEqual(120);
      expect(subject).toMatch(/, …$/);
      expect(summary.length).toBeLessThanOrEqual(160);
    }
    expect(renderMessage(fullDigest, 'en', TOKYO).subject).toBe(
      'Training reminder: 2 overdue assignments, 1 assignment due soon, 1 overdue assignment in your team, …',
    );
    expect(renderMessage(fullDigest, 'en', TOKYO).summary).toBe(
      'Your training status: 2 overdue assignments, 1 assignment due soon, 1 overdue assignment in your team, 4 overdue enrollments in your organization',
    );
  });
});

describe('renderMessage: dates in the recipient time zone', () => {
  const digest: Digest = { ...emptyDigest, dueSoon: fullDigest.dueSoon };

  it.each<[Locale, string, string]>([
    ['en', 'Mar 2, 2026', 'Mar 1, 2026'],
    ['de', '02.03.2026', '01.03.2026'],
    ['fr', '2 mars 2026', '1 mars 2026'],
  ])('formats %s dates in Tokyo and New York', (locale, tokyo, newYork) => {
    const inTokyo = renderMessage(digest, locale, TOKYO).text;
    const inNewYork = renderMessage(digest, locale, NEW_YORK).text;
    expect(inTokyo).toContain(tokyo);
    expect(inTokyo).not.toContain(newYork);
    expect(inNewYork).toContain(newYork);
    expect(inNewYork).not.toContain(tokyo);
  });

  it('includes the local time of a link expiry', () => {
    expect(renderMessage(passwordReset, 'de', TOKYO).text).toContain(
      'nur bis 02.03.2026, 08:30 gültig',
    );
    expect(renderMessage(passwordReset, 'de', NEW_YORK).text).toContain(
      'nur bis 01.03.2026, 18:30 gültig',
    );
  });
});

describe('renderMessage: unsubscribe footer', () => {
  const labels: Record<Locale, string> = { en: 'Unsubscribe', de: 'Abmelden', fr: 'Se désabonner' };
  const colons: Record<Locale, string> = { en: ':', de: ':', fr: '\u00a0:' };

  it.each(LOCALES)(
    'ends text and HTML with the unsubscribe link when one is given (%s)',
    (locale) => {
      const { text, html } = renderMessage(certificate, locale, {
        ...TOKYO,
        unsubscribeUrl: UNSUBSCRIBE,
      });
      expect(text.endsWith(`\n${labels[locale]}${colons[locale]} ${UNSUBSCRIBE}\n`)).toBe(true);
      const href = `href="${UNSUBSCRIBE.replaceAll('&', '&amp;')}"`;
      expect(html).toContain(href);
      // The footer comes after the card with the message and is the last element of the body.
      expect(before(html, href)).toContain('</div>');
      expect(html.slice(html.indexOf(href))).toMatch(/^[^<]*<\/a><\/p>\n<\/body>\n<\/html>\n$/);
    },
  );

  it.each(LOCALES)('has no unsubscribe footer without an unsubscribe URL (%s)', (locale) => {
    for (const content of ALL_KINDS) {
      const { text, html } = renderMessage(content, locale, TOKYO);
      expect(text).not.toContain(labels[locale]);
      expect(html).not.toContain(labels[locale]);
      expect(text).not.toContain(UNSUBSCRIBE);
    }
  });

  it('explains why the notice was sent', () => {
    const { text } = renderMessage(certificate, 'en', { ...TOKYO, unsubscribeUrl: UNSUBSCRIBE });
    expect(text).toContain(
      'You receive these notices because email notifications are turned on for your AI Security Academy account.\nUnsubscribe: ',
    );
  });
});
