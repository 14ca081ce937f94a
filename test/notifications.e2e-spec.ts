import type { INestApplicationContext } from '@nestjs/common';
import {
  ManualClock,
  finishPolicyCourse,
  importLearningFixture,
  invitePerson,
  seedOrganization,
  startSmtpSink,
  startTestApi,
  startTestWorker,
  waitFor,
  type GraphqlResponse,
  type SeededOrganization,
  type SignedInPerson,
  type SmtpSink,
  type TestApi,
} from '@academy/testing';
import { DataSource } from 'typeorm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

const DAY = 86_400_000;
const POLICY = `{ daysBefore daysOverdue escalateAfterDays adminSummaryWeekday sendTime quietHoursStart quietHoursEnd workingDays }`;
const UPDATE_POLICY = `mutation P($input: ReminderPolicyInput!) { updateReminderPolicy(input: $input) ${POLICY} }`;
const PREVIEW = `{ reminderPreview(days: 30) { totalCount edges { node {
  recipientId recipientName sendOn sendAt dueSoon overdue escalations organizationSummary } } } }`;

/** A policy that holds on any weekday, so the test does not depend on the day it runs. */
const TEST_POLICY = {
  daysBefore: [2],
  daysOverdue: [1],
  escalateAfterDays: 3,
  adminSummaryWeekday: null,
  sendTime: '09:00',
  quietHoursStart: '22:00',
  quietHoursEnd: '06:00',
  workingDays: [1, 2, 3, 4, 5, 6, 7],
};

interface Planned {
  recipientId: string;
  recipientName: string;
  sendOn: string;
  sendAt: string | null;
  dueSoon: number;
  overdue: number;
  escalations: number;
}

describe('reminders and notifications', () => {
  const start = new Date();
  const clock = new ManualClock();
  let smtp: SmtpSink;
  let api: TestApi;
  let worker: INestApplicationContext;
  let org: SeededOrganization;
  let db: DataSource;
  let counter = 0;

  /** The UTC calendar day `days` after the test's start (the organization's timezone is UTC). */
  const day = (days: number) => new Date(start.getTime() + days * DAY).toISOString().slice(0, 10);
  const gql = async <T = Record<string, unknown>>(
    person: SignedInPerson,
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphqlResponse<T>['body']> =>
    (await api.graphql<T>(query, variables, person.auth)).body;
  const emailsTo = (address: string) =>
    smtp.received.filter((email) => email.to.includes(address.toLowerCase()));
  const newPerson = async (extra: Record<string, unknown> = {}) => {
    counter += 1;
    return invitePerson(api, org.slug, org.admin, {
      email: `person-${counter}@reminders.test`,
      displayName: `Pat Person ${counter}`,
      role: 'LEARNER',
      ...extra,
    });
  };
  const assign = async (person: SignedInPerson, dueOn: string, itemSlug = 'policy') => {
    const body = await gql<{ assignLearning: { assignment: { id: string } } }>(
      org.admin,
      `mutation A($input: AssignLearningInput!) { assignLearning(input: $input) { assignment { id } } }`,
      { input: { itemKind: 'COURSE', itemSlug, userIds: [person.id], dueOn } },
    );
    expect(body.errors).toBeUndefined();
    return body.data?.assignLearning.assignment.id ?? '';
  };
  const preview = async () =>
    (
      await gql<{ reminderPreview: { totalCount: number; edges: { node: Planned }[] } }>(
        org.admin,
        PREVIEW,
      )
    ).data?.reminderPreview.edges.map((edge) => edge.node) ?? [];
  /** Moves the clock and lets the worker's relay see it (it polls every 100 ms). */
  const advanceTo = async (instant: string) => {
    clock.set(instant);
    await new Promise((resolve) => setTimeout(resolve, 600));
  };
  /** Digest emails that reached `person`'s mailbox, recognised by their stable Message-ID. */
  const digestsReceivedBy = async (person: { id: string; email: string }) => {
    const digests = await db.query<{ id: string }[]>(
      `SELECT id FROM outbox_messages
        WHERE topic = 'notifications.reminder-digest' AND payload->>'recipientId' = $1::text`,
      [person.id],
    );
    return emailsTo(person.email).filter((email) =>
      digests.some((digest) => email.messageId.startsWith(`<${digest.id}.email.`)),
    );
  };
  const inAppBodies = async (person: SignedInPerson) =>
    (
      await gql<{ myNotifications: { edges: { node: { body: string } }[] } }>(
        person,
        '{ myNotifications { edges { node { body } } } }',
      )
    ).data?.myNotifications.edges.map((edge) => edge.node.body) ?? [];

  beforeAll(async () => {
    smtp = await startSmtpSink();
    const overrides = {
      SMTP_URL: smtp.url,
      OUTBOX_RELAY_INTERVAL_MS: '100',
      OUTBOX_RECONCILE_INTERVAL_MS: '2000',
    };
    api = await startTestApi(overrides, undefined, clock);
    worker = await startTestWorker(overrides, undefined, clock);
    db = api.app.get(DataSource);
    await importLearningFixture(api);
    org = await seedOrganization(api, 'reminders');
    const policy = await gql(org.admin, UPDATE_POLICY, { input: TEST_POLICY });
    expect(policy.errors).toBeUndefined();
  });

  afterEach(() => {
    clock.reset();
  });

  afterAll(async () => {
    await worker.close();
    await api.close();
    await smtp.close();
  });

  it('emails invitations and password resets through SMTP, once each, with a stable Message-ID', async () => {
    const invited = await gql(
      org.admin,
      'mutation { inviteUser(input: { email: "newcomer@reminders.test", displayName: "Nia Newcomer" }) { user { id } } }',
    );
    expect(invited.errors).toBeUndefined();
    await waitFor(() => emailsTo('newcomer@reminders.test').length > 0, 'the invitation email');
    const [invitation] = emailsTo('newcomer@reminders.test');
    expect(invitation?.raw).toContain('/invitations/accept#token=');
    expect(invitation?.messageId).toMatch(/^<[0-9a-f-]{36}\.email\.[0-9a-f-]{36}@localhost>$/);

    const reset = await api.graphql(
      'mutation R($input: RequestPasswordResetInput!) { requestPasswordReset(input: $input) }',
      { input: { organizationSlug: org.slug, email: org.learner.email } },
    );
    expect(reset.body.errors).toBeUndefined();
    await waitFor(
      () =>
        emailsTo(org.learner.email).some((email) => email.raw.includes('/password-reset#token=')),
      'the password-reset email',
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    const resets = emailsTo(org.learner.email).filter((email) =>
      email.raw.includes('/password-reset#token='),
    );
    expect(resets).toHaveLength(1);
    expect(emailsTo('newcomer@reminders.test')).toHaveLength(1);
  });

  it('plans reminders with the assignment, previews them, sends one digest a day and escalates to the manager', async () => {
    const learner = await newPerson({ managerId: org.manager.id });
    await assign(learner, `${day(5)}T17:00:00Z`);
    const planned = (await preview()).filter(
      (row) => row.recipientId === learner.id || row.recipientId === org.manager.id,
    );
    expect(planned).toEqual([
      expect.objectContaining({ recipientId: learner.id, sendOn: day(3), dueSoon: 1, overdue: 0 }),
      expect.objectContaining({ recipientId: learner.id, sendOn: day(6), dueSoon: 0, overdue: 1 }),
      expect.objectContaining({ recipientId: org.manager.id, sendOn: day(8), escalations: 1 }),
    ]);
    expect(planned[0]?.sendAt).toBe(`${day(3)}T09:00:00.000Z`);
    expect(await digestsReceivedBy(learner)).toHaveLength(0);

    await advanceTo(`${day(3)}T09:01:00Z`);
    await waitFor(
      async () => (await digestsReceivedBy(learner)).length === 1,
      'the due-soon digest',
    );
    expect((await inAppBodies(learner))[0]).toContain('Policy');
    const inbox = await gql<{
      unreadNotificationCount: number;
      myNotifications: { edges: { node: { id: string; kind: string; readAt: string | null } }[] };
    }>(
      learner,
      '{ unreadNotificationCount myNotifications { edges { node { id kind readAt } } } }',
    );
    expect(inbox.data?.unreadNotificationCount).toBe(1);
    expect(inbox.data?.myNotifications.edges[0]?.node.kind).toBe('reminder-digest');

    await advanceTo(`${day(3)}T15:00:00Z`);
    expect(await digestsReceivedBy(learner)).toHaveLength(1);

    await advanceTo(`${day(6)}T09:01:00Z`);
    await waitFor(
      async () => (await digestsReceivedBy(learner)).length === 2,
      'the overdue digest',
    );
    await advanceTo(`${day(8)}T09:01:00Z`);
    await waitFor(
      async () => (await digestsReceivedBy(org.manager)).length === 1,
      'the escalation to the manager',
    );
    const [escalation] = await inAppBodies(org.manager);
    expect(escalation).toContain(`Pat Person ${counter}`);
    expect(escalation).toContain('Policy');

    const marked = await gql<{ markNotificationsRead: number }>(
      learner,
      'mutation { markNotificationsRead }',
    );
    expect(marked.data?.markNotificationsRead).toBe(2);
    const after = await gql<{ unreadNotificationCount: number }>(
      learner,
      '{ unreadNotificationCount }',
    );
    expect(after.data?.unreadNotificationCount).toBe(0);
  });

  it('moves a reminder planned for a day whose digest already went out to the next day', async () => {
    const learner = await newPerson();
    await assign(learner, `${day(5)}T17:00:00Z`);
    await advanceTo(`${day(3)}T09:01:00Z`);
    await waitFor(async () => (await digestsReceivedBy(learner)).length === 1, 'the first digest');

    // Assigned after that day's digest: its 2-days-before reminder falls on the same day.
    await assign(learner, `${day(5)}T17:00:00Z`, 'basics');
    const planned = (await preview()).filter((row) => row.recipientId === learner.id);
    expect(planned).toEqual([
      expect.objectContaining({ sendOn: day(4), dueSoon: 1, overdue: 0 }),
      expect.objectContaining({ sendOn: day(6), dueSoon: 0, overdue: 2 }),
    ]);
    await advanceTo(`${day(3)}T15:00:00Z`);
    expect(await digestsReceivedBy(learner)).toHaveLength(1);
    await advanceTo(`${day(4)}T09:01:00Z`);
    await waitFor(async () => (await digestsReceivedBy(learner)).length === 2, 'the next digest');
    expect((await inAppBodies(learner))[0]).toContain('Basics');
  });

  it('moves planned reminders when a person’s timezone or manager changes', async () => {
    const firstManager = await newPerson({ role: 'MANAGER' });
    const secondManager = await newPerson({ role: 'MANAGER' });
    const learner = await newPerson({ managerId: firstManager.id });
    await assign(learner, `${day(5)}T17:00:00Z`);
    const plannedFor = async (people: { id: string }[]) =>
      (await preview())
        .filter((row) => people.some((person) => person.id === row.recipientId))
        .map((row) => ({ to: row.recipientId, sendOn: row.sendOn, sendAt: row.sendAt }));
    const people = [learner, firstManager, secondManager];
    expect(await plannedFor(people)).toEqual([
      { to: learner.id, sendOn: day(3), sendAt: `${day(3)}T09:00:00.000Z` },
      { to: learner.id, sendOn: day(6), sendAt: `${day(6)}T09:00:00.000Z` },
      { to: firstManager.id, sendOn: day(8), sendAt: `${day(8)}T09:00:00.000Z` },
    ]);

    // Due at 02:00 on day(6) in Tokyo: reminders on day(4) and day(7) at 09:00 Tokyo time.
    const moved = await gql(
      org.admin,
      'mutation M($id: ID!) { updateUser(id: $id, input: { timezone: "Asia/Tokyo" }) { id } }',
      { id: learner.id },
    );
    expect(moved.errors).toBeUndefined();
    expect(await plannedFor(people)).toEqual([
      { to: learner.id, sendOn: day(4), sendAt: `${day(4)}T00:00:00.000Z` },
      { to: learner.id, sendOn: day(7), sendAt: `${day(7)}T00:00:00.000Z` },
      { to: firstManager.id, sendOn: day(8), sendAt: `${day(8)}T09:00:00.000Z` },
    ]);

    const handedOver = await gql(
      org.admin,
      'mutation M($id: ID!, $to: ID) { updateUser(id: $id, input: { managerId: $to }) { id } }',
      { id: learner.id, to: secondManager.id },
    );
    expect(handedOver.errors).toBeUndefined();
    expect((await plannedFor(people)).filter((row) => row.to !== learner.id)).toEqual([
      { to: secondManager.id, sendOn: day(8), sendAt: `${day(8)}T09:00:00.000Z` },
    ]);
  });

  it('does not email again when a message is claimed anew after its worker died having sent it', async () => {
    const learner = await newPerson();
    await assign(learner, `${day(5)}T17:00:00Z`);
    await advanceTo(`${day(3)}T09:01:00Z`);
    await waitFor(async () => (await digestsReceivedBy(learner)).length === 1, 'the digest');
    const [digest] = await db.query<{ id: string; claims: number }[]>(
      `SELECT id, claims FROM outbox_messages
        WHERE topic = 'notifications.reminder-digest' AND payload->>'recipientId' = $1::text
          AND status = 'done'`,
      [learner.id],
    );
    expect(digest?.claims).toBe(1);

    // As if the worker died after sending, before it recorded the message done: its lease runs
    // out and the reconciler hands the message to a worker again, which takes the same reminders.
    clock.set(`${day(3)}T09:30:00Z`);
    await db.query(
      `UPDATE outbox_messages SET status = 'claimed', claimed_until = $2, processed_at = NULL
        WHERE id = $1`,
      [digest?.id, new Date(clock.now().getTime() - 1000)],
    );
    await waitFor(async () => {
      const [again] = await db.query<{ status: string; claims: number }[]>(
        'SELECT status, claims FROM outbox_messages WHERE id = $1',
        [digest?.id],
      );
      return again?.status === 'done' && again.claims === 2;
    }, 'the second claim to finish');
    // Taken again by the second claim (the clock runs on from the time set above).
    const taken = await db.query<{ status: string; sent_at: Date }[]>(
      'SELECT status, sent_at FROM reminders WHERE digest_message_id = $1',
      [digest?.id],
    );
    expect(taken.map((reminder) => reminder.status)).toEqual(['sent']);
    expect(taken[0]?.sent_at.getTime()).toBeGreaterThanOrEqual(Date.parse(`${day(3)}T09:30:00Z`));
    expect(await digestsReceivedBy(learner)).toHaveLength(1);
    expect(await inAppBodies(learner)).toHaveLength(1);
  });

  it('cancels pending reminders when the learning is completed, in the same transaction', async () => {
    const learner = await newPerson();
    await assign(learner, `${day(4)}T17:00:00Z`);
    expect((await preview()).filter((row) => row.recipientId === learner.id)).toHaveLength(2);
    const [enrollment] = await db.query<{ id: string }[]>(
      'SELECT id FROM enrollments WHERE user_id = $1',
      [learner.id],
    );
    await finishPolicyCourse(api, learner, enrollment?.id ?? '');

    expect((await preview()).filter((row) => row.recipientId === learner.id)).toEqual([]);
    const [pending] = await db.query<{ reminders: number; digests: number }[]>(
      `SELECT (SELECT count(*) FROM reminders WHERE recipient_id = $1 AND status = 'pending')::int AS reminders,
              (SELECT count(*) FROM outbox_messages WHERE payload->>'recipientId' = $1::text AND status = 'pending')::int AS digests`,
      [learner.id],
    );
    expect(pending).toEqual({ reminders: 0, digests: 0 });
    await advanceTo(`${day(2)}T09:01:00Z`);
    await advanceTo(`${day(5)}T09:01:00Z`);
    expect(await digestsReceivedBy(learner)).toHaveLength(0);
  });

  it('holds a digest through the recipient’s quiet hours and delivers it when they end', async () => {
    const learner = await newPerson();
    const updated = await gql(
      learner,
      'mutation { updateMyProfile(input: { timezone: "Asia/Tokyo" }) { id } }',
    );
    expect(updated.errors).toBeUndefined();
    await assign(learner, `${day(6)}T00:00:00Z`);
    // Due 09:00 on day(6) in Tokyo, so the 2-days-before reminder is day(4) at 09:00 Tokyo
    // (00:00 UTC). The worker only gets to it at 23:30 Tokyo time, inside quiet hours.
    await advanceTo(`${day(4)}T14:30:00Z`);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await digestsReceivedBy(learner)).toHaveLength(0);
    const [held] = await db.query<{ status: string; available_at: Date }[]>(
      `SELECT status, available_at FROM outbox_messages
        WHERE payload->>'recipientId' = $1::text AND payload->>'sendOn' = $2`,
      [learner.id, day(4)],
    );
    expect(held?.status).toBe('pending');
    expect(held?.available_at.toISOString()).toBe(`${day(4)}T21:00:00.000Z`);

    await advanceTo(`${day(4)}T21:00:30Z`);
    await waitFor(async () => (await digestsReceivedBy(learner)).length === 1, 'the held digest');
  });

  it('dead-letters a message to a refused address, lists it and the bounce, and retries it on request', async () => {
    smtp.refuse.add('bouncy@reminders.test');
    const invited = await gql(
      org.admin,
      'mutation { inviteUser(input: { email: "bouncy@reminders.test", displayName: "Bo Bounce" }) { user { id } } }',
    );
    expect(invited.errors).toBeUndefined();
    const deadLetters = async () =>
      (
        await gql<{
          deadLetters: { edges: { node: { id: string; topic: string; lastError: string } }[] };
        }>(org.admin, '{ deadLetters { edges { node { id topic lastError attempts } } } }')
      ).data?.deadLetters.edges.map((edge) => edge.node) ?? [];
    await waitFor(async () => (await deadLetters()).length === 1, 'the dead letter');
    const [letter] = await deadLetters();
    expect(letter?.topic).toBe('identity.invitation');
    expect(letter?.lastError).toContain('550');
    const bounces = await gql<{ bouncedAddresses: { email: string }[] }>(
      org.admin,
      '{ bouncedAddresses { email reason } }',
    );
    expect(bounces.data?.bouncedAddresses.map((bounce) => bounce.email)).toEqual([
      'bouncy@reminders.test',
    ]);

    const learnerTries = await gql(
      org.learner,
      `mutation { retryDeadLetter(id: "${letter?.id}") }`,
    );
    expect(learnerTries.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    smtp.refuse.clear();
    const cleared = await gql(
      org.admin,
      'mutation { clearBouncedAddress(email: "Bouncy@reminders.test") }',
    );
    expect(cleared.errors).toBeUndefined();
    const retried = await gql(org.admin, `mutation { retryDeadLetter(id: "${letter?.id}") }`);
    expect(retried.errors).toBeUndefined();
    await waitFor(() => emailsTo('bouncy@reminders.test').length === 1, 'the retried invitation');
    expect(await deadLetters()).toEqual([]);
    const again = await gql(org.admin, `mutation { retryDeadLetter(id: "${letter?.id}") }`);
    expect(again.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('refuses an invalid policy as a whole and keeps the old one', async () => {
    const bad = await gql(org.admin, UPDATE_POLICY, {
      input: { ...TEST_POLICY, daysBefore: [0, 400], sendTime: '23:30', workingDays: [9] },
    });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.message).toContain('daysBefore');
    expect(bad.errors?.[0]?.message).toContain('workingDays');
    const current = await gql<{ reminderPolicy: typeof TEST_POLICY }>(
      org.admin,
      `{ reminderPolicy ${POLICY} }`,
    );
    expect(current.data?.reminderPolicy).toEqual(TEST_POLICY);
    const learner = await gql(org.learner, `{ reminderPolicy ${POLICY} }`);
    expect(learner.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('lets people choose channels for optional notices, and unsubscribe from a genuine link only', async () => {
    const set = await gql<{
      setNotificationPreference: { kind: string; email: boolean; inApp: boolean };
    }>(
      org.learner,
      'mutation { setNotificationPreference(input: { kind: CERTIFICATE_ISSUED, email: false, inApp: true }) { kind email inApp } }',
    );
    expect(set.data?.setNotificationPreference).toEqual({
      kind: 'CERTIFICATE_ISSUED',
      email: false,
      inApp: true,
    });
    const mine = await gql<{ notificationPreferences: { kind: string; email: boolean }[] }>(
      org.learner,
      '{ notificationPreferences { kind email inApp } }',
    );
    // Practice nudges stay off until the learner opts in.
    expect(mine.data?.notificationPreferences).toEqual([
      { kind: 'CERTIFICATE_ISSUED', email: false, inApp: true },
      { kind: 'PRACTICE_REVIEWS_DUE', email: false, inApp: false },
    ]);
    const tampered = await api.graphql('mutation { unsubscribe(token: "e30.deadbeef") }');
    expect(tampered.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
