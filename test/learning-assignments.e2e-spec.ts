import {
  importLearningFixture,
  invitePerson,
  seedOrganization,
  startTestApi,
  type GraphqlResponse,
  type SeededOrganization,
  type SignedInPerson,
  type TestApi,
} from '@academy/testing';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ASSIGN = `mutation Assign($input: AssignLearningInput!) {
  assignLearning(input: $input) { peopleEnrolled assignment { id itemKind itemSlug dueOn dueWithinDays dueFrom recurrenceMonths } } }`;
const RULE = `mutation Rule($input: AssignmentRuleInput!) {
  createAssignmentRule(input: $input) { peopleEnrolled assignment { id followsGroupId followsNewHires } } }`;

describe('assignments', () => {
  let api: TestApi;
  let org: SeededOrganization;
  let db: DataSource;
  let counter = 0;

  const gql = async <T = Record<string, unknown>>(
    person: SignedInPerson,
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphqlResponse<T>['body']> =>
    (await api.graphql<T>(query, variables, person.auth)).body;
  const assign = (person: SignedInPerson, input: Record<string, unknown>) =>
    gql<{
      assignLearning: { peopleEnrolled: number; assignment: { id: string; dueOn: string | null } };
    }>(person, ASSIGN, { input: { itemKind: 'COURSE', itemSlug: 'policy', ...input } });
  const newPerson = async (managerId?: string, extra: Record<string, unknown> = {}) => {
    counter += 1;
    const person = await invitePerson(api, org.slug, org.admin, {
      email: `assignee-${counter}@assign.test`,
      displayName: `Ava Assignee ${counter}`,
      role: 'LEARNER',
      ...(managerId ? { managerId } : {}),
      ...extra,
    });
    return person;
  };
  const enrollmentsOf = (userId: string) =>
    db.query<
      {
        item_kind: string;
        item_slug: string;
        status: string;
        due_at: Date | null;
        assignment_id: string | null;
        withdrawn_reason: string | null;
      }[]
    >(
      `SELECT item_kind, item_slug, status, due_at, assignment_id, withdrawn_reason FROM enrollments
        WHERE user_id = $1 ORDER BY item_kind, item_slug, enrolled_at`,
      [userId],
    );
  const counts = async () =>
    (
      await db.query<{ a: number; e: number }[]>(
        'SELECT (SELECT count(*) FROM assignments)::int AS a, (SELECT count(*) FROM enrollments)::int AS e',
      )
    )[0];
  const createGroup = async (name: string, members: string[]) => {
    const group = await gql<{ createGroup: { id: string } }>(
      org.admin,
      `mutation { createGroup(input: { name: "${name}" }) { id } }`,
    );
    const id = group.data?.createGroup.id ?? '';
    if (members.length) {
      await gql(
        org.admin,
        'mutation Add($id: ID!, $users: [ID!]!) { addGroupMembers(groupId: $id, userIds: $users) { id } }',
        { id, users: members },
      );
    }
    return id;
  };

  beforeAll(async () => {
    api = await startTestApi();
    org = await seedOrganization(api, 'assign');
    db = api.app.get(DataSource);
    await importLearningFixture(api);
  });

  afterAll(async () => {
    await api.close();
  });

  it('assigns to people and groups once, with an absolute due date, and audits it', async () => {
    const [a, b] = [await newPerson(), await newPerson()];
    const group = await createGroup('Finance', [b.id]);
    const dueOn = new Date(Date.now() + 14 * 86_400_000).toISOString();
    const first = await assign(org.admin, { userIds: [a.id], groupIds: [group], dueOn });
    expect(first.data?.assignLearning).toMatchObject({ peopleEnrolled: 2, assignment: { dueOn } });
    const again = await assign(org.admin, { userIds: [a.id, b.id], dueOn });
    expect(again.data?.assignLearning.peopleEnrolled).toBe(0);
    for (const person of [a, b]) {
      const rows = await enrollmentsOf(person.id);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        item_slug: 'policy',
        status: 'not-started',
        assignment_id: first.data?.assignLearning.assignment.id,
      });
      expect(rows[0]?.due_at?.toISOString()).toBe(dueOn);
    }
    const [audit] = await db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'learning.assigned' AND organization_id = $1`,
      [org.id],
    );
    expect(audit?.n).toBe(2);
  });

  it('turns optional learning into assigned learning, and assigns a track with its courses', async () => {
    const person = await newPerson();
    await gql(person, 'mutation { enrollInCourse(courseSlug: "basics") { id } }');
    const result = await assign(org.admin, {
      itemKind: 'TRACK',
      itemSlug: 'essentials',
      userIds: [person.id],
      dueWithinDays: 10,
    });
    expect(result.data?.assignLearning.peopleEnrolled).toBe(1);
    const rows = await enrollmentsOf(person.id);
    expect(rows.map((row) => `${row.item_kind}:${row.item_slug}`)).toEqual([
      'course:basics',
      'course:policy',
      'track:essentials',
    ]);
    expect(rows.every((row) => row.assignment_id !== null)).toBe(true);
    const days = ((rows[0]?.due_at?.getTime() ?? 0) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(9.9);
    expect(days).toBeLessThan(10.1);
  });

  it('counts a relative due date from the hire date when asked', async () => {
    const hired = new Date(Date.now() - 20 * 86_400_000).toISOString().slice(0, 10);
    const person = await newPerson(undefined, { hiredOn: hired });
    await assign(org.admin, { userIds: [person.id], dueWithinDays: 30, dueFrom: 'HIRE' });
    const [row] = await enrollmentsOf(person.id);
    expect(row?.due_at?.toISOString().slice(0, 10)).toBe(
      new Date(new Date(`${hired}T00:00:00Z`).getTime() + 30 * 86_400_000)
        .toISOString()
        .slice(0, 10),
    );
  });

  it('refuses bad input with a clear error and writes nothing', async () => {
    const person = await newPerson();
    const before = await counts();
    const cases: [Record<string, unknown>, string][] = [
      [
        { userIds: [person.id], dueOn: new Date(Date.now() - 86_400_000).toISOString() },
        'LEARNING_INVALID_INPUT',
      ],
      [
        {
          userIds: [person.id],
          dueOn: new Date(Date.now() + 86_400_000).toISOString(),
          dueWithinDays: 3,
        },
        'LEARNING_INVALID_INPUT',
      ],
      [{ userIds: [person.id], dueFrom: 'HIRE' }, 'LEARNING_INVALID_INPUT'],
      [{ userIds: [] }, 'LEARNING_INVALID_INPUT'],
      [{ userIds: [person.id], itemSlug: 'no-such-course' }, 'CATALOG_NOT_FOUND'],
      [{ userIds: [person.id, '00000000-0000-4000-8000-000000000001'] }, 'IDENTITY_NOT_FOUND'],
      [{ groupIds: ['00000000-0000-4000-8000-000000000002'] }, 'IDENTITY_NOT_FOUND'],
      [{ userIds: [person.id], recurrenceMonths: 0 }, 'COMMON_INVALID_INPUT'],
    ];
    for (const [input, reason] of cases) {
      const body = await assign(org.admin, input);
      expect(body.errors?.[0]?.extensions?.reason, JSON.stringify(input)).toBe(reason);
    }
    expect(await counts()).toEqual(before);
  });

  it('lets managers assign to their reporting line only', async () => {
    const report = await newPerson(org.manager.id);
    const stranger = await newPerson();
    const group = await createGroup('Mixed', [report.id, stranger.id]);
    const before = await counts();
    const refused = await assign(org.manager, { userIds: [report.id, stranger.id] });
    expect(refused.errors?.[0]?.extensions?.reason).toBe('IDENTITY_NOT_FOUND');
    expect(await counts()).toEqual(before);
    const viaGroup = await assign(org.manager, { groupIds: [group] });
    expect(viaGroup.data?.assignLearning.peopleEnrolled).toBe(1);
    expect(await enrollmentsOf(stranger.id)).toEqual([]);
    const rule = await gql(org.manager, RULE, {
      input: { itemKind: 'COURSE', itemSlug: 'policy', newHires: true },
    });
    expect(rule.errors?.[0]?.extensions?.reason).toBe('IDENTITY_FORBIDDEN');
    const learner = await gql(org.learner, ASSIGN, {
      input: { itemKind: 'COURSE', itemSlug: 'policy', userIds: [org.learner.id] },
    });
    expect(learner.errors?.[0]?.extensions?.reason).toBe('IDENTITY_FORBIDDEN');
  });

  it('applies group rules to later members and, on request, to current ones', async () => {
    const current = await newPerson();
    const group = await createGroup('Engineering', [current.id]);
    const rule = await gql<{ createAssignmentRule: { peopleEnrolled: number } }>(org.admin, RULE, {
      input: {
        itemKind: 'COURSE',
        itemSlug: 'basics',
        groupId: group,
        includeExisting: true,
        dueWithinDays: 7,
      },
    });
    expect(rule.data?.createAssignmentRule.peopleEnrolled).toBe(1);
    const later = await newPerson();
    expect(await enrollmentsOf(later.id)).toEqual([]);
    await gql(
      org.admin,
      'mutation Add($id: ID!, $users: [ID!]!) { addGroupMembers(groupId: $id, userIds: $users) { id } }',
      { id: group, users: [later.id] },
    );
    expect((await enrollmentsOf(later.id)).map((row) => row.item_slug)).toEqual(['basics']);
    // Invited straight into the group.
    const invited = await gql<{ inviteUser: { user: { id: string } } }>(
      org.admin,
      `mutation { inviteUser(input: { email: "joiner@assign.test", displayName: "Jo Iner", groupIds: ["${group}"] }) { user { id } } }`,
    );
    expect(
      (await enrollmentsOf(invited.data?.inviteUser.user.id ?? '')).map((row) => row.item_slug),
    ).toEqual(['basics']);
  });

  it('assigns new hires by rule until the rule is withdrawn', async () => {
    const existing = await newPerson();
    const rule = await gql<{ createAssignmentRule: { assignment: { id: string } } }>(
      org.admin,
      RULE,
      {
        input: {
          itemKind: 'COURSE',
          itemSlug: 'policy',
          newHires: true,
          dueWithinDays: 30,
          dueFrom: 'HIRE',
        },
      },
    );
    const hire = await newPerson();
    expect((await enrollmentsOf(hire.id)).map((row) => row.item_slug)).toEqual(['policy']);
    expect(await enrollmentsOf(existing.id)).toEqual([]);
    const id = rule.data?.createAssignmentRule.assignment.id ?? '';
    await gql(org.admin, `mutation { withdrawAssignment(id: "${id}") { id } }`);
    expect(await enrollmentsOf(hire.id)).toMatchObject([{ status: 'withdrawn' }]);
    expect(await enrollmentsOf((await newPerson()).id)).toEqual([]);
  });

  it('withdraws open enrollments on unassignment and keeps completed history', async () => {
    const [open, done] = [await newPerson(), await newPerson()];
    const assigned = await assign(org.admin, { itemSlug: 'basics', userIds: [open.id, done.id] });
    const id = assigned.data?.assignLearning.assignment.id ?? '';
    await db.query(
      `UPDATE enrollments SET status = 'completed', completed_at = now() WHERE user_id = $1`,
      [done.id],
    );
    const withdrawn = await gql<{ withdrawAssignment: { withdrawnAt: string | null } }>(
      org.admin,
      `mutation { withdrawAssignment(id: "${id}") { withdrawnAt } }`,
    );
    expect(withdrawn.data?.withdrawAssignment.withdrawnAt).not.toBeNull();
    expect(await enrollmentsOf(open.id)).toMatchObject([
      { status: 'withdrawn', withdrawn_reason: 'unassigned' },
    ]);
    expect(await enrollmentsOf(done.id)).toMatchObject([{ status: 'completed' }]);
    const again = await gql(org.admin, `mutation { withdrawAssignment(id: "${id}") { id } }`);
    expect(again.errors?.[0]?.extensions?.reason).toBe('LEARNING_ASSIGNMENT_WITHDRAWN');
    const byManager = await gql(org.manager, `mutation { withdrawAssignment(id: "${id}") { id } }`);
    expect(byManager.errors?.[0]?.extensions?.reason).toBe('LEARNING_NOT_FOUND');
  });

  it('moves due dates of open enrollments', async () => {
    const person = await newPerson();
    const assigned = await assign(org.admin, {
      itemSlug: 'basics',
      userIds: [person.id],
      dueWithinDays: 5,
    });
    const id = assigned.data?.assignLearning.assignment.id ?? '';
    const dueOn = new Date(Date.now() + 60 * 86_400_000).toISOString();
    const moved = await gql(
      org.admin,
      'mutation Move($id: ID!, $due: DueDateInput!) { changeAssignmentDueDate(id: $id, due: $due) { dueOn } }',
      { id, due: { dueOn } },
    );
    expect(moved.data).toEqual({ changeAssignmentDueDate: { dueOn } });
    expect((await enrollmentsOf(person.id))[0]?.due_at?.toISOString()).toBe(dueOn);
    const past = await gql(
      org.admin,
      'mutation Move($id: ID!, $due: DueDateInput!) { changeAssignmentDueDate(id: $id, due: $due) { dueOn } }',
      { id, due: { dueOn: new Date(0).toISOString() } },
    );
    expect(past.errors?.[0]?.extensions?.reason).toBe('LEARNING_INVALID_INPUT');
    expect((await enrollmentsOf(person.id))[0]?.due_at?.toISOString()).toBe(dueOn);
  });

  it('drops deactivated people out and brings them back on reactivation', async () => {
    const person = await newPerson();
    await assign(org.admin, { itemSlug: 'basics', userIds: [person.id] });
    await gql(org.admin, `mutation { deactivateUser(id: "${person.id}") { status } }`);
    expect(await enrollmentsOf(person.id)).toMatchObject([
      { status: 'withdrawn', withdrawn_reason: 'deactivated' },
    ]);
    const skipped = await assign(org.admin, { itemSlug: 'policy', userIds: [person.id] });
    expect(skipped.data?.assignLearning.peopleEnrolled).toBe(0);
    await gql(org.admin, `mutation { reactivateUser(id: "${person.id}") { status } }`);
    expect(await enrollmentsOf(person.id)).toMatchObject([
      { item_slug: 'basics', status: 'not-started', withdrawn_reason: null },
    ]);
  });

  it('treats ids of another organization as unknown and writes nothing', async () => {
    const other = await seedOrganization(api, 'assign-other');
    const person = await newPerson();
    const mine = await assign(org.admin, { itemSlug: 'basics', userIds: [person.id] });
    const id = mine.data?.assignLearning.assignment.id ?? '';
    const group = await createGroup('Sales', [person.id]);
    const before = await counts();
    const attempts: [string, Record<string, unknown> | undefined][] = [
      [ASSIGN, { input: { itemKind: 'COURSE', itemSlug: 'basics', userIds: [person.id] } }],
      [ASSIGN, { input: { itemKind: 'COURSE', itemSlug: 'basics', groupIds: [group] } }],
      [RULE, { input: { itemKind: 'COURSE', itemSlug: 'basics', groupId: group } }],
    ];
    for (const [query, variables] of attempts) {
      const body = await gql(other.admin, query, variables);
      expect(body.errors?.[0]?.extensions?.reason).toBe('IDENTITY_NOT_FOUND');
    }
    for (const query of [
      `mutation { withdrawAssignment(id: "${id}") { id } }`,
      `mutation { changeAssignmentDueDate(id: "${id}", due: { dueWithinDays: 3 }) { id } }`,
    ]) {
      const body = await gql(other.admin, query);
      expect(body.errors?.[0]?.extensions?.reason).toBe('LEARNING_NOT_FOUND');
    }
    const transcript = await gql(other.admin, `{ transcript(userId: "${person.id}") { userId } }`);
    expect(transcript.errors?.[0]?.extensions?.reason).toBe('IDENTITY_NOT_FOUND');
    expect(await counts()).toEqual(before);
  });

  it('lists assignments with their progress, all for admins, their own for managers', async () => {
    const query =
      '{ assignments(first: 100) { totalCount edges { node { id itemSlug progress { open completed overdue } } } } }';
    const admin = await gql<{ assignments: { totalCount: number } }>(org.admin, query);
    const manager = await gql<{ assignments: { totalCount: number } }>(org.manager, query);
    const [mine] = await db.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM assignments WHERE created_by = $1',
      [org.manager.id],
    );
    const [all] = await db.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM assignments WHERE organization_id = $1',
      [org.id],
    );
    expect(admin.data?.assignments.totalCount).toBe(all?.n);
    expect(manager.data?.assignments.totalCount).toBe(mine?.n);
    expect(mine?.n).toBeGreaterThan(0);
  });
});
