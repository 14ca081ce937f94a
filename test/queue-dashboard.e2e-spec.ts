import { QUEUE_NAMES } from '@academy/queue';
import { startTestApi, type TestApi } from '@academy/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const OPERATOR_TOKEN = 'an-operator-token-of-at-least-32-characters';
const basic = (password: string) =>
  `Basic ${Buffer.from(`operator:${password}`).toString('base64')}`;

describe('queue dashboard at /admin/queues', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi({ OPERATOR_TOKEN });
  });

  afterAll(async () => {
    await api.close();
  });

  it('asks for the operator token, and refuses a wrong one or a tenant access token', async () => {
    for (const path of [
      '/admin/queues',
      '/admin/queues/api/queues',
      '/admin/queues/static/favicon-32x32.png',
    ]) {
      const anonymous = await fetch(`${api.url}${path}`);
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers.get('www-authenticate')).toBe(
        'Basic realm="queues", charset="UTF-8"',
      );
    }
    for (const authorization of [
      basic(`${OPERATOR_TOKEN}x`),
      `Bearer ${OPERATOR_TOKEN.slice(0, -1)}`,
      `Basic ${Buffer.from(OPERATOR_TOKEN).toString('base64')}`,
    ]) {
      const wrong = await fetch(`${api.url}/admin/queues/api/queues`, {
        headers: { authorization },
      });
      expect(wrong.status).toBe(401);
    }
  });

  it('shows every queue to an operator (Basic for browsers, bearer for scripts)', async () => {
    const page = await fetch(`${api.url}/admin/queues`, {
      headers: { authorization: basic(OPERATOR_TOKEN) },
    });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('AI Security Academy queues');

    const queues = await fetch(`${api.url}/admin/queues/api/queues`, {
      headers: { authorization: `Bearer ${OPERATOR_TOKEN}` },
    });
    expect(queues.status).toBe(200);
    const body = (await queues.json()) as { queues: { name: string; readOnlyMode: boolean }[] };
    expect(body.queues.map((queue) => queue.name).sort()).toEqual([...QUEUE_NAMES].sort());
    expect(body.queues.every((queue) => queue.readOnlyMode)).toBe(true);
  });

  it('changes nothing: the queues are read-only', async () => {
    const [queue] = QUEUE_NAMES;
    const pause = await fetch(`${api.url}/admin/queues/api/queues/${queue}/pause`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${OPERATOR_TOKEN}` },
    });
    expect(pause.status).toBe(405);
  });
});

describe('queue dashboard without an operator token', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
  });

  afterAll(async () => {
    await api.close();
  });

  it('is not served at all', async () => {
    const response = await fetch(`${api.url}/admin/queues/api/queues`, {
      headers: { authorization: `Bearer ${OPERATOR_TOKEN}` },
    });
    expect(response.status).toBe(404);
  });
});
