import { Inject, Injectable } from '@nestjs/common';
import { UserDirectory, type Actor } from '@academy/identity';
import { DataSource } from 'typeorm';
import { CertificateService, type CertificateStatus } from '../certificates/certificate.service.js';
import { CertificateEntity } from '../entities/certificate.entity.js';
import {
  ENROLLMENT_SUMMARY_SELECT,
  toEnrollmentSummary,
  type EnrollmentSummary,
} from './enrollment-summary.js';

export interface AttemptRecord {
  id: string;
  quizSlug: string;
  quizTitle: string;
  number: number;
  startedAt: Date;
  gradedAt: Date;
  score: number;
  passed: boolean;
}

export interface Transcript {
  userId: string;
  displayName: string;
  enrollments: EnrollmentSummary[];
  attempts: AttemptRecord[];
  certificates: (CertificateEntity & { status: CertificateStatus })[];
}

/**
 * A person's learning record: every enrollment (all cycles), graded attempt and certificate.
 * Learners read their own; managers their reporting line; admins anyone in the organization.
 * Someone the actor may not see answers like someone who does not exist.
 */
@Injectable()
export class TranscriptService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(UserDirectory) private readonly directory: UserDirectory,
    @Inject(CertificateService) private readonly certificates: CertificateService,
  ) {}

  async transcript(actor: Actor, userId?: string | null): Promise<Transcript> {
    const person = await this.directory.get(actor, userId ?? actor.id);
    const scope = [actor.organizationId, person.id];
    const [enrollments, attempts, certificates] = await Promise.all([
      this.dataSource.query<Parameters<typeof toEnrollmentSummary>[0][]>(
        `${ENROLLMENT_SUMMARY_SELECT} WHERE e.organization_id = $1 AND e.user_id = $2
          ORDER BY e.enrolled_at DESC, e.item_slug`,
        scope,
      ),
      this.dataSource.query<
        {
          id: string;
          quiz_slug: string;
          title: string | null;
          number: number;
          started_at: Date;
          graded_at: Date;
          score: number;
          passed: boolean;
        }[]
      >(
        `SELECT a.id, a.quiz_slug, qv.content->>'title' AS title, a.number, a.started_at,
                a.graded_at, a.score, a.passed
           FROM quiz_attempts a JOIN catalog_item_versions qv ON qv.id = a.quiz_version_id
          WHERE a.organization_id = $1 AND a.user_id = $2 AND a.status = 'graded'
          ORDER BY a.graded_at DESC`,
        scope,
      ),
      this.dataSource.getRepository(CertificateEntity).find({
        where: { organizationId: actor.organizationId, userId: person.id },
        order: { issuedAt: 'DESC' },
      }),
    ]);
    return {
      userId: person.id,
      displayName: person.displayName,
      enrollments: enrollments.map(toEnrollmentSummary),
      attempts: attempts.map((row) => ({
        id: row.id,
        quizSlug: row.quiz_slug,
        quizTitle: row.title ?? row.quiz_slug,
        number: row.number,
        startedAt: row.started_at,
        gradedAt: row.graded_at,
        score: row.score,
        passed: row.passed,
      })),
      certificates: certificates.map((certificate) =>
        Object.assign(certificate, { status: this.certificates.statusOf(certificate) }),
      ),
    };
  }
}
