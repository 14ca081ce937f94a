import type { EntityManager } from 'typeorm';

/**
 * The person's role in the run: null when they take no part in it, as for a run of another
 * organization.
 */
export async function roleInRun(
  manager: EntityManager,
  organizationId: string,
  runId: string,
  userId: string,
): Promise<string | null> {
  const [participant] = await manager.query<{ role_slug: string }[]>(
    'SELECT role_slug FROM drill_participants WHERE organization_id = $1 AND run_id = $2 AND user_id = $3',
    [organizationId, runId, userId],
  );
  return participant?.role_slug ?? null;
}
