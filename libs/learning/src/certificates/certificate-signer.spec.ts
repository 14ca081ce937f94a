import { createPublicKey, randomBytes, verify, type JsonWebKey } from 'node:crypto';
import type { AppConfig } from '@academy/common';
import { calculateJwkThumbprint, decodeProtectedHeader, importJWK, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import type { CertificateEntity } from '../entities/certificate.entity.js';
import { certificateClaims } from './certificate-claims.js';
import { CertificateSigner } from './certificate-signer.js';
import { OPEN_BADGES_CONTEXT, openBadgeCredential } from './open-badge.js';

function signerWith(seed: Buffer): CertificateSigner {
  return new CertificateSigner({
    CERTIFICATE_SIGNING_KEY: seed.toString('base64'),
  } as unknown as AppConfig);
}

function certificate(overrides: Partial<CertificateEntity> = {}): CertificateEntity {
  return {
    id: '6f1c2a4e-8d0b-4c55-9a3e-0b7f3f1d2c11',
    organizationId: '0d7e6d1a-3f2b-4a8c-9b5e-2c4d6e8f0a12',
    serial: 'ASA-7K3M-Q9XD-2HTW-B4NC',
    userId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
    holderName: 'Ada Lovelace',
    organizationName: 'Analytical Engines Ltd',
    itemKind: 'course',
    itemSlug: 'prompt-injection-basics',
    itemTitle: 'Prompt injection basics',
    itemVersion: 3,
    enrollmentId: '1b2c3d4e-5f60-4718-8293-a4b5c6d7e8f9',
    issuedAt: new Date('2025-02-03T10:20:30.000Z'),
    expiresAt: new Date('2099-02-03T10:20:30.000Z'),
    revokedAt: null,
    revocationReason: null,
    supersededById: null,
    keyId: 'unused',
    signature: 'unused',
    ...overrides,
  };
}

async function openBadgeJwt(signer: CertificateSigner, cert: CertificateEntity) {
  const credential = openBadgeCredential(cert, 'https://academy.example/');
  const jwt = await signer.signCredential(credential, {
    issuer: credential.issuer.id,
    subject: credential.credentialSubject.id,
    id: credential.id,
    validFrom: cert.issuedAt,
    validUntil: cert.expiresAt,
  });
  return { credential, jwt };
}

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const decodePart = (part: string | undefined) =>
  JSON.parse(Buffer.from(part ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;

describe('CertificateSigner', () => {
  const signer = signerWith(randomBytes(32));

  it('derives the RFC 8032 key pair from the seed (test vector 1)', () => {
    const rfc = signerWith(
      Buffer.from('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60', 'hex'),
    );
    expect(Buffer.from(rfc.publicJwk.x ?? '', 'base64url').toString('hex')).toBe(
      'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a',
    );
    expect(Buffer.from(rfc.sign(''), 'base64url').toString('hex')).toBe(
      'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
    );
  });

  it('publishes only the public key, with its RFC 7638 thumbprint as key id', async () => {
    const { kid, ...jwk } = signer.publicJwk;
    expect(jwk).toEqual({
      kty: 'OKP',
      crv: 'Ed25519',
      x: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) as unknown,
      alg: 'EdDSA',
      use: 'sig',
    });
    expect(signer.publicJwk).not.toHaveProperty('d');
    expect(kid).toBe(await calculateJwkThumbprint(jwk, 'sha256'));
    expect(signer.keyId).toBe(kid);
  });

  it('gives the same key for the same seed and another for another seed', () => {
    const seed = randomBytes(32);
    expect(signerWith(seed).publicJwk).toEqual(signerWith(seed).publicJwk);
    expect(signerWith(randomBytes(32)).keyId).not.toBe(signerWith(seed).keyId);
  });

  it('verifies what it signed over certificate claims', () => {
    const claims = certificateClaims(certificate());
    const signature = signer.sign(claims);
    expect(signature).toMatch(/^[A-Za-z0-9_-]{86}$/);
    expect(signer.verify(claims, signature)).toBe(true);
  });

  it('refuses a changed claim, another key and a malformed signature', () => {
    const claims = certificateClaims(certificate());
    const signature = signer.sign(claims);
    for (const changed of [
      { holderName: 'Ada King' },
      { itemVersion: 4 },
      { expiresAt: null },
      { issuedAt: new Date('2025-02-03T10:20:31.000Z') },
    ]) {
      expect(signer.verify(certificateClaims(certificate(changed)), signature)).toBe(false);
    }
    expect(signerWith(randomBytes(32)).verify(claims, signature)).toBe(false);
    expect(signer.verify(claims, '')).toBe(false);
    expect(signer.verify(claims, 'not a signature')).toBe(false);
    const flipped = Buffer.from(signature, 'base64url');
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    expect(signer.verify(claims, flipped.toString('base64url'))).toBe(false);
  });

  it('covers claims as canonical JSON, which revocation does not change', () => {
    const cert = certificate();
    const claims = certificateClaims(cert);
    expect(claims).toBe(
      '{"expiresAt":"2099-02-03T10:20:30.000Z","holderName":"Ada Lovelace","issuedAt":"2025-02-03T10:20:30.000Z",' +
        '"itemKind":"course","itemSlug":"prompt-injection-basics","itemTitle":"Prompt injection basics",' +
        '"itemVersion":3,"organizationId":"0d7e6d1a-3f2b-4a8c-9b5e-2c4d6e8f0a12",' +
        '"organizationName":"Analytical Engines Ltd","serial":"ASA-7K3M-Q9XD-2HTW-B4NC",' +
        '"userId":"9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"}',
    );
    expect(
      certificateClaims(
        certificate({ revokedAt: new Date(), revocationReason: 'fraud', supersededById: 'x' }),
      ),
    ).toBe(claims);
    expect(certificateClaims(certificate({ expiresAt: null }))).toContain('"expiresAt":null');
  });
});

describe('Open Badges 3.0 VC-JWT', () => {
  const signer = signerWith(randomBytes(32));

  it('verifies independently with jose', async () => {
    const cert = certificate();
    const { credential, jwt } = await openBadgeJwt(signer, cert);
    const key = await importJWK(signer.publicJwk, 'EdDSA');
    const { payload, protectedHeader } = await jwtVerify(jwt, key, { algorithms: ['EdDSA'] });

    expect(protectedHeader.alg).toBe('EdDSA');
    expect(protectedHeader.typ).toBe('JWT');
    expect(protectedHeader.kid).toBe(
      await calculateJwkThumbprint(
        { kty: signer.publicJwk.kty, crv: signer.publicJwk.crv, x: signer.publicJwk.x },
        'sha256',
      ),
    );
    expect(protectedHeader.jwk).toEqual({
      kty: 'OKP',
      crv: 'Ed25519',
      x: signer.publicJwk.x,
    });

    expect(payload.type).toContain('OpenBadgeCredential');
    expect(payload.type).toContain('VerifiableCredential');
    expect(payload['@context']).toEqual([
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
    ]);
    expect(OPEN_BADGES_CONTEXT[0]).toBe('https://www.w3.org/ns/credentials/v2');

    expect(payload.iss).toBe('https://academy.example/issuer');
    expect(payload.iss).toBe(credential.issuer.id);
    expect(payload.sub).toBe(`urn:uuid:${cert.userId}`);
    expect(payload.sub).toBe(credential.credentialSubject.id);
    expect(payload.jti).toBe(`https://academy.example/certificates/${cert.serial}`);
    expect(payload.jti).toBe(credential.id);
    expect(payload.nbf).toBe(Math.floor(cert.issuedAt.getTime() / 1000));
    expect(payload.exp).toBe(Math.floor((cert.expiresAt?.getTime() ?? 0) / 1000));
    expect(payload.validFrom).toBe(credential.validFrom);
    expect(payload.validUntil).toBe('2099-02-03T10:20:30.000Z');
    expect(payload.credentialSubject).toEqual(credential.credentialSubject);
    expect(payload.issuer).toEqual(credential.issuer);
  });

  it('verifies independently with Node crypto', async () => {
    const { jwt } = await openBadgeJwt(signer, certificate());
    const [header, payload, signature] = jwt.split('.');
    expect(header).toBeDefined();
    const headerJson = decodePart(header);
    const key = createPublicKey({ key: headerJson.jwk as JsonWebKey, format: 'jwk' });
    const published = createPublicKey({ key: signer.publicJwk as JsonWebKey, format: 'jwk' });
    expect(key.equals(published)).toBe(true);

    const signingInput = Buffer.from(`${header}.${payload}`, 'ascii');
    const signatureBytes = Buffer.from(signature ?? '', 'base64url');
    expect(signatureBytes).toHaveLength(64);
    expect(verify(null, signingInput, published, signatureBytes)).toBe(true);
    expect(verify(null, Buffer.from(`${header}.${payload}x`), published, signatureBytes)).toBe(
      false,
    );
    expect(decodePart(payload).type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
  });

  it('has no expiry claim for a certificate that does not expire', async () => {
    const cert = certificate({ expiresAt: null });
    const { jwt } = await openBadgeJwt(signer, cert);
    const { payload } = await jwtVerify(jwt, await importJWK(signer.publicJwk, 'EdDSA'));
    expect(payload).not.toHaveProperty('exp');
    expect(payload).not.toHaveProperty('validUntil');
    expect(payload.nbf).toBe(Math.floor(cert.issuedAt.getTime() / 1000));
  });

  it('describes the achievement from the certificate', async () => {
    const track = certificate({ itemKind: 'track', itemSlug: 'red-team', itemTitle: 'Red team' });
    const { credential } = await openBadgeJwt(signer, track);
    expect(credential.credentialSubject.achievement.id).toBe(
      'https://academy.example/catalog/tracks/red-team',
    );
    expect(credential.credentialSubject.achievement.criteria.narrative).toMatch(/every course/);
    expect(credential.name).toBe('Red team');
    // The recipient is an opaque URN, never the holder's name.
    expect(JSON.stringify(credential)).not.toContain(track.holderName);
  });

  it('fails verification once the payload is tampered with', async () => {
    const { jwt } = await openBadgeJwt(signer, certificate());
    const [header, payload, signature] = jwt.split('.');
    const tampered = `${header}.${base64url({ ...decodePart(payload), name: 'Something else' })}.${signature}`;
    const key = await importJWK(signer.publicJwk, 'EdDSA');
    await expect(jwtVerify(tampered, key)).rejects.toMatchObject({
      code: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED',
    });
    // A token signed by another key fails against this one.
    const { jwt: foreign } = await openBadgeJwt(signerWith(randomBytes(32)), certificate());
    await expect(jwtVerify(foreign, key)).rejects.toMatchObject({
      code: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED',
    });
    expect(decodeProtectedHeader(foreign).kid).not.toBe(signer.keyId);
  });
});
