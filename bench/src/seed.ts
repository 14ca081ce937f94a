import { randomUUID } from 'node:crypto';
import type { AppConfig } from '@academy/common';
import { AccessTokens } from '@academy/identity';
import type pg from 'pg';

/** What the scenarios need from the seeded data: an organization and a signed-in learner. */
export interface BenchContext {
  organizationId: string;
  learnerId: string;
  sessionId: string;
  learnerToken: string;
}

const LEARNERS = 10_000;

/**
 * An organization of 10,000 learners, written with set-based SQL, and one open session of the
 * first learner with an access token signed as the API signs them.
 */
export async function seedLearners(db: pg.Pool, config: AppConfig): Promise<BenchContext> {
  const organizationId = randomUUID();
  await db.query(
    `INSERT INTO organizations (id, name, slug, timezone, locale, settings)
     VALUES ($1, 'Bench Org', $2, 'UTC', 'en', '{"requireMfaForPrivilegedRoles": false}')`,
    [organizationId, `bench-${organizationId.slice(0, 8)}`],
  );
  await db.query(
    `INSERT INTO users (organization_id, email, display_name, role, status)
     SELECT $1, 'learner' || n || '@bench.test', 'Learner ' || n, 'LEARNER', 'ACTIVE'
       FROM generate_series(1, $2) AS n`,
    [organizationId, LEARNERS],
  );
  const { rows } = await db.query<{ id: string }>(
    `SELECT id FROM users WHERE organization_id = $1 AND email = 'learner1@bench.test'`,
    [organizationId],
  );
  const learnerId = rows[0]?.id ?? '';
  const sessionId = randomUUID();
  await db.query(
    `INSERT INTO sessions (id, organization_id, user_id, last_used_at, expires_at)
     VALUES ($1, $2, $3, now(), now() + interval '1 day')`,
    [sessionId, organizationId, learnerId],
  );
  // Long enough for a whole run: the token must not expire between scenarios.
  const tokens = new AccessTokens({ ...config, ACCESS_TOKEN_TTL_SECONDS: 4 * 3600 });
  const { token } = await tokens.issue({ userId: learnerId, organizationId, sessionId });
  return { organizationId, learnerId, sessionId, learnerToken: token };
}
