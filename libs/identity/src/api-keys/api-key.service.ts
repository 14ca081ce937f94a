import { Inject, Injectable } from '@nestjs/common';
import { DomainError, digestsEqual, hashToken, randomToken } from '@academy/common';
import { DataSource, IsNull } from 'typeorm';
import type { Actor, RequestMeta } from '../access/actor.js';
import { AuditTrail } from '../audit/audit-trail.service.js';
import { ApiKeyEntity } from '../entities/api-key.entity.js';
import type { Role } from '../entities/user.entity.js';
import { IdentityErrors } from '../identity.errors.js';

const PREFIX = 'asak_';
const MAX_LIFETIME_DAYS = 365;

export interface NewApiKey {
  name: string;
  role: Role;
  expiresInDays: number;
}

/**
 * API keys for integrations: `asak_<key id>_<secret>`, accepted as a bearer credential. The
 * secret is returned once at creation; only its SHA-256 is kept.
 */
@Injectable()
export class ApiKeyService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(AuditTrail) private readonly audit: AuditTrail,
  ) {}

  looksLikeApiKey(bearer: string): boolean {
    return bearer.startsWith(PREFIX);
  }

  async create(
    actor: Actor,
    input: NewApiKey,
    meta: RequestMeta,
  ): Promise<{ apiKey: ApiKeyEntity; secret: string }> {
    const name = input.name.trim();
    if (!name || name.length > 100) {
      throw new DomainError(
        IdentityErrors.INVALID_INPUT,
        'Give the key a name of 1 to 100 characters.',
      );
    }
    if (
      !Number.isInteger(input.expiresInDays) ||
      input.expiresInDays < 1 ||
      input.expiresInDays > MAX_LIFETIME_DAYS
    ) {
      throw new DomainError(
        IdentityErrors.INVALID_INPUT,
        `A key expires after 1 to ${MAX_LIFETIME_DAYS} days.`,
      );
    }
    const secret = randomToken();
    return this.dataSource.transaction(async (manager) => {
      const apiKey = await manager.getRepository(ApiKeyEntity).save({
        organizationId: actor.organizationId,
        name,
        role: input.role,
        secretHash: hashToken(secret),
        expiresAt: new Date(Date.now() + input.expiresInDays * 86_400_000),
        revokedAt: null,
        createdBy: actor.id,
        lastUsedAt: null,
      });
      await this.audit.recordBy(manager, actor, 'api_key.created', {
        target: { type: 'api_key', id: apiKey.id },
        meta,
        details: { name, role: input.role, expiresAt: apiKey.expiresAt.toISOString() },
      });
      return { apiKey, secret: `${PREFIX}${apiKey.id.replaceAll('-', '')}_${secret}` };
    });
  }

  list(actor: Actor): Promise<ApiKeyEntity[]> {
    return this.dataSource.getRepository(ApiKeyEntity).find({
      where: { organizationId: actor.organizationId },
      order: { createdAt: 'DESC' },
    });
  }

  async revoke(actor: Actor, id: string, meta: RequestMeta): Promise<ApiKeyEntity> {
    return this.dataSource.transaction(async (manager) => {
      const apiKey = await manager
        .getRepository(ApiKeyEntity)
        .findOneBy({ id, organizationId: actor.organizationId });
      if (!apiKey) throw new DomainError(IdentityErrors.NOT_FOUND, 'No such API key.');
      if (!apiKey.revokedAt) {
        apiKey.revokedAt = new Date();
        await manager.save(apiKey);
        await this.audit.recordBy(manager, actor, 'api_key.revoked', {
          target: { type: 'api_key', id },
          meta,
        });
      }
      return apiKey;
    });
  }

  /** The actor of a presented key, or null when it is unknown, wrong, revoked or expired. */
  async authenticate(bearer: string): Promise<Actor | null> {
    const match = /^asak_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$/.exec(bearer);
    if (!match?.[1] || !match[2]) return null;
    const id = match[1].replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');
    const apiKey = await this.dataSource
      .getRepository(ApiKeyEntity)
      .findOneBy({ id, revokedAt: IsNull() });
    if (!apiKey || apiKey.expiresAt <= new Date()) return null;
    if (!digestsEqual(apiKey.secretHash, hashToken(match[2]))) return null;
    await this.dataSource.query(
      `UPDATE api_keys SET last_used_at = now()
        WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
      [id],
    );
    return {
      kind: 'API_KEY',
      id,
      organizationId: apiKey.organizationId,
      role: apiKey.role,
      mustEnrolMfa: false,
    };
  }
}
