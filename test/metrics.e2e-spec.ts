import { startTestApi, type TestApi } from '@academy/testing';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

describe('/metrics', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
  });

  afterAll(async () => {
    await api.close();
  });

  it('exposes process, HTTP, GraphQL and queue metrics in Prometheus format', async () => {
    await api.graphql('query Anything { serverInfo { version } }');
    await api.graphql('{ nope }');
    const response = await fetch(`${api.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(text).toContain('process_resident_memory_bytes');
    expect(text).toContain('nodejs_eventloop_lag_p99_seconds');
    expect(text).toMatch(
      /http_request_duration_seconds_count\{method="POST",route="\/graphql",status_code="200"\} 1\b/,
    );
    expect(text).toMatch(
      /graphql_operation_duration_seconds_count\{operation_type="query",operation="serverInfo",outcome="ok"\} 1\b/,
    );
    // Labelled by root field, never by the client's operation name.
    expect(text).not.toContain('Anything');
    expect(text).toMatch(/graphql_errors_total\{code="GRAPHQL_VALIDATION_FAILED"\} 1\b/);
    expect(text).toMatch(/queue_jobs\{queue="maintenance",state="waiting"\} \d+/);
  });

  it('counts the SQL statements sent', async () => {
    const statements = async () => {
      const text = await (await fetch(`${api.url}/metrics`)).text();
      return Number(/^db_statements_total (\d+)$/m.exec(text)?.[1]);
    };
    // A scrape itself reads delivery counts from PostgreSQL; measure that first.
    const first = await statements();
    const scrapeOnly = (await statements()) - first;
    const before = await statements();
    // Readiness runs exactly two statements: SELECT 1 and the heartbeat age.
    await fetch(`${api.url}/health/ready`);
    expect((await statements()) - before - scrapeOnly).toBe(2);
  });

  it('reads unfinished outbox messages and recent deliveries from PostgreSQL', async () => {
    const dataSource = api.app.get(DataSource);
    const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);
    const outbox = (status: string, availableAt: Date) =>
      dataSource.query(
        `INSERT INTO outbox_messages (organization_id, topic, payload, available_at, status)
         VALUES (gen_random_uuid(), 'learning.certificate-issued', '{}', $1, $2)`,
        [availableAt, status],
      );
    const delivery = (channel: string, deliveredAt: Date) =>
      dataSource.query(
        `INSERT INTO notification_deliveries
           (organization_id, outbox_message_id, channel, recipient, message_id, delivered_at)
         VALUES (gen_random_uuid(), gen_random_uuid(), $1, gen_random_uuid(), 'm', $2)`,
        [channel, deliveredAt],
      );
    await outbox('pending', minutesAgo(1)); // due: waiting for the relay
    await outbox('pending', minutesAgo(-24 * 60)); // tomorrow's reminder: not backlog
    await outbox('queued', minutesAgo(1));
    await outbox('claimed', minutesAgo(1));
    await outbox('failed', minutesAgo(1));
    await outbox('failed', minutesAgo(90));
    await outbox('done', minutesAgo(1));
    await delivery('email', minutesAgo(1));
    await delivery('email', minutesAgo(4));
    await delivery('email', minutesAgo(6)); // outside the window
    await delivery('in-app', minutesAgo(2));

    const text = await (await fetch(`${api.url}/metrics`)).text();
    const topic = 'topic="learning.certificate-issued"';
    expect(text).toMatch(new RegExp(`outbox_messages\\{${topic},status="pending"\\} 1\\n`));
    expect(text).toMatch(new RegExp(`outbox_messages\\{${topic},status="queued"\\} 1\\n`));
    expect(text).toMatch(new RegExp(`outbox_messages\\{${topic},status="claimed"\\} 1\\n`));
    expect(text).toMatch(new RegExp(`outbox_messages\\{${topic},status="failed"\\} 2\\n`));
    // Every topic and status has a series, zero when nothing waits.
    expect(text).toMatch(/outbox_messages\{topic="identity.password-reset",status="failed"\} 0\n/);
    expect(text).not.toMatch(/status="done"/);
    expect(text).toMatch(/notification_deliveries_last_5m\{channel="email"\} 2\n/);
    expect(text).toMatch(/notification_deliveries_last_5m\{channel="in-app"\} 1\n/);
    expect(text).toMatch(/notification_deliveries_last_5m\{channel="webhook"\} 0\n/);
  });

  it('still answers, with the last counts, while PostgreSQL cannot read the outbox', async () => {
    const before = await (await fetch(`${api.url}/metrics`)).text();
    const failedLine =
      /outbox_messages\{topic="learning.certificate-issued",status="failed"\} \d+\n/;
    expect(before).toMatch(failedLine);
    const locker = api.app.get(DataSource).createQueryRunner();
    await locker.connect();
    await locker.startTransaction();
    try {
      await locker.query('LOCK TABLE outbox_messages IN ACCESS EXCLUSIVE MODE');
      await locker.query(
        `INSERT INTO outbox_messages (organization_id, topic, payload, available_at, status)
         VALUES (gen_random_uuid(), 'learning.certificate-issued', '{}', now(), 'failed')`,
      );
      // Not a measure of speed: without its own timeout, the scrape would wait on the lock.
      const during = await fetch(`${api.url}/metrics`, { signal: AbortSignal.timeout(5000) });
      expect(during.status).toBe(200);
      const text = await during.text();
      expect(text).toContain('process_resident_memory_bytes');
      expect(failedLine.exec(text)?.[0]).toBe(failedLine.exec(before)?.[0]);
    } finally {
      await locker.rollbackTransaction();
      await locker.release();
    }
  });
});

describe('/metrics with a token', () => {
  const token = 'a-metrics-token-of-at-least-32-characters';
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi({ METRICS_TOKEN: token });
  });

  afterAll(async () => {
    await api.close();
  });

  it('refuses scrapes without the token and serves those with it', async () => {
    expect((await fetch(`${api.url}/metrics`)).status).toBe(401);
    const wrong = await fetch(`${api.url}/metrics`, { headers: { authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(401);
    const right = await fetch(`${api.url}/metrics`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(right.status).toBe(200);
    expect(await right.text()).toContain('process_resident_memory_bytes');
  });
});
