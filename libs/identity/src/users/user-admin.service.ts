import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, DomainError, type AppConfig } from '@academy/common';
import { DomainEvents } from '@academy/database';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor, RequestMeta } from '../access/actor.js';
import { AuditTrail } from '../audit/audit-trail.service.js';
import { isTimezone } from '../auth/normalize.js';
import { OrganizationEntity } from '../entities/organization.entity.js';
import { Role, UserEntity, UserStatus } from '../entities/user.entity.js';
import { IdentityErrors } from '../identity.errors.js';
import { WATCHED_USER_FIELDS } from '../identity.events.js';
import { PasswordHasher } from '../passwords/password-hasher.js';
import { passwordProblem } from '../passwords/password-policy.js';
import { SessionService } from '../sessions/session.service.js';

export interface ProfileChanges {
  displayName?: string | null;
  jobTitle?: string | null;
  department?: string | null;
  locale?: string | null;
  timezone?: string | null;
  managerId?: string | null;
  hiredOn?: string | null;
}

/**
 * Changes to people: profiles, reporting lines, roles, status and passwords. Each change is
 * audited in its own transaction; deactivation ends the person's sessions at once.
 */
@Injectable()
export class UserAdmin {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(AuditTrail) private readonly audit: AuditTrail,
    @Inject(SessionService) private readonly sessions: SessionService,
    @Inject(PasswordHasher) private readonly hasher: PasswordHasher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DomainEvents) private readonly events: DomainEvents,
  ) {}

  async update(actor: Actor, userId: string, changes: ProfileChanges, meta: RequestMeta) {
    return this.change(actor, userId, 'user.updated', meta, async (manager, user) => {
      await this.applyProfileWithin(manager, user, changes);
      return { changed: Object.keys(changes) };
    });
  }

  /** The fields a person may change about themselves. */
  async updateOwnProfile(
    actor: Actor,
    changes: Pick<ProfileChanges, 'displayName' | 'locale' | 'timezone'>,
    meta: RequestMeta,
  ) {
    return this.change(actor, actor.id, 'user.profile_updated', meta, async (manager, user) => {
      await this.applyProfileWithin(manager, user, changes);
      return { changed: Object.keys(changes) };
    });
  }

  async changeRole(actor: Actor, userId: string, role: Role, meta: RequestMeta) {
    return this.change(actor, userId, 'user.role_changed', meta, async (manager, user) => {
      const from = user.role;
      if (from === Role.ADMIN && role !== Role.ADMIN) await this.assertNotLastAdmin(manager, user);
      user.role = role;
      return { from, to: role };
    });
  }

  async deactivate(actor: Actor, userId: string, meta: RequestMeta) {
    return this.change(actor, userId, 'user.deactivated', meta, async (manager, user) => {
      if (user.role === Role.ADMIN) await this.assertNotLastAdmin(manager, user);
      user.status = UserStatus.DEACTIVATED;
      user.deactivatedAt = new Date();
      await this.sessions.revokeAllOf(manager, user.id, 'deactivated');
      await this.events.publish(manager, 'identity.user-deactivated', {
        organizationId: user.organizationId,
        userId: user.id,
      });
      return {};
    });
  }

  async reactivate(actor: Actor, userId: string, meta: RequestMeta) {
    return this.change(actor, userId, 'user.reactivated', meta, async (manager, user) => {
      user.status = UserStatus.ACTIVE;
      user.deactivatedAt = null;
      await this.events.publish(manager, 'identity.user-reactivated', {
        organizationId: user.organizationId,
        userId: user.id,
      });
      return {};
    });
  }

  /** Changes one's own password; every other session of the person is ended. */
  async changeOwnPassword(actor: Actor, current: string, next: string, meta: RequestMeta) {
    return this.change(actor, actor.id, 'user.password_changed', meta, async (manager, user) => {
      if (!(await this.hasher.verify(user.passwordHash, current))) {
        throw new DomainError(
          IdentityErrors.INVALID_CREDENTIALS,
          'The current password is not correct.',
        );
      }
      user.passwordHash = await this.hashAcceptable(manager, user, next);
      await this.sessions.revokeAllOf(manager, user.id, 'password-changed', actor.sessionId);
      return {};
    });
  }

  /** Checks a new password against the policy for this person and returns its hash. */
  async hashAcceptable(
    manager: EntityManager,
    user: UserEntity,
    password: string,
  ): Promise<string> {
    const organization = await manager
      .getRepository(OrganizationEntity)
      .findOneByOrFail({ id: user.organizationId });
    const problem = passwordProblem(password, this.config.PASSWORD_MIN_LENGTH, {
      words: [
        user.email,
        user.email.split('@')[0] ?? '',
        user.displayName,
        organization.name,
        organization.slug,
      ],
    });
    if (problem) throw new DomainError(IdentityErrors.WEAK_PASSWORD, problem);
    return this.hasher.hash(password);
  }

  private async change(
    actor: Actor,
    userId: string,
    action: string,
    meta: RequestMeta,
    apply: (manager: EntityManager, user: UserEntity) => Promise<Record<string, unknown>>,
  ): Promise<UserEntity> {
    return this.dataSource.transaction(async (manager) => {
      const user = await manager.getRepository(UserEntity).findOne({
        where: { id: userId, organizationId: actor.organizationId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!user) throw new DomainError(IdentityErrors.NOT_FOUND, 'No such person.');
      const before = WATCHED_USER_FIELDS.map((field) => user[field]);
      const details = await apply(manager, user);
      const saved = await manager.save(user);
      const changed = WATCHED_USER_FIELDS.filter((field, index) => before[index] !== saved[field]);
      if (changed.length > 0) {
        // After the save: subscribers read the person as they now are.
        await this.events.publish(manager, 'identity.user-changed', {
          organizationId: user.organizationId,
          userId: user.id,
          changed,
        });
      }
      await this.audit.recordBy(manager, actor, action, {
        target: { type: 'user', id: user.id },
        meta,
        details,
      });
      return saved;
    });
  }

  /** Validates and applies profile changes to `user` (not yet saved). */
  async applyProfileWithin(manager: EntityManager, user: UserEntity, changes: ProfileChanges) {
    if (changes.displayName !== undefined) {
      const name = changes.displayName?.trim() ?? '';
      if (!name || name.length > 200) {
        throw new DomainError(
          IdentityErrors.INVALID_INPUT,
          'A display name has 1 to 200 characters.',
        );
      }
      user.displayName = name;
    }
    if (
      changes.timezone !== undefined &&
      changes.timezone !== null &&
      !isTimezone(changes.timezone)
    ) {
      throw new DomainError(
        IdentityErrors.INVALID_INPUT,
        'The time zone is not a known IANA zone.',
      );
    }
    if (
      changes.hiredOn !== undefined &&
      changes.hiredOn !== null &&
      !/^\d{4}-\d{2}-\d{2}$/.test(changes.hiredOn)
    ) {
      throw new DomainError(IdentityErrors.INVALID_INPUT, 'The hire date must be YYYY-MM-DD.');
    }
    for (const field of ['jobTitle', 'department', 'locale', 'timezone', 'hiredOn'] as const) {
      if (changes[field] !== undefined) user[field] = changes[field]?.trim() || null;
    }
    if (changes.managerId !== undefined) {
      await this.assertValidManager(manager, user, changes.managerId);
      user.managerId = changes.managerId;
    }
  }

  /** The manager must be in the same organization and not in the person's own reporting line. */
  private async assertValidManager(
    manager: EntityManager,
    user: UserEntity,
    managerId: string | null,
  ) {
    if (managerId === null) return;
    const [row] = await manager.query<{ in_org: boolean; cycle: boolean }[]>(
      `WITH RECURSIVE chain AS (
         SELECT id, manager_id FROM users WHERE id = $1 AND organization_id = $2
         UNION
         SELECT u.id, u.manager_id FROM users u JOIN chain c ON u.id = c.manager_id
          WHERE u.organization_id = $2
       )
       SELECT EXISTS (SELECT 1 FROM chain) AS in_org,
              EXISTS (SELECT 1 FROM chain WHERE id = $3) AS cycle`,
      [managerId, user.organizationId, user.id],
    );
    if (!row?.in_org) throw new DomainError(IdentityErrors.NOT_FOUND, 'No such manager.');
    if (row.cycle) {
      throw new DomainError(
        IdentityErrors.INVALID_INPUT,
        'A person cannot report to someone in their own reporting line.',
      );
    }
  }

  private async assertNotLastAdmin(manager: EntityManager, user: UserEntity): Promise<void> {
    const admins = await manager.getRepository(UserEntity).countBy({
      organizationId: user.organizationId,
      role: Role.ADMIN,
      status: UserStatus.ACTIVE,
    });
    if (admins <= 1) {
      throw new DomainError(
        IdentityErrors.LAST_ADMIN,
        'The organization must keep at least one active admin.',
      );
    }
  }
}
