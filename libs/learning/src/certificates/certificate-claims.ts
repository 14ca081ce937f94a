import { canonicalJson } from '@academy/common';
import type { CertificateEntity } from '../entities/certificate.entity.js';

/**
 * What a certificate's signature covers: who holds it, for what, and when it is valid, as
 * canonical JSON. Revocation and supersession are not covered: they are later facts about a
 * certificate, not part of what was certified.
 */
export function certificateClaims(
  certificate: Pick<
    CertificateEntity,
    | 'serial'
    | 'userId'
    | 'holderName'
    | 'organizationId'
    | 'organizationName'
    | 'itemKind'
    | 'itemSlug'
    | 'itemTitle'
    | 'itemVersion'
    | 'issuedAt'
    | 'expiresAt'
  >,
): string {
  return canonicalJson({
    serial: certificate.serial,
    userId: certificate.userId,
    holderName: certificate.holderName,
    organizationId: certificate.organizationId,
    organizationName: certificate.organizationName,
    itemKind: certificate.itemKind,
    itemSlug: certificate.itemSlug,
    itemTitle: certificate.itemTitle,
    itemVersion: certificate.itemVersion,
    issuedAt: certificate.issuedAt.toISOString(),
    expiresAt: certificate.expiresAt?.toISOString() ?? null,
  });
}
