import { Inject } from '@nestjs/common';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { type Connection, IdArg, PageArgs } from '@academy/common';
import type { Actor, RequestMeta } from '../../access/actor.js';
import { Permission } from '../../access/permissions.js';
import { BulkInviteService } from '../../invitations/bulk-invite.service.js';
import { OnboardingService } from '../../invitations/onboarding.service.js';
import { MfaService } from '../../mfa/mfa.service.js';
import { UserAdmin } from '../../users/user-admin.service.js';
import { UserDirectory } from '../../users/user-directory.service.js';
import { CurrentActor, Meta, RequirePermission } from '../access.decorators.js';
import {
  BulkInviteInput,
  InviteUserInput,
  UpdateUserInput,
  UserFilterInput,
} from '../inputs/admin.inputs.js';
import { toUser, toUserConnection } from '../mappers.js';
import { BulkInviteReport, Invitation } from '../objects/admin.object.js';
import { Role } from '../objects/enums.js';
import { User, UserConnection } from '../objects/user.object.js';

/** Listing and managing people. Managers read their reporting line; admins everyone. */
@Resolver()
export class PeopleResolver {
  constructor(
    @Inject(UserDirectory) private readonly directory: UserDirectory,
    @Inject(UserAdmin) private readonly userAdmin: UserAdmin,
    @Inject(OnboardingService) private readonly onboarding: OnboardingService,
    @Inject(BulkInviteService) private readonly bulk: BulkInviteService,
    @Inject(MfaService) private readonly mfa: MfaService,
  ) {}

  @RequirePermission(Permission.PEOPLE_READ)
  @Query(() => UserConnection, {
    description:
      'People of the organization (admins) or one’s direct and indirect reports (managers), by email.',
  })
  async users(
    @CurrentActor() actor: Actor,
    @Args() page: PageArgs,
    @Args('filter', { type: () => UserFilterInput, nullable: true })
    filter?: UserFilterInput | null,
  ): Promise<Connection<User>> {
    return toUserConnection(await this.directory.list(actor, filter ?? {}, page.first, page.after));
  }

  @RequirePermission(Permission.PEOPLE_READ)
  @Query(() => User, { description: 'One person the caller may see.' })
  async user(@CurrentActor() actor: Actor, @IdArg('id') id: string): Promise<User> {
    return toUser(await this.directory.get(actor, id));
  }

  @RequirePermission(Permission.PEOPLE_MANAGE)
  @Mutation(() => Invitation, {
    description: 'Invite a person; the invitation (valid 7 days) is sent as a message.',
  })
  async inviteUser(
    @CurrentActor() actor: Actor,
    @Args('input') input: InviteUserInput,
    @Meta() meta: RequestMeta,
  ): Promise<Invitation> {
    const { user, expiresAt } = await this.onboarding.invite(actor, input, meta);
    return { user: toUser(user), expiresAt };
  }

  @RequirePermission(Permission.PEOPLE_MANAGE)
  @Mutation(() => Invitation, { description: 'Send a new invitation, replacing the earlier one.' })
  async resendInvitation(
    @CurrentActor() actor: Actor,
    @IdArg('userId') userId: string,
    @Meta() meta: RequestMeta,
  ): Promise<Invitation> {
    const { user, expiresAt } = await this.onboarding.resendInvitation(actor, userId, meta);
    return { user: toUser(user), expiresAt };
  }

  @RequirePermission(Permission.PEOPLE_MANAGE)
  @Mutation(() => BulkInviteReport, {
    description: 'Invite many people from CSV text, with a report per row.',
  })
  bulkInviteUsers(
    @CurrentActor() actor: Actor,
    @Args('input') input: BulkInviteInput,
    @Meta() meta: RequestMeta,
  ): Promise<BulkInviteReport> {
    return this.bulk.invite(actor, input.csv, input.atomic, meta);
  }

  @RequirePermission(Permission.PEOPLE_MANAGE)
  @Mutation(() => User, { description: 'Change a person’s profile or manager.' })
  async updateUser(
    @CurrentActor() actor: Actor,
    @IdArg('id') id: string,
    @Args('input') input: UpdateUserInput,
    @Meta() meta: RequestMeta,
  ): Promise<User> {
    return toUser(await this.userAdmin.update(actor, id, input, meta));
  }

  @RequirePermission(Permission.PEOPLE_MANAGE)
  @Mutation(() => User, {
    description: 'Change a person’s role; the last active admin keeps theirs.',
  })
  async changeUserRole(
    @CurrentActor() actor: Actor,
    @IdArg('id') id: string,
    @Args('role', { type: () => Role }) role: Role,
    @Meta() meta: RequestMeta,
  ): Promise<User> {
    return toUser(await this.userAdmin.changeRole(actor, id, role, meta));
  }

  @RequirePermission(Permission.PEOPLE_MANAGE)
  @Mutation(() => User, {
    description: 'Stop a person from signing in and end their sessions; history is kept.',
  })
  async deactivateUser(
    @CurrentActor() actor: Actor,
    @IdArg('id') id: string,
    @Meta() meta: RequestMeta,
  ): Promise<User> {
    return toUser(await this.userAdmin.deactivate(actor, id, meta));
  }

  @RequirePermission(Permission.PEOPLE_MANAGE)
  @Mutation(() => User, { description: 'Let a deactivated person sign in again.' })
  async reactivateUser(
    @CurrentActor() actor: Actor,
    @IdArg('id') id: string,
    @Meta() meta: RequestMeta,
  ): Promise<User> {
    return toUser(await this.userAdmin.reactivate(actor, id, meta));
  }

  @RequirePermission(Permission.PEOPLE_MANAGE)
  @Mutation(() => User, {
    description: 'Remove a person’s second factor (e.g. a lost phone) so they can enrol again.',
  })
  async resetUserMfa(
    @CurrentActor() actor: Actor,
    @IdArg('id') id: string,
    @Meta() meta: RequestMeta,
  ): Promise<User> {
    return toUser(await this.mfa.resetFor(actor, id, meta));
  }
}
