import type { MessageStrings } from './message-strings.js';

// French puts a no-break space before ! ? : and inside « », so they never wrap onto a new line.
const NBSP = '\u00a0';

export const fr: MessageStrings = {
  greeting: { named: (name) => `Bonjour ${name},`, anonymous: 'Bonjour,' },
  signOff: ['Cordialement,', 'L’équipe AI Security Academy'],
  colon: `${NBSP}:`,
  linkFallback: `Si le bouton ne fonctionne pas, copiez ce lien dans votre navigateur${NBSP}:`,
  unsubscribe: {
    reason:
      'Vous recevez ces messages car les notifications par e-mail sont activées pour votre compte AI Security Academy.',
    label: 'Se désabonner',
  },
  invitation: {
    subject: (organization) => `${organization} vous invite à rejoindre AI Security Academy`,
    summary: (organization) => `Invitation de ${organization} à rejoindre AI Security Academy`,
    intro: (organization) =>
      `${organization} vous invite à rejoindre AI Security Academy. Vous y trouverez des formations courtes et concrètes pour utiliser les outils d’IA en toute sécurité au travail.`,
    action: 'Accepter l’invitation',
    validUntil: (dateTime) => `Ce lien d’invitation est valable jusqu’au ${dateTime}.`,
    ignore:
      'Si vous ne vous attendiez pas à cette invitation, vous pouvez simplement ignorer cet e-mail.',
  },
  passwordReset: {
    subject: 'Réinitialisez votre mot de passe AI Security Academy',
    summary: 'Demande de réinitialisation du mot de passe de votre compte',
    intro:
      'Nous avons reçu une demande de réinitialisation du mot de passe de votre compte AI Security Academy. Vous pouvez choisir un nouveau mot de passe à l’aide du lien ci-dessous.',
    action: 'Choisir un nouveau mot de passe',
    validUntil: (dateTime) =>
      `Pour votre sécurité, ce lien n’est valable que jusqu’au ${dateTime}.`,
    ignore: `Si vous n’êtes pas à l’origine de cette demande, vous pouvez ignorer cet e-mail${NBSP}: votre mot de passe restera inchangé.`,
  },
  certificateIssued: {
    subject: (item) => `Votre certificat pour «${NBSP}${item}${NBSP}»`,
    summary: (item) => `Certificat délivré pour «${NBSP}${item}${NBSP}»`,
    intro: (item) =>
      `Félicitations${NBSP}! Vous avez terminé «${NBSP}${item}${NBSP}» et obtenu un certificat.`,
    serial: (serial) => `Numéro de certificat${NBSP}: ${serial}`,
    validUntil: (date) => `Votre certificat est valable jusqu’au ${date}.`,
    noExpiry: 'Votre certificat n’a pas de date d’expiration.',
    verifyIntro: `Toute personne avec qui vous le partagez, par exemple votre responsable, peut vérifier son authenticité grâce à ce lien${NBSP}:`,
    action: 'Vérifier le certificat',
  },
  drillNotice: {
    invitationSubject: (drill) => `Invitation à l’exercice « ${drill} »`,
    reminderSubject: (drill, dateTime) =>
      `Rappel : l’exercice « ${drill} » commence le ${dateTime}`,
    invitationIntro: (drill, role) =>
      `Vous participez à l’exercice de réponse à incident « ${drill} » dans le rôle ${role}.`,
    reminderIntro: (drill, role) =>
      `L’exercice de réponse à incident « ${drill} », où vous jouez le rôle ${role}, commence bientôt.`,
    startsAt: (dateTime) => `Il commence le ${dateTime}.`,
    howItWorks:
      'Les nouvelles de l’incident arrivent pendant que l’horloge tourne ; répondez à chaque décision dans son délai. Vous recevrez le rapport après l’exercice.',
    action: 'Ouvrir l’exercice',
  },
  reminderDigest: {
    subject: (status) => `Rappel de formation${NBSP}: ${status}`,
    summary: (status) => `État de vos formations${NBSP}: ${status}`,
    counts: {
      overdue: {
        one: (count) => `${count} formation en retard`,
        other: (count) => `${count} formations en retard`,
      },
      dueSoon: {
        one: (count) => `${count} formation à terminer bientôt`,
        other: (count) => `${count} formations à terminer bientôt`,
      },
      reportsOverdue: {
        one: (count) => `${count} formation en retard dans votre équipe`,
        other: (count) => `${count} formations en retard dans votre équipe`,
      },
      organizationOverdue: {
        one: (count) => `${count} inscription en retard dans votre organisation`,
        other: (count) => `${count} inscriptions en retard dans votre organisation`,
      },
    },
    caughtUp: 'tout est à jour',
    caughtUpBody: `Vous n’avez aucune formation en retard ni à terminer prochainement. Merci de votre assiduité${NBSP}!`,
    intro: 'Voici un point sur vos formations à la sécurité de l’IA.',
    overdueHeading: 'En retard',
    overdueIntro: `Merci de terminer ces formations dès que possible${NBSP}:`,
    dueSoonHeading: 'À terminer bientôt',
    dueSoonIntro: `Pensez à réserver un peu de temps pour ces formations avant leur échéance${NBSP}:`,
    reportsHeading: 'Votre équipe',
    reportsIntro: `Les personnes suivantes, qui vous sont directement rattachées, ont des formations en retard. Un petit rappel de votre part peut les aider${NBSP}:`,
    organizationHeading: 'Votre organisation',
    organizationIntro: `Inscriptions en retard par cours ou parcours${NBSP}:`,
    wasDue: (date) => `en retard depuis le ${date}`,
    due: (date) => `échéance le ${date}`,
    enrollments: {
      one: (count) => `${count} inscription en retard`,
      other: (count) => `${count} inscriptions en retard`,
    },
    practiceStatus: 'questions d’entraînement à revoir',
    practiceHeading: 'Préparation à la certification',
    practiceIntro: `Certaines questions que vous avez manquées ou pour lesquelles vous hésitiez sont à revoir. Quelques minutes aujourd’hui suffisent pour les retenir${NBSP}:`,
    practiceAction: 'Revoir les questions',
    action: 'Ouvrir mon tableau de bord',
  },
};
