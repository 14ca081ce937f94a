import {
  inboxListeners,
  notifyWhenListening,
  seedOrganization,
  signIn,
  startTestApi,
  subscribeLive,
  waitFor,
  type LiveSubscription,
  type SeededOrganization,
  type SignedInPerson,
  type TestApi,
} from '@academy/testing';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';

const NOTIFICATION_RECEIVED = `subscription Live {
  notificationReceived { id kind subject summary body link createdAt readAt }
}`;

const bearer = (person: Pick<SignedInPerson, 'accessToken'>) => ({
  authorization: `Bearer ${person.accessToken}`,
});

describe('notificationReceived over graphql-ws', () => {
  let api: TestApi;
  let org: SeededOrganization;

  beforeAll(async () => {
    api = await startTestApi();
    org = await seedOrganization(api, 'live');
  });

  afterAll(async () => {
    await api.close();
  });

  it('pushes a new notification to its owner only, and stops listening on disconnect', async () => {
    const learner = subscribeLive(api, NOTIFICATION_RECEIVED, bearer(org.learner));
    const manager = subscribeLive(api, NOTIFICATION_RECEIVED, bearer(org.manager));
    await notifyWhenListening(
      api,
      { organizationId: org.id, userId: org.learner.id, subject: 'For the learner' },
      learner,
    );
    await notifyWhenListening(
      api,
      { organizationId: org.id, userId: org.manager.id, subject: 'For the manager' },
      manager,
    );

    const received = await learner.message(0);
    expect(received).toMatchObject({
      kind: 'next',
      result: {
        data: {
          notificationReceived: {
            kind: 'test',
            subject: 'For the learner',
            summary: 'For the learner (summary)',
            body: 'For the learner (body)',
            link: '/learning',
            readAt: null,
          },
        },
      },
    });
    // Redis delivers in order: had the learner's notification reached the manager, it would
    // have come before the manager's own.
    expect(await manager.message(0)).toMatchObject({
      result: { data: { notificationReceived: { subject: 'For the manager' } } },
    });

    // The pushed notification is the one in the inbox.
    const inbox = await api.graphql<{ myNotifications: { edges: { node: { id: string } }[] } }>(
      '{ myNotifications { edges { node { id } } } }',
      undefined,
      org.learner.auth,
    );
    const pushed = received.kind === 'next' ? received.result.data?.notificationReceived : null;
    expect(inbox.body.data?.myNotifications.edges.map((edge) => edge.node.id)).toEqual([
      (pushed as { id: string }).id,
    ]);

    await Promise.all([learner.dispose(), manager.dispose()]);
    await waitFor(
      async () => (await inboxListeners(api, org.learner.id)) === 0,
      "the learner's channel to be unsubscribed",
    );
    expect(learner.messages).toHaveLength(1);
    expect(manager.messages).toHaveLength(1);
  });

  it("shares one Redis subscription among a person's open connections", async () => {
    const notifyAdmin = (subject: string) =>
      notifyWhenListening(api, { organizationId: org.id, userId: org.admin.id, subject });
    const lastSubject = (live: LiveSubscription) => {
      const last = live.messages.at(-1);
      const notification = last?.kind === 'next' ? last.result.data?.notificationReceived : null;
      return (notification as { subject: string } | null)?.subject;
    };
    const first = subscribeLive(api, NOTIFICATION_RECEIVED, bearer(org.admin));
    await notifyAdmin('One');
    expect(await first.message(0)).toMatchObject({
      result: { data: { notificationReceived: { subject: 'One' } } },
    });
    const second = subscribeLive(api, NOTIFICATION_RECEIVED, bearer(org.admin));
    // The protocol does not acknowledge a subscription: announce until the second one hears.
    await waitFor(async () => {
      await notifyAdmin('Ping');
      return second.messages.length > 0;
    }, 'the second connection to listen');
    expect(await inboxListeners(api, org.admin.id)).toBe(1);

    await notifyAdmin('Two');
    await waitFor(
      () => lastSubject(first) === 'Two' && lastSubject(second) === 'Two',
      'both connections to receive the notification',
    );
    await first.dispose();
    // The other connection still listens: the channel stays subscribed.
    await notifyAdmin('Three');
    await waitFor(() => lastSubject(second) === 'Three', 'the remaining connection to receive');
    await second.dispose();
    await waitFor(async () => (await inboxListeners(api, org.admin.id)) === 0, 'unsubscribed');
  });

  it('refuses a connection without a valid access token (4401)', async () => {
    for (const params of [
      {},
      { authorization: 'Bearer not-a-token' },
      { authorization: org.learner.accessToken },
      { authorization: `Bearer ${org.learner.accessToken}x` },
    ]) {
      const refused = subscribeLive(api, NOTIFICATION_RECEIVED, params);
      expect(await refused.closed).toBe(4401);
      expect(refused.messages).toEqual([]);
    }
    expect(await inboxListeners(api, org.learner.id)).toBe(0);
  });

  it('gives an API key no inbox (FORBIDDEN)', async () => {
    const { body } = await api.graphql<{ createApiKey: { secret: string } }>(
      'mutation { createApiKey(input: { name: "Live", role: ADMIN, expiresInDays: 1 }) { secret } }',
      undefined,
      org.admin.auth,
    );
    const secret = body.data?.createApiKey.secret ?? '';
    const key = subscribeLive(api, NOTIFICATION_RECEIVED, { authorization: `Bearer ${secret}` });
    expect(await key.message(0)).toEqual({
      kind: 'next',
      result: {
        errors: [
          {
            message: 'Only a signed-in person has notifications.',
            locations: [{ line: 2, column: 3 }],
            path: ['notificationReceived'],
            extensions: { code: 'FORBIDDEN', reason: 'IDENTITY_FORBIDDEN' },
          },
        ],
      },
    });
    await key.dispose();
  });

  it('pushes nothing more once the session is revoked, and closes with 4401', async () => {
    const session = await signIn(api, org.slug, org.learner.email, org.learner.password);
    const live = subscribeLive(api, NOTIFICATION_RECEIVED, bearer(session));
    await waitFor(async () => (await inboxListeners(api, org.learner.id)) > 0, 'listening');
    const signedOut = await api.graphql('mutation { signOut }', undefined, session.auth);
    expect(signedOut.body.data).toEqual({ signOut: true });
    await notifyWhenListening(api, {
      organizationId: org.id,
      userId: org.learner.id,
      subject: 'After sign-out',
    });
    expect(await live.closed).toBe(4401);
    expect(live.messages).toEqual([]);
    await waitFor(async () => (await inboxListeners(api, org.learner.id)) === 0, 'unsubscribed');
  });

  it('holds at most 10 operations at once on one connection', async () => {
    const client = createClient({
      url: `${api.url.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: bearer(org.learner),
      retryAttempts: 0,
    });
    const refused: unknown[] = [];
    for (let index = 0; index < 11; index += 1) {
      client.subscribe(
        { query: NOTIFICATION_RECEIVED },
        {
          next: () => undefined,
          error: (error) => refused.push({ index, error }),
          complete: () => undefined,
        },
      );
    }
    await waitFor(() => refused.length > 0, 'an operation to be refused');
    expect(refused).toEqual([
      {
        index: 10,
        error: [
          {
            message: 'At most 10 operations at once per connection.',
            extensions: { code: 'BAD_REQUEST' },
          },
        ],
      },
    ]);
    await client.dispose();
    await waitFor(async () => (await inboxListeners(api, org.learner.id)) === 0, 'unsubscribed');
  });

  it('closes live connections as the API shuts down, rather than waiting for them', async () => {
    const other = await startTestApi();
    const live = subscribeLive(other, NOTIFICATION_RECEIVED, bearer(org.learner));
    await waitFor(async () => (await inboxListeners(other, org.learner.id)) > 0, 'listening');
    await other.close();
    expect(await live.closed).toBe(1001); // going away
    expect(await inboxListeners(api, org.learner.id)).toBe(0);
  });

  it('serves subscriptions only: queries go over HTTP, and subscriptions not over HTTP', async () => {
    const query = subscribeLive(api, '{ unreadNotificationCount }', bearer(org.learner));
    expect(await query.message(0)).toEqual({
      kind: 'error',
      errors: [
        {
          message:
            'Only subscriptions are served over WebSocket; send queries and mutations over HTTP.',
          extensions: { code: 'BAD_REQUEST' },
        },
      ],
    });
    const tooDeep = subscribeLive(
      api,
      'subscription { notificationReceived { a1: id a2: id a3: id a4: id a5: id a6: id a7: id a8: id a9: id a10: id a11: id a12: id a13: id a14: id a15: id a16: id } }',
      bearer(org.learner),
    );
    expect(await tooDeep.message(0)).toMatchObject({
      kind: 'error',
      errors: [{ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }],
    });
    await Promise.all([query.dispose(), tooDeep.dispose()]);

    const overHttp = await api.graphql(NOTIFICATION_RECEIVED, undefined, org.learner.auth);
    expect(overHttp.status).toBe(400);
    expect(overHttp.body.errors?.[0]).toMatchObject({
      message: 'Subscriptions are served over WebSocket (graphql-transport-ws) at /graphql.',
      extensions: { code: 'BAD_REQUEST' },
    });
  });
});
