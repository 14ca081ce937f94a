import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@academy/common';
import { DomainEvents } from '@academy/database';
import { DataSource, MoreThan, type EntityManager } from 'typeorm';
import type { Actor, RequestMeta } from '../access/actor.js';
import { AuditTrail } from '../audit/audit-trail.service.js';
import { isEmail, normalizeEmail, normalizeSlug } from '../auth/normalize.js';
import { OneTimeTokenEntity, OneTimeTokenPurpose } from '../entities/one-time-token.entity.js';
import { OrganizationEntity } from '../entities/organization.entity.js';
import { Role, UserEntity, UserStatus } from '../entities/user.entity.js';
import { IdentityErrors } from '../identity.errors.js';
import { SessionService } from '../sessions/session.service.js';
import { GroupService } from '../groups/group.service.js';
import { UserAdmin, type ProfileChanges } from '../users/user-admin.service.js';
import { OneTimeTokens } from './one-time-tokens.js';

export interface Invitee extends ProfileChanges {
  email: string;
  displayName: string;
  role: Role;
  groupIds?: string[] | null;
}

const RESET_REQUEST_INTERVAL_MS = 5 * 60_000;

/**
 * Bringing people in and getting them back in: invitations (7 days, single use), acceptance
 * that sets the first password, and self-service password reset (1 hour, single use). Tokens
 * travel only through the outbox; no answer ever contains one.
 */
@Injectable()
export class OnboardingService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(OneTimeTokens) private readonly tokens: OneTimeTokens,
    @Inject(UserAdmin) private readonly users: UserAdmin,
    @Inject(GroupService) private readonly groups: GroupService,
    @Inject(SessionService) private readonly sessions: SessionService,
    @Inject(AuditTrail) private readonly audit: AuditTrail,
    @Inject(DomainEvents) private readonly events: DomainEvents,
  ) {}

  async invite(
    actor: Actor,
    invitee: Invitee,
    meta: RequestMeta,
  ): Promise<{ user: UserEntity; expiresAt: Date }> {
    return this.dataSource.transaction((manager) =>
      this.inviteWithin(manager, actor, invitee, meta),
    );
  }

  /** Creates the person and their invitation inside the caller's transaction (bulk invite uses it). */
  async inviteWithin(manager: EntityManager, actor: Actor, invitee: Invitee, meta: RequestMeta) {
    const email = normalizeEmail(invitee.email);
    if (!isEmail(email))
      throw new DomainError(IdentityErrors.INVALID_INPUT, 'The email address is not valid.');
    const taken = await manager
      .getRepository(UserEntity)
      .existsBy({ organizationId: actor.organizationId, email });
    if (taken)
      throw new DomainError(
        IdentityErrors.EMAIL_TAKEN,
        'Someone in the organization already has this email.',
      );
    const user = manager.getRepository(UserEntity).create({
      organizationId: actor.organizationId,
      email,
      displayName: email,
      role: invitee.role,
      status: UserStatus.ACTIVE,
      passwordHash: null,
    });
    await this.users.applyProfileWithin(manager, user, {
      ...invitee,
      displayName: invitee.displayName,
    });
    await manager.save(user);
    await this.groups.addMemberWithin(
      manager,
      actor.organizationId,
      user.id,
      invitee.groupIds ?? [],
    );
    await this.events.publish(manager, 'identity.user-joined', {
      organizationId: actor.organizationId,
      userId: user.id,
    });
    const { expiresAt } = await this.tokens.issue(
      manager,
      user,
      OneTimeTokenPurpose.INVITATION,
      actor.id,
    );
    await this.audit.recordBy(manager, actor, 'user.invited', {
      target: { type: 'user', id: user.id },
      meta,
      details: { email, role: invitee.role },
    });
    return { user, expiresAt };
  }

  async resendInvitation(actor: Actor, userId: string, meta: RequestMeta) {
    return this.dataSource.transaction(async (manager) => {
      const user = await manager
        .getRepository(UserEntity)
        .findOneBy({ id: userId, organizationId: actor.organizationId });
      if (!user) throw new DomainError(IdentityErrors.NOT_FOUND, 'No such person.');
      if (user.passwordHash) {
        throw new DomainError(
          IdentityErrors.INVALID_INPUT,
          'This person has already accepted their invitation.',
        );
      }
      const { expiresAt } = await this.tokens.issue(
        manager,
        user,
        OneTimeTokenPurpose.INVITATION,
        actor.id,
      );
      await this.audit.recordBy(manager, actor, 'user.invitation_resent', {
        target: { type: 'user', id: user.id },
        meta,
      });
      return { user, expiresAt };
    });
  }

  /** Sets the first password of an invited person. */
  async acceptInvitation(token: string, password: string, meta: RequestMeta): Promise<void> {
    await this.redeemAndSetPassword(
      token,
      OneTimeTokenPurpose.INVITATION,
      password,
      meta,
      'user.invitation_accepted',
    );
  }

  /**
   * Starts a password reset. Answers the same whether or not the person exists; a message goes
   * out only to an active person who has accepted their invitation.
   */
  async requestPasswordReset(
    organizationSlug: string,
    email: string,
    meta: RequestMeta,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const organization = await manager
        .getRepository(OrganizationEntity)
        .findOneBy({ slug: normalizeSlug(organizationSlug) });
      if (!organization) return;
      const user = await manager
        .getRepository(UserEntity)
        .findOneBy({ organizationId: organization.id, email: normalizeEmail(email) });
      if (!user || user.status !== UserStatus.ACTIVE || !user.passwordHash) return;
      // One message per person per few minutes, however often someone asks on their behalf.
      const recent = await manager.getRepository(OneTimeTokenEntity).existsBy({
        userId: user.id,
        purpose: OneTimeTokenPurpose.PASSWORD_RESET,
        createdAt: MoreThan(new Date(Date.now() - RESET_REQUEST_INTERVAL_MS)),
      });
      if (recent) return;
      await this.tokens.issue(manager, user, OneTimeTokenPurpose.PASSWORD_RESET, null);
      await this.audit.record(manager, {
        organizationId: organization.id,
        actor: { kind: 'ANONYMOUS', id: null },
        action: 'user.password_reset_requested',
        target: { type: 'user', id: user.id },
        meta,
      });
    });
  }

  /** Sets a new password from a reset token and ends every session of the person. */
  async resetPassword(token: string, password: string, meta: RequestMeta): Promise<void> {
    await this.redeemAndSetPassword(
      token,
      OneTimeTokenPurpose.PASSWORD_RESET,
      password,
      meta,
      'user.password_reset',
    );
  }

  private async redeemAndSetPassword(
    token: string,
    purpose: OneTimeTokenPurpose,
    password: string,
    meta: RequestMeta,
    action: string,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const redeemed = await this.tokens.redeem(manager, token, purpose);
      const user = redeemed
        ? await manager.getRepository(UserEntity).findOneBy({ id: redeemed.userId })
        : null;
      if (!redeemed || !user || user.status !== UserStatus.ACTIVE) {
        throw new DomainError(
          IdentityErrors.INVALID_TOKEN,
          'This link is not valid: it has expired, was already used, or was replaced by a newer one.',
        );
      }
      // A weak password rolls the transaction back, so the token stays usable for a retry.
      user.passwordHash = await this.users.hashAcceptable(manager, user, password);
      await manager.save(user);
      await this.sessions.revokeAllOf(manager, user.id, 'password-changed');
      await this.audit.record(manager, {
        organizationId: user.organizationId,
        actor: { kind: 'USER', id: user.id },
        action,
        target: { type: 'user', id: user.id },
        meta,
      });
    });
  }
}
