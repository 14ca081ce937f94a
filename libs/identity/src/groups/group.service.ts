import { Inject, Injectable } from '@nestjs/common';
import {
  DomainError,
  containsPattern,
  decodeCursor,
  toConnection,
  type Connection,
} from '@academy/common';
import { DomainEvents } from '@academy/database';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { Actor, RequestMeta } from '../access/actor.js';
import { AuditTrail } from '../audit/audit-trail.service.js';
import { GroupMemberEntity } from '../entities/group-member.entity.js';
import { GroupEntity, type GroupKind } from '../entities/group.entity.js';
import { UserEntity } from '../entities/user.entity.js';
import { IdentityErrors } from '../identity.errors.js';

export interface GroupInput {
  name: string;
  kind: GroupKind;
  description?: string | null;
}

/** Groups (departments, teams) and their members, always within the actor's organization. */
@Injectable()
export class GroupService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(AuditTrail) private readonly audit: AuditTrail,
    @Inject(DomainEvents) private readonly events: DomainEvents,
  ) {}

  async list(
    actor: Actor,
    filter: { search?: string | null; kind?: GroupKind | null },
    first: number,
    after?: string | null,
  ): Promise<Connection<GroupEntity>> {
    const query = this.dataSource
      .getRepository(GroupEntity)
      .createQueryBuilder('g')
      .where('g.organization_id = :organizationId', { organizationId: actor.organizationId });
    if (filter.search?.trim()) {
      query.andWhere('g.name ILIKE :pattern', {
        pattern: containsPattern(filter.search.trim()),
      });
    }
    if (filter.kind) query.andWhere('g.kind = :kind', { kind: filter.kind });
    const totalCount = await query.getCount();
    if (after) {
      const position = decodeCursor(after);
      query.andWhere('(g.name, g.id) > (:afterName, :afterId)', {
        afterName: position.sort,
        afterId: position.id,
      });
    }
    const rows = await query
      .orderBy('g.name')
      .addOrderBy('g.id')
      .take(first + 1)
      .getMany();
    return toConnection(rows, first, after, totalCount, (group) => ({
      sort: group.name,
      id: group.id,
    }));
  }

  async get(actor: Actor, id: string): Promise<GroupEntity> {
    const group = await this.dataSource
      .getRepository(GroupEntity)
      .findOneBy({ id, organizationId: actor.organizationId });
    if (!group) throw new DomainError(IdentityErrors.NOT_FOUND, 'No such group.');
    return group;
  }

  async create(actor: Actor, input: GroupInput, meta: RequestMeta): Promise<GroupEntity> {
    const name = this.validName(input.name);
    return this.dataSource.transaction(async (manager) => {
      await this.assertNameFree(manager, actor.organizationId, name);
      const group = await manager.getRepository(GroupEntity).save({
        organizationId: actor.organizationId,
        name,
        kind: input.kind,
        description: input.description?.trim() || null,
      });
      await this.audited(manager, actor, 'group.created', group.id, meta, { name });
      return group;
    });
  }

  async update(actor: Actor, id: string, input: Partial<GroupInput>, meta: RequestMeta) {
    return this.dataSource.transaction(async (manager) => {
      const group = await this.getWithin(manager, actor, id);
      if (input.name !== undefined) {
        const name = this.validName(input.name);
        if (name !== group.name) await this.assertNameFree(manager, actor.organizationId, name);
        group.name = name;
      }
      if (input.kind) group.kind = input.kind;
      if (input.description !== undefined) group.description = input.description?.trim() || null;
      await manager.save(group);
      await this.audited(manager, actor, 'group.updated', id, meta, {
        changed: Object.keys(input),
      });
      return group;
    });
  }

  async delete(actor: Actor, id: string, meta: RequestMeta): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.getWithin(manager, actor, id);
      await manager.delete(GroupEntity, { id, organizationId: actor.organizationId });
      await this.audited(manager, actor, 'group.deleted', id, meta, {});
    });
  }

  async addMembers(actor: Actor, groupId: string, userIds: string[], meta: RequestMeta) {
    return this.dataSource.transaction(async (manager) => {
      const group = await this.getWithin(manager, actor, groupId);
      const users = await this.usersOf(manager, actor.organizationId, userIds);
      await manager
        .createQueryBuilder()
        .insert()
        .into(GroupMemberEntity)
        .values(
          users.map((user) => ({ groupId, userId: user.id, organizationId: actor.organizationId })),
        )
        .orIgnore()
        .execute();
      await this.events.publish(manager, 'identity.group-members-added', {
        organizationId: actor.organizationId,
        groupId,
        userIds: users.map((user) => user.id),
      });
      await this.audited(manager, actor, 'group.members_added', groupId, meta, { userIds });
      return group;
    });
  }

  async removeMembers(actor: Actor, groupId: string, userIds: string[], meta: RequestMeta) {
    return this.dataSource.transaction(async (manager) => {
      const group = await this.getWithin(manager, actor, groupId);
      await manager.delete(GroupMemberEntity, {
        groupId,
        userId: In(userIds),
        organizationId: actor.organizationId,
      });
      await this.audited(manager, actor, 'group.members_removed', groupId, meta, { userIds });
      return group;
    });
  }

  /** Adds one person to groups given by id, all of which must be in the organization. */
  async addMemberWithin(
    manager: EntityManager,
    organizationId: string,
    userId: string,
    groupIds: string[],
  ) {
    if (groupIds.length === 0) return;
    const groups = await manager
      .getRepository(GroupEntity)
      .findBy({ id: In(groupIds), organizationId });
    if (groups.length !== new Set(groupIds).size) {
      throw new DomainError(IdentityErrors.NOT_FOUND, 'No such group.');
    }
    await manager
      .createQueryBuilder()
      .insert()
      .into(GroupMemberEntity)
      .values(groups.map((group) => ({ groupId: group.id, userId, organizationId })))
      .orIgnore()
      .execute();
    for (const group of groups) {
      await this.events.publish(manager, 'identity.group-members-added', {
        organizationId,
        groupId: group.id,
        userIds: [userId],
      });
    }
  }

  /** Member counts of several groups in one query (for the per-request DataLoader). */
  async memberCounts(groupIds: readonly string[]): Promise<Map<string, number>> {
    const rows = await this.dataSource.query<{ group_id: string; count: number }[]>(
      `SELECT group_id, count(*)::int AS count FROM group_members
        WHERE group_id = ANY($1::uuid[]) GROUP BY group_id`,
      [groupIds],
    );
    return new Map(rows.map((row) => [row.group_id, row.count]));
  }

  private async usersOf(manager: EntityManager, organizationId: string, userIds: string[]) {
    const unique = [...new Set(userIds)];
    const users = unique.length
      ? await manager.getRepository(UserEntity).findBy({ id: In(unique), organizationId })
      : [];
    if (users.length !== unique.length)
      throw new DomainError(IdentityErrors.NOT_FOUND, 'No such person.');
    return users;
  }

  private async getWithin(manager: EntityManager, actor: Actor, id: string): Promise<GroupEntity> {
    const group = await manager
      .getRepository(GroupEntity)
      .findOneBy({ id, organizationId: actor.organizationId });
    if (!group) throw new DomainError(IdentityErrors.NOT_FOUND, 'No such group.');
    return group;
  }

  private validName(name: string): string {
    const trimmed = name.trim();
    if (!trimmed || trimmed.length > 100) {
      throw new DomainError(IdentityErrors.INVALID_INPUT, 'A group name has 1 to 100 characters.');
    }
    return trimmed;
  }

  private async assertNameFree(manager: EntityManager, organizationId: string, name: string) {
    if (await manager.getRepository(GroupEntity).existsBy({ organizationId, name })) {
      throw new DomainError(
        IdentityErrors.GROUP_NAME_TAKEN,
        'A group with this name already exists.',
      );
    }
  }

  private audited(
    manager: EntityManager,
    actor: Actor,
    action: string,
    groupId: string,
    meta: RequestMeta,
    details: Record<string, unknown>,
  ) {
    return this.audit.recordBy(manager, actor, action, {
      target: { type: 'group', id: groupId },
      meta,
      details,
    });
  }
}
