import {
  seedOrganization,
  spawnBuilt,
  startTestApi,
  type SeededOrganization,
  type TestApi,
} from '@academy/testing';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

interface AuditPage {
  auditEvents: {
    totalCount: number;
    edges: {
      node: {
        sequence: string;
        action: string;
        outcome: string;
        actorId: string | null;
        targetId: string | null;
        requestId: string | null;
        details: Record<string, unknown>;
      };
    }[];
    pageInfo: { endCursor: string | null; hasNextPage: boolean };
  };
}

const AUDIT = `query Audit($filter: AuditEventFilter, $first: Int, $after: String) {
  auditEvents(filter: $filter, first: $first, after: $after) {
    totalCount
    edges { node { sequence action outcome actorId targetId requestId details } }
    pageInfo { endCursor hasNextPage }
  }
}`;

describe('audit trail', () => {
  let api: TestApi;
  let org: SeededOrganization;
  let db: DataSource;

  beforeAll(async () => {
    api = await startTestApi();
    org = await seedOrganization(api, 'audit-co');
    db = api.app.get(DataSource);
    await api.graphql(
      'mutation { signIn(input: { organizationSlug: "audit-co", email: "admin@audit-co.test", password: "definitely not the password" }) { __typename } }',
    );
    await api.graphql(
      'mutation($id: ID!) { changeUserRole(id: $id, role: ADMIN) { role } }',
      { id: org.learner.id },
      { ...org.admin.auth, 'x-request-id': 'role-change-1' },
    );
  });

  afterAll(async () => {
    await api.close();
  });

  const audit = (variables: Record<string, unknown>) =>
    api.graphql<AuditPage>(AUDIT, variables, org.admin.auth);

  it('records sign-ins, failures, invitations and admin changes with actor, target and request id', async () => {
    const { body } = await audit({ first: 100 });
    const actions =
      body.data?.auditEvents.edges.map((edge) => `${edge.node.action}:${edge.node.outcome}`) ?? [];
    expect(actions).toEqual(
      expect.arrayContaining([
        'organization.created:SUCCESS',
        'user.invited:SUCCESS',
        'user.invitation_accepted:SUCCESS',
        'auth.sign_in:SUCCESS',
        'auth.sign_in:FAILURE',
        'user.role_changed:SUCCESS',
      ]),
    );
    const roleChange = await audit({ filter: { action: 'user.role_changed' } });
    expect(roleChange.body.data?.auditEvents.edges[0]?.node).toMatchObject({
      actorId: org.admin.id,
      targetId: org.learner.id,
      requestId: 'role-change-1',
      details: { from: 'LEARNER', to: 'ADMIN' },
    });
    const failure = await audit({ filter: { action: 'auth.sign_in' } });
    const failed = failure.body.data?.auditEvents.edges.find(
      (edge) => edge.node.outcome === 'FAILURE',
    );
    expect(failed?.node.details).toEqual({
      email: 'admin@audit-co.test',
      reason: 'wrong-password',
    });
  });

  it('filters by actor and pages newest first', async () => {
    const byAdmin = await audit({ filter: { actorId: org.admin.id }, first: 2 });
    const page = byAdmin.body.data?.auditEvents;
    expect(page?.edges).toHaveLength(2);
    expect(Number(page?.edges[0]?.node.sequence)).toBeGreaterThan(
      Number(page?.edges[1]?.node.sequence),
    );
    const next = await audit({
      filter: { actorId: org.admin.id },
      first: 100,
      after: page?.pageInfo.endCursor,
    });
    expect(
      next.body.data?.auditEvents.edges.every((edge) => edge.node.actorId === org.admin.id),
    ).toBe(true);
    expect((next.body.data?.auditEvents.edges.length ?? 0) + 2).toBe(page?.totalCount);
  });

  it('is refused to managers (the authorization matrix covers every role)', async () => {
    const { body } = await api.graphql(AUDIT, {}, org.manager.auth);
    expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('cannot be updated, deleted or truncated, even with direct SQL', async () => {
    await expect(db.query("UPDATE audit_events SET action = 'forged'")).rejects.toThrow(
      /append-only: UPDATE/,
    );
    await expect(db.query('DELETE FROM audit_events')).rejects.toThrow(/append-only: DELETE/);
    await expect(db.query('TRUNCATE audit_events')).rejects.toThrow(/append-only: TRUNCATE/);
  });

  it('`audit verify` passes an intact chain and names the first tampered row', async () => {
    const intact = spawnBuilt('cli', {}, ['audit', 'verify']);
    expect(await intact.exited).toBe(0);
    expect(intact.output()).toContain('Audit trail intact');

    // An attacker with superuser rights switches the trigger off and edits history.
    await db.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only');
    await db.query(
      `UPDATE audit_events SET details = '{"from":"LEARNER","to":"LEARNER"}' WHERE organization_id = $1 AND action = 'user.role_changed'`,
      [org.id],
    );
    await db.query('ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only');
    const [tampered] = await db.query<{ sequence: string }[]>(
      `SELECT sequence FROM audit_events WHERE organization_id = $1 AND action = 'user.role_changed'`,
      [org.id],
    );

    const broken = spawnBuilt('cli', {}, ['audit', 'verify']);
    expect(await broken.exited).toBe(1);
    expect(broken.output()).toContain(
      `BROKEN organization ${org.id} at sequence ${tampered?.sequence ?? '?'}`,
    );
    expect(broken.output()).toContain('the row was changed');
  });
});
