import { Inject } from '@nestjs/common';
import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { type Connection, IdArg, PageArgs } from '@academy/common';
import {
  CurrentActor,
  Meta,
  Permission,
  Public,
  RequirePermission,
  roleHas,
  type Actor,
  type RequestMeta,
} from '@academy/identity';
import { CertificateService } from '../certificates/certificate.service.js';
import {
  AttestationRegister,
  type AttestationRecord,
} from '../records/attestation-register.service.js';
import { TranscriptService } from '../records/transcript.service.js';
import { DomainError } from '@academy/common';
import { LearningErrors } from '../learning.errors.js';
import { RevokeCertificateInput } from './learning.inputs.js';
import { toCertificate, toEnrollment } from './learning.mappers.js';
import {
  AttestationConnection,
  Certificate,
  CertificateIssuer,
  CertificateVerification,
  OpenBadge,
  Transcript,
} from './learning.objects.js';

/** Transcripts, attestations for auditors, and certificates (verification is public). */
@Resolver()
export class RecordsResolver {
  constructor(
    @Inject(TranscriptService) private readonly transcripts: TranscriptService,
    @Inject(AttestationRegister) private readonly attestationRegister: AttestationRegister,
    @Inject(CertificateService) private readonly certificates: CertificateService,
  ) {}

  @RequirePermission(Permission.SELF)
  @Query(() => Transcript, {
    description:
      "A learning record: your own, or (for managers and admins) one of your people's by userId.",
  })
  async transcript(
    @CurrentActor() actor: Actor,
    @IdArg('userId', { nullable: true }) userId?: string | null,
  ): Promise<Transcript> {
    const transcript = await this.transcripts.transcript(actor, userId);
    return {
      ...transcript,
      enrollments: transcript.enrollments.map((summary) => toEnrollment(summary)),
      certificates: transcript.certificates.map((certificate) =>
        toCertificate(certificate, certificate.status),
      ),
    };
  }

  @RequirePermission(Permission.AUDIT_READ)
  @Query(() => AttestationConnection, {
    description: "Who attested to a lesson's statement, optionally in one version, oldest first.",
  })
  attestations(
    @CurrentActor() actor: Actor,
    @Args() page: PageArgs,
    @Args('lessonSlug') lessonSlug: string,
    @Args('lessonVersion', { type: () => Int, nullable: true }) lessonVersion?: number | null,
  ): Promise<Connection<AttestationRecord>> {
    return this.attestationRegister.list(
      actor,
      { lessonSlug, lessonVersion },
      page.first,
      page.after,
    );
  }

  @Public()
  @Query(() => CertificateVerification, {
    description: 'Check a certificate by its serial: anyone may ask, no sign-in needed.',
  })
  async verifyCertificate(@Args('serial') serial: string): Promise<CertificateVerification> {
    const { status, certificate } = await this.certificates.verify(serial.slice(0, 40));
    return {
      serial: certificate?.serial ?? serial.slice(0, 40),
      status,
      holderName: certificate?.holderName ?? null,
      organizationName: certificate?.organizationName ?? null,
      itemKind: certificate?.itemKind ?? null,
      itemTitle: certificate?.itemTitle ?? null,
      issuedAt: certificate?.issuedAt ?? null,
      expiresAt: certificate?.expiresAt ?? null,
    };
  }

  @Public()
  @Query(() => CertificateIssuer, {
    description: 'The public key that certificates are signed with.',
  })
  certificateIssuer(): CertificateIssuer {
    return this.certificates.issuer();
  }

  @RequirePermission(Permission.SELF)
  @Query(() => OpenBadge, {
    description: "Your certificate as a signed Open Badges 3.0 credential (admins: anyone's).",
  })
  async certificateCredential(
    @CurrentActor() actor: Actor,
    @Args('serial') serial: string,
  ): Promise<OpenBadge> {
    const certificate = await this.certificates.get(actor.organizationId, serial);
    if (certificate.userId !== actor.id && !roleHas(actor.role, Permission.CERTIFICATES_MANAGE)) {
      throw new DomainError(LearningErrors.NOT_FOUND, 'No such certificate.');
    }
    return this.certificates.openBadge(certificate);
  }

  @RequirePermission(Permission.CERTIFICATES_MANAGE)
  @Mutation(() => Certificate, { description: 'Revoke a certificate; verifiers then see REVOKED.' })
  async revokeCertificate(
    @CurrentActor() actor: Actor,
    @Args('input') input: RevokeCertificateInput,
    @Meta() meta: RequestMeta,
  ): Promise<Certificate> {
    const certificate = await this.certificates.revoke(actor, input.serial, input.reason, meta);
    return toCertificate(certificate, this.certificates.statusOf(certificate));
  }
}
