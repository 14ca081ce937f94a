import type { EntityManager } from 'typeorm';

/**
 * Those of `userIds` who are active people of the organization: only they are put on a run's
 * team (someone deactivated, or of another organization, is not).
 */
export async function activeAmong(
  manager: EntityManager,
  organizationId: string,
  userIds: readonly string[],
): Promise<Set<string>> {
  const rows = await manager.query<{ id: string }[]>(
    `SELECT id FROM users WHERE organization_id = $1 AND id = ANY($2::uuid[]) AND status = 'ACTIVE'`,
    [organizationId, userIds],
  );
  return new Set(rows.map((row) => row.id));
}
