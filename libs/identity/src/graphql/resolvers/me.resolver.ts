import { IdArg } from '@academy/common';
import { Inject } from '@nestjs/common';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor, RequestMeta } from '../../access/actor.js';
import { Permission } from '../../access/permissions.js';
import { MfaService } from '../../mfa/mfa.service.js';
import { SessionService } from '../../sessions/session.service.js';
import { UserAdmin } from '../../users/user-admin.service.js';
import { UserDirectory } from '../../users/user-directory.service.js';
import {
  AllowedDuringMfaEnrolment,
  CurrentActor,
  Meta,
  RequirePermission,
} from '../access.decorators.js';
import { ChangePasswordInput, UpdateMyProfileInput } from '../inputs/auth.inputs.js';
import { toSession, toUser } from '../mappers.js';
import { MfaEnrollment, MfaRecoveryCodes, Session } from '../objects/auth.object.js';
import { User } from '../objects/user.object.js';

/** What every signed-in person can do about themselves. */
@Resolver()
export class MeResolver {
  constructor(
    @Inject(UserDirectory) private readonly directory: UserDirectory,
    @Inject(UserAdmin) private readonly users: UserAdmin,
    @Inject(SessionService) private readonly sessions: SessionService,
    @Inject(MfaService) private readonly mfa: MfaService,
  ) {}

  @RequirePermission(Permission.SELF)
  @AllowedDuringMfaEnrolment()
  @Query(() => User, { description: 'The signed-in person.' })
  async me(@CurrentActor() actor: Actor): Promise<User> {
    return toUser(await this.directory.get(actor, actor.id));
  }

  @RequirePermission(Permission.SELF)
  @Mutation(() => User, { description: 'Change one’s own display name, language or time zone.' })
  async updateMyProfile(
    @CurrentActor() actor: Actor,
    @Args('input') input: UpdateMyProfileInput,
    @Meta() meta: RequestMeta,
  ): Promise<User> {
    return toUser(await this.users.updateOwnProfile(actor, input, meta));
  }

  @RequirePermission(Permission.SELF)
  @Mutation(() => Boolean, { description: 'Change one’s password; every other session ends.' })
  async changeMyPassword(
    @CurrentActor() actor: Actor,
    @Args('input') input: ChangePasswordInput,
    @Meta() meta: RequestMeta,
  ): Promise<boolean> {
    await this.users.changeOwnPassword(actor, input.currentPassword, input.newPassword, meta);
    return true;
  }

  @RequirePermission(Permission.SELF)
  @Query(() => [Session], { description: 'The caller’s open sessions, most recently used first.' })
  async mySessions(@CurrentActor() actor: Actor): Promise<Session[]> {
    const sessions = await this.sessions.listOpen(actor.organizationId, actor.id);
    return sessions.map((session) => toSession(session, actor.sessionId));
  }

  @RequirePermission(Permission.SELF)
  @Mutation(() => Boolean, { description: 'End one of one’s own sessions.' })
  async revokeMySession(
    @CurrentActor() actor: Actor,
    @IdArg('sessionId') sessionId: string,
    @Meta() meta: RequestMeta,
  ): Promise<boolean> {
    const session = await this.sessions.findOwn(actor.organizationId, actor.id, sessionId);
    await this.sessions.revoke(session, 'revoked-by-user', meta);
    return true;
  }

  @RequirePermission(Permission.SELF)
  @AllowedDuringMfaEnrolment()
  @Mutation(() => Boolean, { description: 'Sign out: end the current session.' })
  async signOut(@CurrentActor() actor: Actor, @Meta() meta: RequestMeta): Promise<boolean> {
    if (actor.sessionId) {
      const session = await this.sessions.findOwn(actor.organizationId, actor.id, actor.sessionId);
      await this.sessions.revoke(session, 'sign-out', meta);
    }
    return true;
  }

  @RequirePermission(Permission.SELF)
  @AllowedDuringMfaEnrolment()
  @Mutation(() => MfaEnrollment, { description: 'Start setting up an authenticator app (TOTP).' })
  startMfaEnrollment(@CurrentActor() actor: Actor): Promise<MfaEnrollment> {
    return this.mfa.startEnrollment(actor);
  }

  @RequirePermission(Permission.SELF)
  @AllowedDuringMfaEnrolment()
  @Mutation(() => MfaRecoveryCodes, {
    description: 'Finish setup with a first code; returns one-time recovery codes, shown once.',
  })
  async confirmMfaEnrollment(
    @CurrentActor() actor: Actor,
    @Args('code') code: string,
    @Meta() meta: RequestMeta,
  ): Promise<MfaRecoveryCodes> {
    return { codes: await this.mfa.confirmEnrollment(actor, code, meta) };
  }

  @RequirePermission(Permission.SELF)
  @Mutation(() => Boolean, { description: 'Turn off one’s second factor (asks for the password).' })
  async disableMfa(
    @CurrentActor() actor: Actor,
    @Args('password') password: string,
    @Meta() meta: RequestMeta,
  ): Promise<boolean> {
    await this.mfa.disable(actor, password, meta);
    return true;
  }
}
