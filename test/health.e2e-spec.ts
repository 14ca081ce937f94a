import type { INestApplicationContext } from '@nestjs/common';
import { startTestApi, startTestWorker, waitFor, type TestApi } from '@academy/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

interface ReadyBody {
  status: string;
  failing: string[];
  checks: Record<string, { ok: boolean; detail?: string }>;
}

async function readiness(api: TestApi): Promise<{ status: number; body: ReadyBody }> {
  const response = await fetch(`${api.url}/health/ready`);
  return { status: response.status, body: (await response.json()) as ReadyBody };
}

describe('health', () => {
  let api: TestApi;
  let worker: INestApplicationContext | undefined;

  beforeAll(async () => {
    api = await startTestApi();
  });

  afterAll(async () => {
    await worker?.close();
    await api.close();
  });

  it('is live whatever the dependencies', async () => {
    const response = await fetch(`${api.url}/health/live`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('is not ready, naming the worker, until a worker has beaten', async () => {
    const { status, body } = await readiness(api);
    expect(status).toBe(503);
    expect(body.failing).toEqual(['worker']);
    expect(body.checks.worker?.detail).toBe('no worker has reported a heartbeat');
  });

  it('is ready with database, Redis and a worker heartbeat', async () => {
    worker = await startTestWorker();
    await waitFor(
      async () => (await readiness(api)).status === 200,
      'readiness after worker start',
    );
    const { body } = await readiness(api);
    expect(body).toEqual({
      status: 'ok',
      failing: [],
      checks: { database: { ok: true }, redis: { ok: true }, worker: { ok: true } },
    });
  });

  it('echoes a plain X-Request-Id and replaces one that is not', async () => {
    const plain = await fetch(`${api.url}/health/live`, {
      headers: { 'x-request-id': 'edge-42.a' },
    });
    expect(plain.headers.get('x-request-id')).toBe('edge-42.a');
    const hostile = await fetch(`${api.url}/health/live`, {
      headers: { 'x-request-id': 'bad id\twith "spaces"' },
    });
    expect(hostile.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('health with Redis unreachable', () => {
  let api: TestApi;

  beforeAll(async () => {
    // Port 1 on loopback: nothing listens there, so connections are refused at once.
    api = await startTestApi({ REDIS_URL: 'redis://127.0.0.1:1' });
  });

  afterAll(async () => {
    await api.close();
  });

  it('answers 503 naming Redis', async () => {
    const { status, body } = await readiness(api);
    expect(status).toBe(503);
    expect(body.failing).toContain('redis');
    expect(body.checks.redis?.ok).toBe(false);
    expect(body.checks.database).toEqual({ ok: true });
  });

  it('still serves /metrics', async () => {
    const response = await fetch(`${api.url}/metrics`);
    expect(response.status).toBe(200);
  });
});
