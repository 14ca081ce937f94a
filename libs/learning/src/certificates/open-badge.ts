import type { CertificateEntity } from '../entities/certificate.entity.js';

/** JSON-LD contexts of an Open Badges 3.0 credential (VC Data Model 2.0 + OB 3.0). */
export const OPEN_BADGES_CONTEXT = [
  'https://www.w3.org/ns/credentials/v2',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
];

/**
 * A certificate as an Open Badges 3.0 OpenBadgeCredential. Identifiers are URLs of this
 * platform (PUBLIC_URL), so a verifier can follow them; the recipient is identified by an
 * opaque URN rather than an email address, which a badge shared publicly should not expose.
 */
export function openBadgeCredential(certificate: CertificateEntity, publicUrl: string) {
  const base = publicUrl.replace(/\/+$/, '');
  return {
    '@context': OPEN_BADGES_CONTEXT,
    id: `${base}/certificates/${certificate.serial}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: {
      id: `${base}/issuer`,
      type: ['Profile'],
      name: `AI Security Academy — ${certificate.organizationName}`,
    },
    name: certificate.itemTitle,
    validFrom: certificate.issuedAt.toISOString(),
    ...(certificate.expiresAt ? { validUntil: certificate.expiresAt.toISOString() } : {}),
    credentialSubject: {
      id: `urn:uuid:${certificate.userId}`,
      type: ['AchievementSubject'],
      achievement: {
        id: `${base}/catalog/${certificate.itemKind}s/${certificate.itemSlug}`,
        type: ['Achievement'],
        achievementType: 'Certificate',
        name: certificate.itemTitle,
        description: `Completed the ${certificate.itemKind} "${certificate.itemTitle}" (version ${certificate.itemVersion}) of AI Security Academy.`,
        criteria: {
          narrative:
            certificate.itemKind === 'track'
              ? 'Completed every course of the track.'
              : 'Completed every lesson of the course and passed each of its quizzes.',
        },
      },
    },
  };
}
