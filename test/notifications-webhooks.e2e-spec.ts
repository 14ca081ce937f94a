import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INestApplicationContext } from '@nestjs/common';
import {
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
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

interface Arrival {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** The receiver's clock when it arrived, in seconds. */
  receivedAt: number;
}

interface Endpoint {
  id: string;
  url: string;
  description: string;
  events: string[];
  active: boolean;
}

interface WebhookBody {
  type: string;
  timestamp: string;
  organizationId: string;
  data: Record<string, unknown>;
}

/** How far a webhook-timestamp may be from the receiver's clock (Standard Webhooks suggests 5 min). */
const TOLERANCE_SECONDS = 300;
const ENDPOINT = '{ id url description events active }';
const CREATE = `mutation C($input: CreateWebhookEndpointInput!) {
  createWebhookEndpoint(input: $input) { secret endpoint ${ENDPOINT} } }`;
const UPDATE = `mutation U($id: ID!, $input: UpdateWebhookEndpointInput!) {
  updateWebhookEndpoint(id: $id, input: $input) ${ENDPOINT} }`;

/**
 * An independent Standard Webhooks verifier, written from the specification rather than from
 * the platform's code: the key is the base64 after `whsec_`, the signed content is
 * `id.timestamp.body`, and any `v1,` signature of the space-separated list may match.
 */
function verifies(secret: string, arrival: Arrival): boolean {
  const id = arrival.headers['webhook-id'];
  const timestamp = arrival.headers['webhook-timestamp'];
  const signatures = arrival.headers['webhook-signature'];
  if (typeof id !== 'string' || typeof timestamp !== 'string' || typeof signatures !== 'string') {
    return false;
  }
  if (!/^\d+$/.test(timestamp)) return false;
  if (Math.abs(arrival.receivedAt - Number(timestamp)) > TOLERANCE_SECONDS) return false;
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${arrival.body}`).digest();
  return signatures.split(' ').some((entry) => {
    const [version, signature] = entry.split(',');
    if (version !== 'v1' || !signature) return false;
    const given = Buffer.from(signature, 'base64');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}

describe('organization webhooks', () => {
  let smtp: SmtpSink;
  let api: TestApi;
  let worker: INestApplicationContext;
  let org: SeededOrganization;
  let other: SeededOrganization;
  let db: DataSource;
  let receiver: Server;
  let receiverUrl: string;
  let counter = 0;
  const arrivals: Arrival[] = [];
  /** Statuses a path answers with, in turn; 200 once they run out. */
  const scripts = new Map<string, number[]>();

  const gql = async <T = Record<string, unknown>>(
    person: SignedInPerson,
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphqlResponse<T>['body']> =>
    (await api.graphql<T>(query, variables, person.auth)).body;
  const arrivedAt = (path: string) => arrivals.filter((arrival) => arrival.path === path);
  const bodyOf = (arrival: Arrival | undefined) => JSON.parse(arrival?.body ?? '{}') as WebhookBody;
  const settle = () => new Promise((resolve) => setTimeout(resolve, 1000));
  const create = async (
    path: string,
    events: string[],
    as: SignedInPerson = org.admin,
  ): Promise<{ endpoint: Endpoint; secret: string }> => {
    const body = await gql<{ createWebhookEndpoint: { endpoint: Endpoint; secret: string } }>(
      as,
      CREATE,
      { input: { url: `${receiverUrl}${path}`, description: `Receiver ${path}`, events } },
    );
    expect(body.errors).toBeUndefined();
    const created = body.data?.createWebhookEndpoint;
    if (!created) throw new Error('no endpoint created');
    return created;
  };
  const newLearner = async () => {
    counter += 1;
    return invitePerson(api, org.slug, org.admin, {
      email: `learner-${counter}@webhooks.test`,
      displayName: `Lee Learner ${counter}`,
      role: 'LEARNER',
    });
  };
  const assignPolicy = async (person: SignedInPerson) => {
    const body = await gql(
      org.admin,
      'mutation A($input: AssignLearningInput!) { assignLearning(input: $input) { assignment { id } } }',
      {
        input: {
          itemKind: 'COURSE',
          itemSlug: 'policy',
          userIds: [person.id],
          dueOn: new Date(Date.now() + 30 * 86_400_000).toISOString(),
        },
      },
    );
    expect(body.errors).toBeUndefined();
    const [enrollment] = await db.query<{ id: string }[]>(
      `SELECT id FROM enrollments WHERE user_id = $1 AND status <> 'completed'`,
      [person.id],
    );
    return enrollment?.id ?? '';
  };
  const testWebhook = async (id: string) => {
    const body = await gql<{ testWebhook: string }>(
      org.admin,
      'mutation T($id: ID!) { testWebhook(id: $id) }',
      { id },
    );
    expect(body.errors).toBeUndefined();
    return body.data?.testWebhook ?? '';
  };
  const endpoints = async (as: SignedInPerson = org.admin) =>
    (await gql<{ webhookEndpoints: Endpoint[] }>(as, `{ webhookEndpoints ${ENDPOINT} }`)).data
      ?.webhookEndpoints ?? [];

  beforeAll(async () => {
    receiver = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const path = request.url ?? '';
        arrivals.push({
          path,
          headers: request.headers,
          body: Buffer.concat(chunks).toString('utf8'),
          receivedAt: Date.now() / 1000,
        });
        const status = scripts.get(path)?.shift() ?? 200;
        response.writeHead(status, { 'content-type': 'text/plain' }).end('ok');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;

    smtp = await startSmtpSink();
    const overrides = {
      SMTP_URL: smtp.url,
      OUTBOX_RELAY_INTERVAL_MS: '100',
      OUTBOX_RECONCILE_INTERVAL_MS: '2000',
      WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
      WEBHOOK_TIMEOUT_MS: '5000',
    };
    api = await startTestApi(overrides);
    worker = await startTestWorker(overrides);
    db = api.app.get(DataSource);
    await importLearningFixture(api);
    org = await seedOrganization(api, 'webhooks');
    other = await seedOrganization(api, 'webhooks-other');
  });

  afterAll(async () => {
    await worker.close();
    await api.close();
    await smtp.close();
    receiver.closeAllConnections();
    await new Promise((resolve) => receiver.close(resolve));
  });

  it('sends each subscribed event exactly once, signed so that an independent verifier accepts it', async () => {
    const completions = await create('/completions', ['ENROLLMENT_COMPLETED']);
    const assignments = await create('/assignments', ['LEARNING_ASSIGNED']);
    await create('/other-organization', ['ENROLLMENT_COMPLETED', 'LEARNING_ASSIGNED'], other.admin);
    expect(completions.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(completions.endpoint).toMatchObject({
      events: ['ENROLLMENT_COMPLETED'],
      active: true,
      description: 'Receiver /completions',
    });

    const learner = await newLearner();
    const enrollmentId = await assignPolicy(learner);
    await waitFor(() => arrivedAt('/assignments').length === 1, 'the learning.assigned webhook');
    const [assigned] = arrivedAt('/assignments');
    expect(verifies(assignments.secret, assigned as Arrival)).toBe(true);
    expect(verifies(completions.secret, assigned as Arrival)).toBe(false);
    expect(assigned?.headers['content-type']).toBe('application/json');
    expect(bodyOf(assigned)).toMatchObject({
      type: 'learning.assigned',
      organizationId: org.id,
      data: {
        enrollmentCount: 1,
        items: [{ item: { kind: 'course', slug: 'policy', title: 'Policy' }, people: 1 }],
      },
    });

    await finishPolicyCourse(api, learner, enrollmentId);
    await waitFor(() => arrivedAt('/completions').length === 1, 'the enrollment.completed webhook');
    const [completed] = arrivedAt('/completions');
    expect(verifies(completions.secret, completed as Arrival)).toBe(true);
    const body = bodyOf(completed);
    expect(body).toMatchObject({
      type: 'enrollment.completed',
      organizationId: org.id,
      data: {
        enrollmentId,
        user: { id: learner.id, displayName: `Lee Learner ${counter}` },
        item: { kind: 'course', slug: 'policy', title: 'Policy' },
        cycle: 1,
      },
    });
    expect(Number.isNaN(Date.parse(body.timestamp))).toBe(false);
    expect(JSON.stringify(body)).not.toContain(learner.email);

    // The webhook-id is the delivery's stable id, recorded once.
    const webhookId = completed?.headers['webhook-id'];
    expect(webhookId).toMatch(
      new RegExp(`^<[0-9a-f-]{36}\\.webhook\\.${completions.endpoint.id}@localhost>$`),
    );
    const deliveries = await db.query<{ message_id: string }[]>(
      `SELECT message_id FROM notification_deliveries WHERE channel = 'webhook' AND recipient = $1`,
      [completions.endpoint.id],
    );
    expect(deliveries).toEqual([{ message_id: webhookId }]);

    // Nothing more arrives: no repeats, no event an endpoint did not subscribe to, nothing
    // across organizations.
    await settle();
    expect(arrivedAt('/completions')).toHaveLength(1);
    expect(arrivedAt('/assignments')).toHaveLength(1);
    expect(arrivedAt('/other-organization')).toHaveLength(0);
  });

  it('retries a failing receiver with backoff, with the same webhook-id each time, until it answers 2xx', async () => {
    const flaky = await create('/flaky', ['ENROLLMENT_COMPLETED']);
    scripts.set('/flaky', [500, 503]);
    const webhookId = await testWebhook(flaky.endpoint.id);
    await waitFor(() => arrivedAt('/flaky').length === 3, 'two failures and a success', 20_000);
    const tries = arrivedAt('/flaky');
    expect(tries.map((arrival) => arrival.headers['webhook-id'])).toEqual([
      webhookId,
      webhookId,
      webhookId,
    ]);
    for (const arrival of tries) expect(verifies(flaky.secret, arrival)).toBe(true);
    const timestamps = tries.map((arrival) => Number(arrival.headers['webhook-timestamp']));
    expect(timestamps).toEqual([...timestamps].sort((a, b) => a - b));
    expect(bodyOf(tries[2])).toMatchObject({
      type: 'webhook.ping',
      organizationId: org.id,
      data: { endpointId: flaky.endpoint.id },
    });
    expect(new Set(tries.map((arrival) => arrival.body)).size).toBe(1);

    await waitFor(async () => {
      const [message] = await db.query<{ status: string }[]>(
        `SELECT status FROM outbox_messages WHERE topic = 'notifications.webhook'
            AND payload->>'endpointId' = $1::text`,
        [flaky.endpoint.id],
      );
      return message?.status === 'done';
    }, 'the message to be done');
    const [message] = await db.query<{ attempts: number }[]>(
      `SELECT attempts FROM outbox_messages WHERE payload->>'endpointId' = $1::text`,
      [flaky.endpoint.id],
    );
    expect(message?.attempts).toBe(2);
    await settle();
    expect(arrivedAt('/flaky')).toHaveLength(3);
  });

  it('deactivates an endpoint that answers 410 Gone, dead-letters the message and sends it nothing more', async () => {
    const gone = await create('/gone', ['ENROLLMENT_COMPLETED']);
    scripts.set('/gone', [410]);
    await testWebhook(gone.endpoint.id);
    await waitFor(
      async () =>
        (await endpoints()).find((endpoint) => endpoint.id === gone.endpoint.id)?.active === false,
      'the endpoint to be deactivated',
    );
    const letters = await gql<{
      deadLetters: { edges: { node: { topic: string; lastError: string; attempts: number } }[] };
    }>(org.admin, '{ deadLetters { edges { node { topic lastError attempts } } } }');
    const letter = letters.data?.deadLetters.edges
      .map((edge) => edge.node)
      .find((node) => node.topic === 'notifications.webhook');
    expect(letter?.lastError).toContain('410 Gone');
    expect(letter?.attempts).toBe(1);
    const [audit] = await db.query<{ actor_type: string }[]>(
      `SELECT actor_type FROM audit_events
        WHERE action = 'notifications.webhook-deactivated' AND target_id = $1`,
      [gone.endpoint.id],
    );
    expect(audit?.actor_type).toBe('SYSTEM');

    const again = await gql(org.admin, 'mutation T($id: ID!) { testWebhook(id: $id) }', {
      id: gone.endpoint.id,
    });
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const completionsBefore = arrivedAt('/completions').length;
    const learner = await newLearner();
    await finishPolicyCourse(api, learner, await assignPolicy(learner));
    await waitFor(
      () => arrivedAt('/completions').length === completionsBefore + 1,
      'the completion at the active endpoint',
    );
    await settle();
    expect(arrivedAt('/gone')).toHaveLength(1);
  });

  it('signs with the old secret beside the new one after a rotation', async () => {
    const rotating = await create('/rotating', ['LEARNING_ASSIGNED']);
    const rotated = await gql<{ rotateWebhookSecret: { secret: string; endpoint: Endpoint } }>(
      org.admin,
      'mutation R($id: ID!) { rotateWebhookSecret(id: $id) { secret endpoint { id } } }',
      { id: rotating.endpoint.id },
    );
    expect(rotated.errors).toBeUndefined();
    const secret = rotated.data?.rotateWebhookSecret.secret ?? '';
    expect(secret).toMatch(/^whsec_/);
    expect(secret).not.toBe(rotating.secret);
    await testWebhook(rotating.endpoint.id);
    await waitFor(() => arrivedAt('/rotating').length === 1, 'the ping after rotation');
    const [arrival] = arrivedAt('/rotating');
    expect(String(arrival?.headers['webhook-signature']).split(' ')).toHaveLength(2);
    expect(verifies(secret, arrival as Arrival)).toBe(true);
    expect(verifies(rotating.secret, arrival as Arrival)).toBe(true);
  });

  it('keeps endpoints to their organization and to admins, and never shows a secret again', async () => {
    const mine = await create('/private', ['ENROLLMENT_COMPLETED']);
    const unknown = '00000000-0000-4000-8000-0000000f00d5';
    const operations = [
      `mutation O($id: ID!) { updateWebhookEndpoint(id: $id, input: { active: false }) { id } }`,
      'mutation O($id: ID!) { deleteWebhookEndpoint(id: $id) }',
      'mutation O($id: ID!) { testWebhook(id: $id) }',
      'mutation O($id: ID!) { rotateWebhookSecret(id: $id) { secret } }',
    ];
    for (const operation of operations) {
      const theirs = await gql(other.admin, operation, { id: mine.endpoint.id });
      expect(theirs.errors?.[0]?.extensions?.code, operation).toBe('NOT_FOUND');
      expect(theirs, operation).toEqual(await gql(other.admin, operation, { id: unknown }));
      const learners = await gql(org.learner, operation, { id: mine.endpoint.id });
      expect(learners.errors?.[0]?.extensions?.code, operation).toBe('FORBIDDEN');
    }
    expect((await endpoints(other.admin)).map((endpoint) => endpoint.id)).not.toContain(
      mine.endpoint.id,
    );
    const learnerList = await gql(org.learner, `{ webhookEndpoints ${ENDPOINT} }`);
    expect(learnerList.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const learnerCreate = await gql(org.learner, CREATE, {
      input: { url: `${receiverUrl}/learner`, events: ['ENROLLMENT_COMPLETED'] },
    });
    expect(learnerCreate.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    // Untouched by all of that, and its secret is nowhere but in the creation's answer.
    const listed = await gql(org.admin, `{ webhookEndpoints ${ENDPOINT} }`);
    const found = (listed.data as { webhookEndpoints: Endpoint[] }).webhookEndpoints.find(
      (endpoint) => endpoint.id === mine.endpoint.id,
    );
    expect(found).toEqual(mine.endpoint);
    expect(JSON.stringify(listed)).not.toContain('whsec_');
    const asking = await gql(org.admin, '{ webhookEndpoints { secret } }');
    expect(asking.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const [stored] = await db.query<{ row: string }[]>(
      'SELECT row_to_json(w)::text AS row FROM webhook_endpoints w WHERE id = $1',
      [mine.endpoint.id],
    );
    expect(stored?.row).not.toContain(mine.secret.slice(6));
    const audit = await db.query<{ details: string }[]>(
      `SELECT details::text FROM audit_events WHERE target_id = $1`,
      [mine.endpoint.id],
    );
    expect(audit.length).toBeGreaterThan(0);
    expect(audit.map((row) => row.details).join()).not.toContain('whsec_');
  });

  it('refuses bad input with BAD_USER_INPUT and writes nothing', async () => {
    const target = await create('/steady', ['ENROLLMENT_COMPLETED']);
    const counts = async () =>
      db.query<{ endpoints: number; audit: number; outbox: number }[]>(
        `SELECT (SELECT count(*) FROM webhook_endpoints)::int AS endpoints,
                (SELECT count(*) FROM audit_events)::int AS audit,
                (SELECT count(*) FROM outbox_messages)::int AS outbox`,
      );
    const before = await counts();
    const bad: Record<string, unknown>[] = [
      { url: 'ftp://hooks.example.com/x', events: ['ENROLLMENT_COMPLETED'] },
      { url: 'not a url', events: ['ENROLLMENT_COMPLETED'] },
      { url: 'https://user:secret@hooks.example.com/x', events: ['ENROLLMENT_COMPLETED'] },
      { url: 'https://hooks.example.com/x#fragment', events: ['ENROLLMENT_COMPLETED'] },
      { url: `https://hooks.example.com/${'a'.repeat(2048)}`, events: ['ENROLLMENT_COMPLETED'] },
      { url: 'https://hooks.example.com/x', events: [] },
      {
        url: 'https://hooks.example.com/x',
        events: ['ENROLLMENT_COMPLETED'],
        description: 'd'.repeat(501),
      },
    ];
    for (const input of bad) {
      const body = await gql(org.admin, CREATE, { input });
      expect(body.errors?.[0]?.extensions?.code, JSON.stringify(input).slice(0, 80)).toBe(
        'BAD_USER_INPUT',
      );
    }
    for (const input of [{ events: [] }, { description: 'd'.repeat(501) }]) {
      const body = await gql(org.admin, UPDATE, { id: target.endpoint.id, input });
      expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    const malformedId = await gql(org.admin, 'mutation { testWebhook(id: "not-a-uuid") }');
    expect(malformedId.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await counts()).toEqual(before);
    expect((await endpoints()).find((endpoint) => endpoint.id === target.endpoint.id)).toEqual(
      target.endpoint,
    );
  });

  it('updates, pauses and deletes an endpoint, each audited', async () => {
    const endpoint = await create('/managed', ['ENROLLMENT_COMPLETED']);
    const updated = await gql<{ updateWebhookEndpoint: Endpoint }>(org.admin, UPDATE, {
      id: endpoint.endpoint.id,
      input: {
        description: 'Security channel',
        events: ['LEARNING_ASSIGNED', 'ENROLLMENT_COMPLETED'],
        active: false,
      },
    });
    expect(updated.data?.updateWebhookEndpoint).toEqual({
      ...endpoint.endpoint,
      description: 'Security channel',
      events: ['ENROLLMENT_COMPLETED', 'LEARNING_ASSIGNED'],
      active: false,
    });
    const assignmentsBefore = arrivedAt('/assignments').length;
    const learner = await newLearner();
    await assignPolicy(learner);
    await waitFor(
      () => arrivedAt('/assignments').length === assignmentsBefore + 1,
      'the assignment at another endpoint',
    );
    await settle();
    expect(arrivedAt('/managed')).toHaveLength(0);

    const deleted = await gql(
      org.admin,
      'mutation D($id: ID!) { deleteWebhookEndpoint(id: $id) }',
      {
        id: endpoint.endpoint.id,
      },
    );
    expect(deleted.errors).toBeUndefined();
    expect((await endpoints()).map((row) => row.id)).not.toContain(endpoint.endpoint.id);
    const again = await gql(org.admin, 'mutation D($id: ID!) { deleteWebhookEndpoint(id: $id) }', {
      id: endpoint.endpoint.id,
    });
    expect(again.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const actions = await db.query<{ action: string }[]>(
      `SELECT action FROM audit_events WHERE target_id = $1 ORDER BY sequence`,
      [endpoint.endpoint.id],
    );
    expect(actions.map((row) => row.action)).toEqual([
      'notifications.webhook-created',
      'notifications.webhook-updated',
      'notifications.webhook-deleted',
    ]);
  });
});
