import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, SecretBox, hashToken, randomToken, type AppConfig } from '@academy/common';
import { OutboxWriter, type OutboxTopic } from '@academy/outbox';
import { IsNull, type EntityManager } from 'typeorm';
import { OneTimeTokenEntity, type OneTimeTokenPurpose } from '../entities/one-time-token.entity.js';
import type { UserEntity } from '../entities/user.entity.js';

const LIFETIME_MS: Record<OneTimeTokenPurpose, number> = {
  INVITATION: 7 * 86_400_000,
  PASSWORD_RESET: 60 * 60_000,
};

/** The outbox topic of each purpose: the notifications worker delivers these messages. */
const TOKEN_MESSAGE_TOPIC = {
  INVITATION: 'identity.invitation',
  PASSWORD_RESET: 'identity.password-reset',
} as const satisfies Record<OneTimeTokenPurpose, OutboxTopic>;

/**
 * Issues and redeems single-use tokens. Issuing supersedes the person's earlier tokens of the
 * same purpose and writes, in the same transaction, the outbox message that will deliver the
 * token: sealed with the data key, since the database keeps only the token's hash.
 */
@Injectable()
export class OneTimeTokens {
  private readonly box: SecretBox;

  constructor(
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.box = new SecretBox(config.DATA_ENCRYPTION_KEY);
  }

  /** Returns the plain token (for the bootstrap CLI only; everything else lets the outbox send it). */
  async issue(
    manager: EntityManager,
    user: UserEntity,
    purpose: OneTimeTokenPurpose,
    issuedBy: string | null,
  ): Promise<{ token: string; expiresAt: Date }> {
    await manager.update(
      OneTimeTokenEntity,
      { userId: user.id, purpose, usedAt: IsNull() },
      { usedAt: new Date() },
    );
    const token = randomToken();
    const expiresAt = new Date(Date.now() + LIFETIME_MS[purpose]);
    const saved = await manager.getRepository(OneTimeTokenEntity).save({
      organizationId: user.organizationId,
      userId: user.id,
      purpose,
      tokenHash: hashToken(token),
      expiresAt,
      usedAt: null,
      issuedBy,
    });
    await this.outbox.enqueue(manager, {
      organizationId: user.organizationId,
      topic: TOKEN_MESSAGE_TOPIC[purpose],
      payload: {
        userId: user.id,
        tokenId: saved.id,
        sealedToken: this.box.seal(token, `one-time-token:${saved.id}`),
      },
    });
    return { token, expiresAt };
  }

  /**
   * Spends a valid token of `purpose` and returns it, or null when it is unknown, expired,
   * already used or superseded. The conditional update makes it single-use under concurrency.
   */
  async redeem(
    manager: EntityManager,
    token: string,
    purpose: OneTimeTokenPurpose,
  ): Promise<OneTimeTokenEntity | null> {
    // TypeORM answers an UPDATE with [rows, affected count].
    const [rows] = await manager.query<[{ id: string }[], number]>(
      `UPDATE one_time_tokens SET used_at = now()
        WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > now()
        RETURNING id`,
      [hashToken(token), purpose],
    );
    const id = rows[0]?.id;
    return id ? manager.getRepository(OneTimeTokenEntity).findOneBy({ id }) : null;
  }
}
