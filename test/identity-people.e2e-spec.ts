import {
  seedOrganization,
  signIn,
  startTestApi,
  type SeededOrganization,
  type TestApi,
} from '@academy/testing';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

interface UserNode {
  email: string;
  role: string;
  status: string;
  managerId: string | null;
}
interface UsersPage {
  users: {
    totalCount: number;
    edges: { cursor: string; node: UserNode }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

const USERS = `query Users($first: Int, $after: String, $filter: UserFilter) {
  users(first: $first, after: $after, filter: $filter) {
    totalCount edges { cursor node { email role status managerId } } pageInfo { hasNextPage endCursor }
  }
}`;

describe('people, groups, bulk invitations and API keys', () => {
  let api: TestApi;
  let org: SeededOrganization;

  beforeAll(async () => {
    api = await startTestApi();
    org = await seedOrganization(api, 'people-co');
  });

  afterAll(async () => {
    await api.close();
  });

  const asAdmin = <T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ) => api.graphql<T>(query, variables, org.admin.auth);

  it('imports people from CSV, reporting each row, and all-or-nothing when atomic', async () => {
    await asAdmin(
      'mutation { createGroup(input: { name: "Engineering", kind: DEPARTMENT }) { id } }',
    );
    const csv = [
      'email,name,department,manager_email,groups',
      'ana@people-co.test,Ana Alvarez,Engineering,manager@people-co.test,Engineering',
      'bo@people-co.test,Bo Berg,Engineering,ana@people-co.test,',
      'not-an-email,Broken Row,,,',
      'cy@people-co.test,Cy Chen,,,Unknown Team',
      'learner@people-co.test,Lee Renamed,Support,,',
    ].join('\n');
    const bulk = (atomic: boolean) =>
      asAdmin<{
        bulkInviteUsers: {
          applied: boolean;
          rows: { line: number; email: string; outcome: string; reason: string | null }[];
        };
      }>(
        'mutation($input: BulkInviteInput!) { bulkInviteUsers(input: $input) { applied rows { line email outcome reason } } }',
        { input: { csv, atomic } },
      );
    const countUsers = async () =>
      Number(
        (await api.app.get(DataSource).query<{ n: string }[]>('SELECT count(*) AS n FROM users'))[0]
          ?.n,
      );

    const before = await countUsers();
    const atomic = await bulk(true);
    expect(atomic.body.data?.bulkInviteUsers.applied).toBe(false);
    expect(await countUsers()).toBe(before);

    const partial = await bulk(false);
    expect(partial.body.data?.bulkInviteUsers).toEqual({
      applied: true,
      rows: [
        { line: 2, email: 'ana@people-co.test', outcome: 'CREATED', reason: null },
        { line: 3, email: 'bo@people-co.test', outcome: 'CREATED', reason: null },
        {
          line: 4,
          email: 'not-an-email',
          outcome: 'REJECTED',
          reason: 'The email address is not valid.',
        },
        {
          line: 5,
          email: 'cy@people-co.test',
          outcome: 'REJECTED',
          reason: 'There is no group named "Unknown Team".',
        },
        { line: 6, email: 'learner@people-co.test', outcome: 'UPDATED', reason: null },
      ],
    });
    expect(await countUsers()).toBe(before + 2);
    const bo = await asAdmin<UsersPage>(USERS, { filter: { search: 'bo@' } });
    const ana = await asAdmin<UsersPage>(USERS, { filter: { search: 'ana@' } });
    expect(bo.body.data?.users.edges[0]?.node.managerId).toBeTruthy();
    expect(ana.body.data?.users.edges[0]?.node.managerId).toBe(org.manager.id);
  });

  it('refuses a CSV with an unknown column, changing nothing', async () => {
    const { body } = await asAdmin(
      'mutation($input: BulkInviteInput!) { bulkInviteUsers(input: $input) { applied } }',
      {
        input: { csv: 'email,name,salary\nx@people-co.test,X,1', atomic: false },
      },
    );
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0]?.message).toContain('Unknown: salary');
  });

  it('lists people with filters and keyset pagination', async () => {
    const first = await asAdmin<UsersPage>(USERS, { first: 2 });
    const page = first.body.data?.users;
    expect(page?.totalCount).toBe(5);
    expect(page?.edges.map((edge) => edge.node.email)).toEqual([
      'admin@people-co.test',
      'ana@people-co.test',
    ]);
    const second = await asAdmin<UsersPage>(USERS, { first: 10, after: page?.pageInfo.endCursor });
    expect(second.body.data?.users.edges.map((edge) => edge.node.email)).toEqual([
      'bo@people-co.test',
      'learner@people-co.test',
      'manager@people-co.test',
    ]);
    expect(second.body.data?.users.pageInfo.hasNextPage).toBe(false);
    const managers = await asAdmin<UsersPage>(USERS, { filter: { role: 'MANAGER' } });
    expect(managers.body.data?.users.edges.map((edge) => edge.node.email)).toEqual([
      'manager@people-co.test',
    ]);
    const tooMany = await asAdmin(USERS, { first: 101 });
    expect(tooMany.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const badCursor = await asAdmin(USERS, { after: 'garbage' });
    expect(badCursor.body.errors?.[0]?.extensions?.reason).toBe('PAGINATION_INVALID_CURSOR');
  });

  it('shows a manager themselves and their direct and indirect reports only', async () => {
    const { body } = await api.graphql<UsersPage>(USERS, { first: 20 }, org.manager.auth);
    expect(body.data?.users.edges.map((edge) => edge.node.email)).toEqual([
      'ana@people-co.test',
      'bo@people-co.test',
      'learner@people-co.test',
      'manager@people-co.test',
    ]);
    const admin = await api.graphql(
      'query($id: ID!) { user(id: $id) { email } }',
      { id: org.admin.id },
      org.manager.auth,
    );
    expect(admin.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('refuses a reporting cycle and a manager from nowhere', async () => {
    const cycle = await asAdmin(
      'mutation($id: ID!, $m: ID) { updateUser(id: $id, input: { managerId: $m }) { id } }',
      {
        id: org.manager.id,
        m: org.learner.id,
      },
    );
    expect(cycle.body.errors?.[0]?.message).toBe(
      'A person cannot report to someone in their own reporting line.',
    );
    const nowhere = await asAdmin(
      'mutation($id: ID!, $m: ID) { updateUser(id: $id, input: { managerId: $m }) { id } }',
      {
        id: org.learner.id,
        m: '00000000-0000-4000-8000-000000000000',
      },
    );
    expect(nowhere.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('changes roles, keeps the last admin, and deactivation ends sessions and sign-in', async () => {
    const lastAdmin = await asAdmin(
      'mutation($id: ID!) { changeUserRole(id: $id, role: LEARNER) { role } }',
      { id: org.admin.id },
    );
    expect(lastAdmin.body.errors?.[0]?.extensions).toEqual({
      code: 'CONFLICT',
      reason: 'IDENTITY_LAST_ADMIN',
    });

    const learnerSession = await signIn(api, org.slug, org.learner.email, org.learner.password);
    const deactivated = await asAdmin<{ deactivateUser: { status: string } }>(
      'mutation($id: ID!) { deactivateUser(id: $id) { status } }',
      { id: org.learner.id },
    );
    expect(deactivated.body.data?.deactivateUser.status).toBe('DEACTIVATED');
    const me = await api.graphql('{ me { id } }', undefined, learnerSession.auth);
    expect(me.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    await expect(signIn(api, org.slug, org.learner.email, org.learner.password)).rejects.toThrow(
      /IDENTITY_INVALID_CREDENTIALS/,
    );
    await asAdmin('mutation($id: ID!) { reactivateUser(id: $id) { status } }', {
      id: org.learner.id,
    });
    await expect(
      signIn(api, org.slug, org.learner.email, org.learner.password),
    ).resolves.toBeDefined();
  });

  it('manages groups and their members, counting members in one query', async () => {
    const created = await asAdmin<{ createGroup: { id: string } }>(
      'mutation { createGroup(input: { name: "Red Team" }) { id } }',
    );
    const id = created.body.data?.createGroup.id;
    const duplicate = await asAdmin('mutation { createGroup(input: { name: "Red Team" }) { id } }');
    expect(duplicate.body.errors?.[0]?.extensions?.reason).toBe('IDENTITY_GROUP_NAME_TAKEN');
    await asAdmin(
      'mutation($g: ID!, $u: [ID!]!) { addGroupMembers(groupId: $g, userIds: $u) { id } }',
      {
        g: id,
        u: [org.learner.id, org.manager.id],
      },
    );
    const groups = await asAdmin<{
      groups: { edges: { node: { name: string; memberCount: number } }[] };
    }>('{ groups { edges { node { name memberCount } } } }');
    expect(groups.body.data?.groups.edges.map((edge) => edge.node)).toEqual([
      { name: 'Engineering', memberCount: 1 },
      { name: 'Red Team', memberCount: 2 },
    ]);
    const members = await asAdmin<UsersPage>(USERS, { filter: { groupId: id } });
    expect(members.body.data?.users.totalCount).toBe(2);
    const filtered = async (filter: Record<string, string>) =>
      (
        await asAdmin<{ groups: { edges: { node: { name: string } }[] } }>(
          'query($filter: GroupFilter) { groups(filter: $filter) { edges { node { name } } } }',
          { filter },
        )
      ).body.data?.groups.edges.map((edge) => edge.node.name);
    expect(await filtered({ kind: 'DEPARTMENT' })).toEqual(['Engineering']);
    expect(await filtered({ search: 'red' })).toEqual(['Red Team']);
  });

  it('creates API keys that authenticate until revoked or expired', async () => {
    const created = await asAdmin<{ createApiKey: { apiKey: { id: string }; secret: string } }>(
      'mutation { createApiKey(input: { name: "HRIS sync", role: ADMIN, expiresInDays: 30 }) { apiKey { id } secret } }',
    );
    const { apiKey, secret } = created.body.data?.createApiKey ?? {
      apiKey: { id: '' },
      secret: '',
    };
    const asKey = { authorization: `Bearer ${secret}` };
    const listed = await api.graphql<UsersPage>(USERS, { first: 1 }, asKey);
    expect(listed.body.data?.users.totalCount).toBe(5);
    // A key acts for the organization, not a person: it has no learning of its own.
    const ownLearning = await api.graphql('{ myLearning { overdueCount } }', undefined, asKey);
    expect(ownLearning.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(ownLearning.body.errors?.[0]?.message).toBe(
      'Only a signed-in person has their own learning.',
    );
    const keys = await asAdmin<{ apiKeys: { name: string }[] }>('{ apiKeys { name } }');
    expect(JSON.stringify(keys.body)).not.toContain(secret.split('_').pop());
    await asAdmin('mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }', { id: apiKey.id });
    const afterRevoke = await api.graphql(USERS, { first: 1 }, asKey);
    expect(afterRevoke.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const tampered = await api.graphql(
      USERS,
      { first: 1 },
      { authorization: `Bearer ${secret.slice(0, -2)}xx` },
    );
    expect(tampered.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const tooLong = await asAdmin(
      'mutation { createApiKey(input: { name: "x", role: ADMIN, expiresInDays: 400 }) { secret } }',
    );
    expect(tooLong.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
