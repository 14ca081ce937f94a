import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebhookRefusedError, postWebhook, publicOnlyLookup } from './webhook-transport.js';

const open = { allowHttp: true, allowPrivateNetworks: true };

describe('webhook transport', () => {
  let server: Server;
  let base: string;
  const received: { headers: IncomingMessage['headers']; body: string }[] = [];
  const routes: Record<string, (response: ServerResponse) => void> = {
    '/ok': (response) => response.writeHead(204).end(),
    '/redirect': (response) =>
      response.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end(),
    '/gone': (response) => response.writeHead(410).end('gone'),
    '/silent': () => undefined,
  };

  beforeAll(async () => {
    server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
        routes[request.url ?? '']?.(response);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const post = (path: string, extra: Partial<Parameters<typeof postWebhook>[0]> = {}) =>
    postWebhook({
      url: `${base}${path}`,
      headers: { 'content-type': 'application/json', 'webhook-id': 'msg_1' },
      body: '{"type":"webhook.ping"}',
      timeoutMs: 2000,
      rules: open,
      ...extra,
    });

  it('POSTs the body with its headers and returns the status', async () => {
    expect(await post('/ok')).toBe(204);
    const last = received.at(-1);
    expect(last?.body).toBe('{"type":"webhook.ping"}');
    expect(last?.headers['webhook-id']).toBe('msg_1');
    expect(last?.headers['content-type']).toBe('application/json');
  });

  it('reports a redirect or an error status instead of following or reading it', async () => {
    expect(await post('/redirect')).toBe(302);
    expect(await post('/gone')).toBe(410);
  });

  it('gives up after the timeout', async () => {
    await expect(post('/silent', { timeoutMs: 200 })).rejects.toThrow('no answer within 200 ms');
  });

  it('names a connection failure by its code, never by the URL', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const error = await postWebhook({
      url: `http://127.0.0.1:${port}/secret-token-in-path`,
      headers: {},
      body: '{}',
      timeoutMs: 2000,
      rules: open,
    }).catch((caught: unknown) => caught as Error);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe('could not reach the receiver (ECONNREFUSED)');
  });

  it('refuses a private address unless private networks are allowed, sending nothing', async () => {
    const before = received.length;
    await expect(post('/ok', { rules: { ...open, allowPrivateNetworks: false } })).rejects.toThrow(
      WebhookRefusedError,
    );
    await expect(
      post('/ok', { url: 'http://localhost/ok', rules: { ...open, allowPrivateNetworks: false } }),
    ).rejects.toThrow('The URL must point to a public address.');
    expect(received.length).toBe(before);
  });

  it('checks the addresses a name resolves to as the socket connects', async () => {
    const refused = await new Promise<unknown>((resolve) => {
      publicOnlyLookup(false)('localhost', { all: true }, (error) => {
        resolve(error);
      });
    });
    expect(refused).toBeInstanceOf(WebhookRefusedError);
    const allowed = await new Promise<unknown[]>((resolve) => {
      publicOnlyLookup(true)('localhost', { all: false }, (error, address, family) => {
        resolve([error, address, family]);
      });
    });
    expect(allowed[0]).toBeNull();
    expect(['127.0.0.1', '::1']).toContain(allowed[1]);
  });
});
