import type { MessageStrings } from './message-strings.js';

// After the salutation's comma German continues in lower case, so each first paragraph opens
// with "Sie", which is capitalised anyway.
export const de: MessageStrings = {
  greeting: { named: (name) => `Guten Tag ${name},`, anonymous: 'Guten Tag,' },
  signOff: ['Mit freundlichen Grüßen', 'Ihr Team der AI Security Academy'],
  colon: ':',
  linkFallback:
    'Falls die Schaltfläche nicht funktioniert, kopieren Sie diesen Link in Ihren Browser:',
  unsubscribe: {
    reason:
      'Sie erhalten diese Nachrichten, weil E-Mail-Benachrichtigungen für Ihr Konto bei der AI Security Academy aktiviert sind.',
    label: 'Abmelden',
  },
  invitation: {
    subject: (organization) => `Einladung von ${organization} zur AI Security Academy`,
    summary: (organization) => `Einladung von ${organization} zur AI Security Academy`,
    intro: (organization) =>
      `Sie wurden von ${organization} zur AI Security Academy eingeladen. Dort finden Sie kurze, praxisnahe Kurse zum sicheren Umgang mit KI-Werkzeugen im Arbeitsalltag.`,
    action: 'Einladung annehmen',
    validUntil: (dateTime) => `Dieser Einladungslink ist bis ${dateTime} gültig.`,
    ignore:
      'Falls Sie diese Einladung nicht erwartet haben, können Sie diese E-Mail einfach ignorieren.',
  },
  passwordReset: {
    subject: 'Passwort für die AI Security Academy zurücksetzen',
    summary: 'Für Ihr Konto wurde ein neues Passwort angefordert',
    intro:
      'Sie können über den folgenden Link ein neues Passwort für Ihr Konto bei der AI Security Academy festlegen. Wir haben eine entsprechende Anfrage erhalten.',
    action: 'Neues Passwort festlegen',
    validUntil: (dateTime) => `Aus Sicherheitsgründen ist dieser Link nur bis ${dateTime} gültig.`,
    ignore:
      'Falls Sie das nicht angefordert haben, können Sie diese E-Mail ignorieren. Ihr Passwort bleibt dann unverändert.',
  },
  certificateIssued: {
    subject: (item) => `Ihr Zertifikat für „${item}“`,
    summary: (item) => `Zertifikat für „${item}“ ausgestellt`,
    intro: (item) =>
      `Sie haben „${item}“ erfolgreich abgeschlossen und ein Zertifikat erhalten. Herzlichen Glückwunsch!`,
    serial: (serial) => `Zertifikatsnummer: ${serial}`,
    validUntil: (date) => `Ihr Zertifikat ist bis ${date} gültig.`,
    noExpiry: 'Ihr Zertifikat ist unbefristet gültig.',
    verifyIntro:
      'Alle, mit denen Sie es teilen, zum Beispiel Ihre Führungskraft, können seine Echtheit über diesen Link prüfen:',
    action: 'Zertifikat prüfen',
  },
  drillNotice: {
    invitationSubject: (drill) => `Einladung zur Übung „${drill}“`,
    reminderSubject: (drill, dateTime) => `Erinnerung: Übung „${drill}“ beginnt ${dateTime}`,
    invitationIntro: (drill, role) =>
      `Sie nehmen an der Incident-Response-Übung „${drill}“ teil, in der Rolle ${role}.`,
    reminderIntro: (drill, role) =>
      `Die Incident-Response-Übung „${drill}“, in der Sie die Rolle ${role} spielen, beginnt bald.`,
    startsAt: (dateTime) => `Beginn: ${dateTime}.`,
    howItWorks:
      'Meldungen zum Vorfall treffen ein, während die Uhr läuft; beantworten Sie jede Entscheidung innerhalb ihres Zeitfensters. Nach der Übung erhalten Sie den Nachbericht.',
    action: 'Übung öffnen',
  },
  reminderDigest: {
    subject: (status) => `Erinnerung an Ihre Schulungen: ${status}`,
    summary: (status) => `Stand Ihrer Schulungen: ${status}`,
    counts: {
      overdue: {
        one: (count) => `${count} überfällige Schulung`,
        other: (count) => `${count} überfällige Schulungen`,
      },
      dueSoon: {
        one: (count) => `${count} Schulung bald fällig`,
        other: (count) => `${count} Schulungen bald fällig`,
      },
      reportsOverdue: {
        one: (count) => `${count} überfällige Schulung in Ihrem Team`,
        other: (count) => `${count} überfällige Schulungen in Ihrem Team`,
      },
      organizationOverdue: {
        one: (count) => `${count} überfällige Zuweisung in Ihrer Organisation`,
        other: (count) => `${count} überfällige Zuweisungen in Ihrer Organisation`,
      },
    },
    caughtUp: 'alles erledigt',
    caughtUpBody:
      'Derzeit ist nichts überfällig oder bald fällig. Vielen Dank, dass Sie Ihre Schulungen im Blick behalten!',
    intro: 'Sie erhalten hier einen Überblick über Ihre Schulungen zur KI-Sicherheit.',
    overdueHeading: 'Überfällig',
    overdueIntro: 'Bitte schließen Sie diese Schulungen so bald wie möglich ab:',
    dueSoonHeading: 'Bald fällig',
    dueSoonIntro: 'Bitte planen Sie für diese Schulungen rechtzeitig etwas Zeit ein:',
    reportsHeading: 'Ihr Team',
    reportsIntro:
      'Bei den folgenden Personen, die Ihnen direkt unterstellt sind, sind Schulungen überfällig. Eine kurze Erinnerung von Ihnen hilft oft weiter:',
    organizationHeading: 'Ihre Organisation',
    organizationIntro: 'Überfällige Zuweisungen je Kurs bzw. Lernpfad:',
    wasDue: (date) => `fällig seit ${date}`,
    due: (date) => `fällig am ${date}`,
    enrollments: {
      one: (count) => `${count} überfällige Zuweisung`,
      other: (count) => `${count} überfällige Zuweisungen`,
    },
    practiceStatus: 'Übungsfragen zur Wiederholung fällig',
    practiceHeading: 'Zertifizierungstraining',
    practiceIntro:
      'Einige Fragen, die Sie falsch beantwortet haben oder bei denen Sie unsicher waren, stehen zur Wiederholung an. Ein paar Minuten heute helfen, sie zu behalten:',
    practiceAction: 'Fällige Fragen wiederholen',
    action: 'Zum Dashboard',
  },
};
