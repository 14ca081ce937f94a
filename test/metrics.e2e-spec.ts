import { startTestApi, type TestApi } from '@academy/testing';
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
    const before = await statements();
    // Readiness runs exactly two statements: SELECT 1 and the heartbeat age.
    await fetch(`${api.url}/health/ready`);
    expect((await statements()) - before).toBe(2);
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
