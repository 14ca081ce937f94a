import type { MessageStrings } from './message-strings.js';

export const en: MessageStrings = {
  greeting: { named: (name) => `Hello ${name},`, anonymous: 'Hello,' },
  signOff: ['Best regards,', 'The AI Security Academy team'],
  colon: ':',
  linkFallback: 'If the button does not work, copy this link into your browser:',
  unsubscribe: {
    reason:
      'You receive these notices because email notifications are turned on for your AI Security Academy account.',
    label: 'Unsubscribe',
  },
  invitation: {
    subject: (organization) => `${organization} invited you to AI Security Academy`,
    summary: (organization) => `Invitation from ${organization} to join AI Security Academy`,
    intro: (organization) =>
      `${organization} has invited you to join AI Security Academy. There you will find short, practical courses on using AI tools safely at work.`,
    action: 'Accept invitation',
    validUntil: (dateTime) => `This invitation link is valid until ${dateTime}.`,
    ignore: 'If you were not expecting this invitation, you can safely ignore this email.',
  },
  passwordReset: {
    subject: 'Reset your AI Security Academy password',
    summary: 'A password reset was requested for your account',
    intro:
      'We received a request to reset the password for your AI Security Academy account. You can choose a new password using the link below.',
    action: 'Choose a new password',
    validUntil: (dateTime) => `For your security, this link is valid only until ${dateTime}.`,
    ignore:
      'If you did not request this, you can safely ignore this email. Your password will stay the same.',
  },
  certificateIssued: {
    subject: (item) => `Your certificate for “${item}”`,
    summary: (item) => `Certificate issued for “${item}”`,
    intro: (item) => `Congratulations! You have completed “${item}” and earned a certificate.`,
    serial: (serial) => `Certificate number: ${serial}`,
    validUntil: (date) => `Your certificate is valid until ${date}.`,
    noExpiry: 'Your certificate does not expire.',
    verifyIntro:
      'Anyone you share it with, such as your manager, can check that it is genuine using this link:',
    action: 'Verify certificate',
  },
  drillNotice: {
    invitationSubject: (drill) => `You are invited to a drill: “${drill}”`,
    reminderSubject: (drill, dateTime) => `Reminder: drill “${drill}” starts ${dateTime}`,
    invitationIntro: (drill, role) =>
      `You take part in the incident-response drill “${drill}” as ${role}.`,
    reminderIntro: (drill, role) =>
      `The incident-response drill “${drill}”, where you play ${role}, starts soon.`,
    startsAt: (dateTime) => `It starts at ${dateTime}.`,
    howItWorks:
      'News of the incident arrives while the clock runs; answer each decision within its window. You get the after-action report when the drill ends.',
    action: 'Open the drill',
  },
  reminderDigest: {
    subject: (status) => `Training reminder: ${status}`,
    summary: (status) => `Your training status: ${status}`,
    counts: {
      overdue: {
        one: (count) => `${count} overdue assignment`,
        other: (count) => `${count} overdue assignments`,
      },
      dueSoon: {
        one: (count) => `${count} assignment due soon`,
        other: (count) => `${count} assignments due soon`,
      },
      reportsOverdue: {
        one: (count) => `${count} overdue assignment in your team`,
        other: (count) => `${count} overdue assignments in your team`,
      },
      organizationOverdue: {
        one: (count) => `${count} overdue enrollment in your organization`,
        other: (count) => `${count} overdue enrollments in your organization`,
      },
    },
    caughtUp: 'you are all caught up',
    caughtUpBody: 'Nothing is overdue or due soon. Thank you for keeping your training up to date!',
    intro: 'Here is an update on your AI security training.',
    overdueHeading: 'Overdue',
    overdueIntro: 'Please complete these as soon as you can:',
    dueSoonHeading: 'Due soon',
    dueSoonIntro: 'Please set aside some time for these before they are due:',
    reportsHeading: 'Your team',
    reportsIntro:
      'Some of the people who report to you have overdue training. A short reminder from you often helps:',
    organizationHeading: 'Your organization',
    organizationIntro: 'Overdue enrollments per course or learning track:',
    wasDue: (date) => `was due ${date}`,
    due: (date) => `due ${date}`,
    enrollments: {
      one: (count) => `${count} overdue enrollment`,
      other: (count) => `${count} overdue enrollments`,
    },
    practiceStatus: 'practice questions due for review',
    practiceHeading: 'Certification practice',
    practiceIntro:
      'Some questions you missed or were unsure of are due for review. A few minutes today keeps them fresh:',
    practiceAction: 'Review the questions due',
    action: 'Open your dashboard',
  },
};
