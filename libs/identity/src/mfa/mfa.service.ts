import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, DomainError, SecretBox, hashToken, type AppConfig } from '@academy/common';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import type { Actor, RequestMeta } from '../access/actor.js';
import { AuditTrail } from '../audit/audit-trail.service.js';
import { RecoveryCodeEntity } from '../entities/recovery-code.entity.js';
import { UserEntity } from '../entities/user.entity.js';
import { IdentityErrors } from '../identity.errors.js';
import { PasswordHasher } from '../passwords/password-hasher.js';
import { matchingTotpStep, newTotpSecret, totpUri } from './totp.js';

const RECOVERY_CODE_COUNT = 10;

export interface MfaEnrollment {
  secret: string;
  otpauthUri: string;
}

/** Formats 10 random bytes as `xxxxx-xxxxx-xxxxx-xxxxx` (base32, 80 bits). */
function newRecoveryCode(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(20);
  const chars = [...bytes].map((byte) => alphabet[byte % alphabet.length] ?? 'A').join('');
  return chars.match(/.{5}/g)?.join('-') ?? chars;
}

const normalizeRecoveryCode = (code: string) => code.toUpperCase().replace(/[\s-]+/g, '');

/**
 * TOTP second factor: enrolment (secret sealed at rest with the data key), confirmation with a
 * first code, one-time recovery codes (stored hashed), and verification at sign-in that refuses
 * a replayed code.
 */
@Injectable()
export class MfaService {
  private readonly box: SecretBox;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(AuditTrail) private readonly audit: AuditTrail,
    @Inject(PasswordHasher) private readonly hasher: PasswordHasher,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.box = new SecretBox(config.DATA_ENCRYPTION_KEY);
  }

  async startEnrollment(actor: Actor): Promise<MfaEnrollment> {
    const user = await this.userOf(actor);
    if (user.mfaEnabledAt) {
      throw new DomainError(
        IdentityErrors.MFA_ALREADY_ENABLED,
        'A second factor is already set up.',
      );
    }
    const secret = newTotpSecret();
    await this.dataSource
      .getRepository(UserEntity)
      .update({ id: user.id }, { mfaSecretSealed: this.box.seal(secret, this.context(user.id)) });
    return { secret, otpauthUri: totpUri(secret, user.email) };
  }

  /** Confirms enrolment with a first code; returns the recovery codes, shown this once. */
  async confirmEnrollment(actor: Actor, code: string, meta: RequestMeta): Promise<string[]> {
    const user = await this.userOf(actor);
    if (user.mfaEnabledAt) {
      throw new DomainError(
        IdentityErrors.MFA_ALREADY_ENABLED,
        'A second factor is already set up.',
      );
    }
    if (!user.mfaSecretSealed) {
      throw new DomainError(IdentityErrors.MFA_NOT_ENABLED, 'Start the enrolment first.');
    }
    const step = matchingTotpStep(this.box.open(user.mfaSecretSealed, this.context(user.id)), code);
    if (step === null) {
      throw new DomainError(IdentityErrors.INVALID_SECOND_FACTOR, 'That code is not valid.');
    }
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
    await this.dataSource.transaction(async (manager) => {
      await manager.update(
        UserEntity,
        { id: user.id },
        { mfaEnabledAt: new Date(), mfaLastStep: String(step) },
      );
      await manager.delete(RecoveryCodeEntity, { userId: user.id });
      await manager.insert(
        RecoveryCodeEntity,
        codes.map((recoveryCode) => ({
          organizationId: user.organizationId,
          userId: user.id,
          codeHash: hashToken(normalizeRecoveryCode(recoveryCode)),
          usedAt: null,
        })),
      );
      await this.audit.record(manager, {
        organizationId: user.organizationId,
        actor,
        action: 'mfa.enabled',
        target: { type: 'user', id: user.id },
        meta,
      });
    });
    return codes;
  }

  /** Turns the second factor off for oneself, after re-entering the password. */
  async disable(actor: Actor, password: string, meta: RequestMeta): Promise<void> {
    const user = await this.userOf(actor);
    if (!(await this.hasher.verify(user.passwordHash, password))) {
      throw new DomainError(IdentityErrors.INVALID_CREDENTIALS, 'The password is not correct.');
    }
    await this.dataSource.transaction(async (manager) => {
      await this.clear(manager, user.id);
      await this.audit.record(manager, {
        organizationId: user.organizationId,
        actor,
        action: 'mfa.disabled',
        target: { type: 'user', id: user.id },
        meta,
      });
    });
  }

  /** An admin removes a person's second factor (e.g. a lost phone) so they can enrol again. */
  async resetFor(actor: Actor, userId: string, meta: RequestMeta): Promise<UserEntity> {
    return this.dataSource.transaction(async (manager) => {
      const user = await manager
        .getRepository(UserEntity)
        .findOneBy({ id: userId, organizationId: actor.organizationId });
      if (!user) throw new DomainError(IdentityErrors.NOT_FOUND, 'No such person.');
      await this.clear(manager, user.id);
      await this.audit.recordBy(manager, actor, 'mfa.reset', {
        target: { type: 'user', id: user.id },
        meta,
      });
      return manager.getRepository(UserEntity).findOneByOrFail({ id: user.id });
    });
  }

  private async clear(manager: EntityManager, userId: string): Promise<void> {
    await manager.update(
      UserEntity,
      { id: userId },
      { mfaSecretSealed: null, mfaEnabledAt: null, mfaLastStep: null },
    );
    await manager.delete(RecoveryCodeEntity, { userId });
  }

  /**
   * Whether a sign-in's second factor is valid: a TOTP code of a step later than the last one
   * accepted, or an unused recovery code (which is then spent).
   */
  async verify(user: UserEntity, totpCode?: string | null, recoveryCode?: string | null) {
    if (totpCode && user.mfaSecretSealed) {
      const step = matchingTotpStep(
        this.box.open(user.mfaSecretSealed, this.context(user.id)),
        totpCode,
      );
      if (step === null) return false;
      // TypeORM answers an UPDATE with [rows, affected count].
      const [, accepted] = await this.dataSource.query<[unknown[], number]>(
        `UPDATE users SET mfa_last_step = $2
          WHERE id = $1 AND (mfa_last_step IS NULL OR mfa_last_step < $2)`,
        [user.id, step],
      );
      return accepted === 1;
    }
    if (recoveryCode) {
      const result = await this.dataSource.getRepository(RecoveryCodeEntity).update(
        {
          userId: user.id,
          codeHash: hashToken(normalizeRecoveryCode(recoveryCode)),
          usedAt: IsNull(),
        },
        { usedAt: new Date() },
      );
      return result.affected === 1;
    }
    return false;
  }

  private context(userId: string): string {
    return `mfa:${userId}`;
  }

  private async userOf(actor: Actor): Promise<UserEntity> {
    const user = await this.dataSource
      .getRepository(UserEntity)
      .findOneBy({ id: actor.id, organizationId: actor.organizationId });
    if (!user || actor.kind !== 'USER') {
      throw new DomainError(
        IdentityErrors.FORBIDDEN,
        'Only a signed-in person has a second factor.',
      );
    }
    return user;
  }
}
