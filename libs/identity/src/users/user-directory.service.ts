import { Inject, Injectable } from '@nestjs/common';
import {
  DomainError,
  containsPattern,
  decodeCursor,
  toConnection,
  type Connection,
} from '@academy/common';
import { Brackets, DataSource, type SelectQueryBuilder } from 'typeorm';
import type { Actor } from '../access/actor.js';
import { Permission, roleHas } from '../access/permissions.js';
import { UserEntity, type Role, type UserStatus } from '../entities/user.entity.js';
import { IdentityErrors } from '../identity.errors.js';

export interface UserFilter {
  search?: string | null;
  role?: Role | null;
  status?: UserStatus | null;
  department?: string | null;
  groupId?: string | null;
}

/** The reporting subtree below a manager (direct and indirect reports), as SQL for `IN (...)`. */
const REPORTS_OF = `
  WITH RECURSIVE reports AS (
    SELECT id FROM users WHERE manager_id = :managerId AND organization_id = :organizationId
    UNION
    SELECT u.id FROM users u JOIN reports r ON u.manager_id = r.id
     WHERE u.organization_id = :organizationId
  )
  SELECT id FROM reports`;

/**
 * Reads people, always inside the actor's organization; managers see themselves and their
 * reporting line, learners only themselves. A person the actor may not see answers exactly like one that does not exist.
 */
@Injectable()
export class UserDirectory {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async list(
    actor: Actor,
    filter: UserFilter,
    first: number,
    after?: string | null,
  ): Promise<Connection<UserEntity>> {
    const query = this.visibleTo(actor);
    if (filter.search?.trim()) {
      const pattern = containsPattern(filter.search.trim());
      query.andWhere(
        new Brackets((where) => {
          where
            .where('user.email ILIKE :pattern', { pattern })
            .orWhere('user.display_name ILIKE :pattern');
        }),
      );
    }
    if (filter.role) query.andWhere('user.role = :role', { role: filter.role });
    if (filter.status) query.andWhere('user.status = :status', { status: filter.status });
    if (filter.department)
      query.andWhere('user.department = :department', { department: filter.department });
    if (filter.groupId) {
      query.andWhere(
        'user.id IN (SELECT user_id FROM group_members WHERE group_id = :groupId AND organization_id = :organizationId)',
        { groupId: filter.groupId },
      );
    }
    const totalCount = await query.getCount();
    if (after) {
      const position = decodeCursor(after);
      query.andWhere('(user.email, user.id) > (:afterEmail, :afterId)', {
        afterEmail: position.sort,
        afterId: position.id,
      });
    }
    const rows = await query
      .orderBy('user.email', 'ASC')
      .addOrderBy('user.id', 'ASC')
      .take(first + 1)
      .getMany();
    return toConnection(rows, first, after, totalCount, (user) => ({
      sort: user.email,
      id: user.id,
    }));
  }

  /** A person the actor may see; NOT_FOUND otherwise (whether or not they exist elsewhere). */
  async get(actor: Actor, id: string): Promise<UserEntity> {
    const user = await this.visibleTo(actor).andWhere('user.id = :id', { id }).getOne();
    if (!user) throw new DomainError(IdentityErrors.NOT_FOUND, 'No such person.');
    return user;
  }

  /**
   * The active people among `ids` the actor may see (one query, whatever the number of ids):
   * a manager acting on a list of people reaches only their reporting line.
   */
  async activeAmong(actor: Actor, ids: readonly string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = await this.visibleTo(actor)
      .select('user.id', 'id')
      .andWhere('user.id = ANY(CAST(:ids AS uuid[]))', { ids })
      .andWhere('user.status = :active', { active: 'ACTIVE' })
      .getRawMany<{ id: string }>();
    return rows.map((row) => row.id);
  }

  private visibleTo(actor: Actor): SelectQueryBuilder<UserEntity> {
    const query = this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('user')
      .where('user.organization_id = :organizationId', { organizationId: actor.organizationId });
    if (roleHas(actor.role, Permission.PEOPLE_MANAGE)) return query;
    if (roleHas(actor.role, Permission.PEOPLE_READ) && actor.kind === 'USER') {
      return query.andWhere(`(user.id = :managerId OR user.id IN (${REPORTS_OF}))`, {
        managerId: actor.id,
      });
    }
    return query.andWhere('user.id = :self', { self: actor.id });
  }
}
