import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, DomainError, hashToken, randomToken, type AppConfig } from '@academy/common';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import type { RequestMeta } from '../access/actor.js';
import { AccessTokens } from '../auth/access-tokens.js';
import { RefreshTokenEntity } from '../entities/refresh-token.entity.js';
import { SessionEntity } from '../entities/session.entity.js';
import type { UserEntity } from '../entities/user.entity.js';
import { IdentityErrors } from '../identity.errors.js';
import { AuditTrail } from '../audit/audit-trail.service.js';

export interface TokenPair {
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  sessionId: string;
}

export type RevocationReason =
  'sign-out' | 'refresh-token-reuse' | 'deactivated' | 'password-changed' | 'revoked-by-user';

/**
 * Sessions and their refresh tokens. Each refresh token works once: using it returns a new pair,
 * and presenting a token that was already used means it was copied, so the whole session
 * (the token family) is revoked.
 */
@Injectable()
export class SessionService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(AccessTokens) private readonly accessTokens: AccessTokens,
    @Inject(AuditTrail) private readonly audit: AuditTrail,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async start(manager: EntityManager, user: UserEntity, meta: RequestMeta): Promise<TokenPair> {
    const now = new Date();
    const session = await manager.getRepository(SessionEntity).save({
      organizationId: user.organizationId,
      userId: user.id,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
      clientAddress: meta.clientAddress,
      lastUsedAt: now,
      expiresAt: new Date(now.getTime() + this.config.REFRESH_TOKEN_TTL_DAYS * 86_400_000),
      revokedAt: null,
      revokedReason: null,
    });
    return this.issuePair(manager, session);
  }

  /** Exchanges a refresh token for a new pair; reuse of a spent token revokes its session. */
  async refresh(refreshToken: string, meta: RequestMeta): Promise<TokenPair> {
    const invalid = new DomainError(
      IdentityErrors.INVALID_REFRESH_TOKEN,
      'The refresh token is not valid. Sign in again.',
    );
    const outcome = await this.dataSource.transaction(async (manager) => {
      // The row lock makes concurrent uses of one token queue up: the first wins, the rest
      // see it spent and count as reuse.
      const token = await manager
        .getRepository(RefreshTokenEntity)
        .createQueryBuilder('token')
        .setLock('pessimistic_write')
        .where('token.token_hash = :hash', { hash: hashToken(refreshToken) })
        .getOne();
      if (!token) return { kind: 'unknown' as const };
      const session = await manager.getRepository(SessionEntity).findOneBy({ id: token.sessionId });
      if (!session || session.revokedAt || session.expiresAt < new Date()) {
        return { kind: 'unknown' as const };
      }
      if (token.usedAt) return { kind: 'reused' as const, session };
      await manager.update(RefreshTokenEntity, { id: token.id }, { usedAt: new Date() });
      const user = await manager.query<{ status: string }[]>(
        'SELECT status FROM users WHERE id = $1',
        [session.userId],
      );
      if (user[0]?.status !== 'ACTIVE') return { kind: 'unknown' as const };
      session.lastUsedAt = new Date();
      await manager.save(session);
      return { kind: 'ok' as const, pair: await this.issuePair(manager, session) };
    });
    if (outcome.kind === 'ok') return outcome.pair;
    if (outcome.kind === 'reused') {
      await this.revoke(outcome.session, 'refresh-token-reuse', meta);
    }
    throw invalid;
  }

  async revoke(session: SessionEntity, reason: RevocationReason, meta: RequestMeta): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const result = await manager.update(
        SessionEntity,
        { id: session.id, revokedAt: IsNull() },
        { revokedAt: new Date(), revokedReason: reason },
      );
      if (!result.affected) return;
      await this.audit.record(manager, {
        organizationId: session.organizationId,
        actor: { kind: 'USER', id: session.userId },
        action:
          reason === 'refresh-token-reuse' ? 'auth.refresh_token_reused' : 'auth.session_revoked',
        target: { type: 'session', id: session.id },
        outcome: reason === 'refresh-token-reuse' ? 'DENIED' : 'SUCCESS',
        meta,
        details: { reason },
      });
    });
  }

  /** Revokes every open session of a person (deactivation, password change). */
  async revokeAllOf(
    manager: EntityManager,
    userId: string,
    reason: RevocationReason,
    exceptSessionId?: string,
  ): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(SessionEntity)
      .set({ revokedAt: () => 'now()', revokedReason: reason })
      .where('user_id = :userId AND revoked_at IS NULL', { userId })
      .andWhere(exceptSessionId ? 'id <> :exceptSessionId' : 'TRUE', { exceptSessionId })
      .execute();
  }

  /** A person's open sessions, newest first. */
  listOpen(organizationId: string, userId: string): Promise<SessionEntity[]> {
    return this.dataSource.getRepository(SessionEntity).find({
      where: { organizationId, userId, revokedAt: IsNull() },
      order: { lastUsedAt: 'DESC' },
    });
  }

  /** One of the person's own sessions; another's answers as if it did not exist. */
  async findOwn(organizationId: string, userId: string, sessionId: string): Promise<SessionEntity> {
    const session = await this.dataSource
      .getRepository(SessionEntity)
      .findOneBy({ id: sessionId, organizationId, userId });
    if (!session) throw new DomainError(IdentityErrors.NOT_FOUND, 'No such session.');
    return session;
  }

  private async issuePair(manager: EntityManager, session: SessionEntity): Promise<TokenPair> {
    const refreshToken = randomToken();
    await manager.getRepository(RefreshTokenEntity).insert({
      sessionId: session.id,
      organizationId: session.organizationId,
      tokenHash: hashToken(refreshToken),
      usedAt: null,
    });
    const access = await this.accessTokens.issue({
      userId: session.userId,
      organizationId: session.organizationId,
      sessionId: session.id,
    });
    return {
      accessToken: access.token,
      accessTokenExpiresAt: access.expiresAt,
      refreshToken,
      sessionId: session.id,
    };
  }
}
