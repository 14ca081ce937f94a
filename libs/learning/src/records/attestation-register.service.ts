import { Inject, Injectable } from '@nestjs/common';
import { decodeCursor, toConnection, type Connection } from '@academy/common';
import type { Actor } from '@academy/identity';
import { DataSource } from 'typeorm';

export interface AttestationRecord {
  id: string;
  userId: string;
  displayName: string;
  email: string;
  lessonSlug: string;
  lessonVersion: number;
  statement: string;
  attestedAt: Date;
}

/** For auditors: who attested to which version of a lesson's statement, and when. */
@Injectable()
export class AttestationRegister {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async list(
    actor: Actor,
    filter: { lessonSlug: string; lessonVersion?: number | null },
    first: number,
    after?: string | null,
  ): Promise<Connection<AttestationRecord>> {
    const parameters: unknown[] = [actor.organizationId, filter.lessonSlug];
    let where = 'a.organization_id = $1 AND a.lesson_slug = $2';
    if (filter.lessonVersion != null) {
      parameters.push(filter.lessonVersion);
      where += ` AND a.lesson_version = $${parameters.length}`;
    }
    const [count] = await this.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM attestations a WHERE ${where}`,
      parameters,
    );
    if (after) {
      const position = decodeCursor(after, 'time');
      parameters.push(position.sort, position.id);
      where += ` AND (a.attested_at, a.id) > ($${parameters.length - 1}::timestamptz, $${parameters.length}::uuid)`;
    }
    parameters.push(first + 1);
    const rows = await this.dataSource.query<
      {
        id: string;
        user_id: string;
        display_name: string;
        email: string;
        lesson_slug: string;
        lesson_version: number;
        statement: string;
        attested_at: Date;
      }[]
    >(
      `SELECT a.id, a.user_id, u.display_name, u.email, a.lesson_slug, a.lesson_version,
              a.statement, a.attested_at
         FROM attestations a JOIN users u ON u.id = a.user_id AND u.organization_id = a.organization_id
        WHERE ${where} ORDER BY a.attested_at, a.id LIMIT $${parameters.length}`,
      parameters,
    );
    return toConnection(
      rows.map((row) => ({
        id: row.id,
        userId: row.user_id,
        displayName: row.display_name,
        email: row.email,
        lessonSlug: row.lesson_slug,
        lessonVersion: row.lesson_version,
        statement: row.statement,
        attestedAt: row.attested_at,
      })),
      first,
      after,
      count?.n ?? 0,
      (row) => ({ sort: row.attestedAt.toISOString(), id: row.id }),
    );
  }
}
