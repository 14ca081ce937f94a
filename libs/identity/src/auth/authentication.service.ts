import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@academy/common';
import { PreparedQueries } from '@academy/database';
import { DataSource } from 'typeorm';
import type { Actor, RequestMeta } from '../access/actor.js';
import { ApiKeyService } from '../api-keys/api-key.service.js';
import { AuditTrail } from '../audit/audit-trail.service.js';
import { OrganizationEntity } from '../entities/organization.entity.js';
import { UserEntity, UserStatus, type Role } from '../entities/user.entity.js';
import { IdentityErrors } from '../identity.errors.js';
import { MfaService } from '../mfa/mfa.service.js';
import { PasswordHasher } from '../passwords/password-hasher.js';
import { SessionService, type TokenPair } from '../sessions/session.service.js';
import { AccessTokens } from './access-tokens.js';
import { normalizeEmail, normalizeSlug } from './normalize.js';
import { SignInThrottle } from './sign-in-throttle.js';

export interface SignInInput {
  organizationSlug: string;
  email: string;
  password: string;
  totpCode?: string | null;
  recoveryCode?: string | null;
}

export type SignInOutcome =
  | { kind: 'signed-in'; tokens: TokenPair; user: UserEntity; mustEnrolMfa: boolean }
  | { kind: 'second-factor-required' };

const INVALID_CREDENTIALS_MESSAGE = 'The organization, email or password is not correct.';

/**
 * The one statement of every signed-in request: the session must be live and its person active,
 * checked on each request so that a revocation takes effect at once ($1 session, $2 user,
 * $3 organization). Prepared by name; the benchmark's baselines run this same text.
 */
export const ActorOfSession = {
  name: 'identity.actor-of-session',
  text: `SELECT u.role,
                (o.settings->>'requireMfaForPrivilegedRoles' = 'true'
                  AND u.role IN ('ADMIN', 'MANAGER') AND u.mfa_enabled_at IS NULL) AS must_enrol_mfa
           FROM sessions s
           JOIN users u ON u.id = s.user_id
           JOIN organizations o ON o.id = u.organization_id
          WHERE s.id = $1 AND u.id = $2 AND u.organization_id = $3
            AND s.revoked_at IS NULL AND s.expires_at > now() AND u.status = 'ACTIVE'`,
} as const;

/**
 * Sign-in, and turning a bearer credential into an {@link Actor}. Every failure of the first
 * factor answers the same whether the organization or the email exists, whether the password
 * was wrong or the person is deactivated, and takes as long (a decoy hash is verified).
 */
@Injectable()
export class AuthenticationService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(PasswordHasher) private readonly hasher: PasswordHasher,
    @Inject(SignInThrottle) private readonly throttle: SignInThrottle,
    @Inject(SessionService) private readonly sessions: SessionService,
    @Inject(MfaService) private readonly mfa: MfaService,
    @Inject(AccessTokens) private readonly accessTokens: AccessTokens,
    @Inject(ApiKeyService) private readonly apiKeys: ApiKeyService,
    @Inject(AuditTrail) private readonly audit: AuditTrail,
    @Inject(PreparedQueries) private readonly prepared: PreparedQueries,
  ) {}

  async signIn(input: SignInInput, meta: RequestMeta): Promise<SignInOutcome> {
    const slug = normalizeSlug(input.organizationSlug);
    const email = normalizeEmail(input.email);
    await this.throttle.assertAllowed(slug, email, meta.clientAddress);

    const organization = await this.dataSource
      .getRepository(OrganizationEntity)
      .findOneBy({ slug });
    const user = organization
      ? await this.dataSource
          .getRepository(UserEntity)
          .findOneBy({ organizationId: organization.id, email })
      : null;
    const passwordMatches = await this.hasher.verify(user?.passwordHash ?? null, input.password);
    if (!organization || !user || !passwordMatches || user.status !== UserStatus.ACTIVE) {
      await this.throttle.recordFailure(slug, email, meta.clientAddress);
      if (organization) {
        await this.audit.recordAlone({
          organizationId: organization.id,
          actor: user ? { kind: 'USER', id: user.id } : { kind: 'ANONYMOUS', id: null },
          action: 'auth.sign_in',
          outcome: 'FAILURE',
          meta,
          details: {
            email,
            reason: !user ? 'unknown-email' : passwordMatches ? 'deactivated' : 'wrong-password',
          },
        });
      }
      throw new DomainError(IdentityErrors.INVALID_CREDENTIALS, INVALID_CREDENTIALS_MESSAGE);
    }

    if (user.mfaEnabledAt) {
      if (!input.totpCode && !input.recoveryCode) return { kind: 'second-factor-required' };
      if (!(await this.mfa.verify(user, input.totpCode, input.recoveryCode))) {
        await this.throttle.recordFailure(slug, email, meta.clientAddress);
        await this.audit.recordAlone({
          organizationId: organization.id,
          actor: { kind: 'USER', id: user.id },
          action: 'auth.second_factor',
          outcome: 'FAILURE',
          meta,
          details: { method: input.totpCode ? 'totp' : 'recovery-code' },
        });
        throw new DomainError(
          IdentityErrors.INVALID_SECOND_FACTOR,
          'The authentication code is not valid or was already used.',
        );
      }
    }

    await this.throttle.recordSuccess(slug, email);
    const tokens = await this.dataSource.transaction(async (manager) => {
      const pair = await this.sessions.start(manager, user, meta);
      await this.audit.record(manager, {
        organizationId: organization.id,
        actor: { kind: 'USER', id: user.id },
        action: 'auth.sign_in',
        target: { type: 'session', id: pair.sessionId },
        meta,
        details: {
          secondFactor: user.mfaEnabledAt ? (input.totpCode ? 'totp' : 'recovery-code') : null,
        },
      });
      return pair;
    });
    return {
      kind: 'signed-in',
      tokens,
      user,
      mustEnrolMfa: mustEnrolMfa(organization, user.role, user.mfaEnabledAt),
    };
  }

  /** The actor of an `Authorization: Bearer` credential, or null when it is not valid now. */
  async actorFor(bearer: string): Promise<Actor | null> {
    if (this.apiKeys.looksLikeApiKey(bearer)) return this.apiKeys.authenticate(bearer);
    const claims = await this.accessTokens.verify(bearer);
    if (!claims) return null;
    const [row] = await this.prepared.query<{ role: Role; must_enrol_mfa: boolean }>(
      ActorOfSession.name,
      ActorOfSession.text,
      [claims.sessionId, claims.userId, claims.organizationId],
    );
    if (!row) return null;
    return {
      kind: 'USER',
      id: claims.userId,
      organizationId: claims.organizationId,
      role: row.role,
      sessionId: claims.sessionId,
      mustEnrolMfa: row.must_enrol_mfa,
    };
  }
}

export function mustEnrolMfa(
  organization: OrganizationEntity,
  role: Role,
  mfaEnabledAt: Date | null,
): boolean {
  return (
    organization.settings.requireMfaForPrivilegedRoles &&
    role !== 'LEARNER' &&
    mfaEnabledAt === null
  );
}
