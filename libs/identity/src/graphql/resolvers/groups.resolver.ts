import { Inject } from '@nestjs/common';
import {
  Args,
  Context,
  ID,
  Int,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import { type Connection, IdArg, PageArgs } from '@academy/common';
import type { Actor, RequestMeta } from '../../access/actor.js';
import { Permission } from '../../access/permissions.js';
import type { GroupEntity } from '../../entities/group.entity.js';
import { GroupService } from '../../groups/group.service.js';
import { CurrentActor, Meta, RequirePermission } from '../access.decorators.js';
import { GroupMemberCountsLoader } from '../group-member-counts.loader.js';
import { CreateGroupInput, GroupFilterInput, UpdateGroupInput } from '../inputs/admin.inputs.js';
import { Group, GroupConnection } from '../objects/group.object.js';

@Resolver(() => Group)
export class GroupsResolver {
  constructor(
    @Inject(GroupService) private readonly groupService: GroupService,
    @Inject(GroupMemberCountsLoader) private readonly memberCounts: GroupMemberCountsLoader,
  ) {}

  @RequirePermission(Permission.GROUPS_READ)
  @Query(() => GroupConnection, { description: 'Groups of the organization, by name.' })
  groups(
    @CurrentActor() actor: Actor,
    @Args() page: PageArgs,
    @Args('filter', { type: () => GroupFilterInput, nullable: true })
    filter?: GroupFilterInput | null,
  ): Promise<Connection<GroupEntity>> {
    return this.groupService.list(actor, filter ?? {}, page.first, page.after);
  }

  @RequirePermission(Permission.GROUPS_READ)
  @Query(() => Group, { description: 'One group.' })
  group(@CurrentActor() actor: Actor, @IdArg('id') id: string): Promise<GroupEntity> {
    return this.groupService.get(actor, id);
  }

  @ResolveField(() => Int, { description: 'How many people the group has.' })
  memberCount(@Parent() group: GroupEntity, @Context('req') request: object): Promise<number> {
    return this.memberCounts.load(request, group.id);
  }

  @RequirePermission(Permission.GROUPS_MANAGE)
  @Mutation(() => Group)
  createGroup(
    @CurrentActor() actor: Actor,
    @Args('input') input: CreateGroupInput,
    @Meta() meta: RequestMeta,
  ): Promise<GroupEntity> {
    return this.groupService.create(actor, input, meta);
  }

  @RequirePermission(Permission.GROUPS_MANAGE)
  @Mutation(() => Group)
  updateGroup(
    @CurrentActor() actor: Actor,
    @IdArg('id') id: string,
    @Args('input') input: UpdateGroupInput,
    @Meta() meta: RequestMeta,
  ): Promise<GroupEntity> {
    return this.groupService.update(actor, id, input, meta);
  }

  @RequirePermission(Permission.GROUPS_MANAGE)
  @Mutation(() => Boolean, { description: 'Delete a group; its members stay in the organization.' })
  async deleteGroup(
    @CurrentActor() actor: Actor,
    @IdArg('id') id: string,
    @Meta() meta: RequestMeta,
  ): Promise<boolean> {
    await this.groupService.delete(actor, id, meta);
    return true;
  }

  @RequirePermission(Permission.GROUPS_MANAGE)
  @Mutation(() => Group, {
    description: 'Add people to a group (already members are left as they are).',
  })
  addGroupMembers(
    @CurrentActor() actor: Actor,
    @IdArg('groupId') groupId: string,
    @Args('userIds', { type: () => [ID] }) userIds: string[],
    @Meta() meta: RequestMeta,
  ): Promise<GroupEntity> {
    return this.groupService.addMembers(actor, groupId, userIds, meta);
  }

  @RequirePermission(Permission.GROUPS_MANAGE)
  @Mutation(() => Group)
  removeGroupMembers(
    @CurrentActor() actor: Actor,
    @IdArg('groupId') groupId: string,
    @Args('userIds', { type: () => [ID] }) userIds: string[],
    @Meta() meta: RequestMeta,
  ): Promise<GroupEntity> {
    return this.groupService.removeMembers(actor, groupId, userIds, meta);
  }
}
