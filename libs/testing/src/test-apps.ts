import type { AddressInfo } from 'node:net';
import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createLogger, loadConfig, type AppConfig, type Clock } from '@academy/common';
import type { Logger } from 'pino';
import { createApiApp } from '../../../apps/api/src/create-api-app.js';
import { createWorkerApp } from '../../../apps/worker/src/create-worker-app.js';

export type ConfigOverrides = Partial<Record<keyof AppConfig, string>>;

/** The configuration of this test file (see test/per-file-setup.ts) with `overrides` applied. */
export function testConfig(overrides: ConfigOverrides = {}): AppConfig {
  return loadConfig({ ...process.env, ...overrides });
}

export interface GraphqlResponse<Data = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: {
    data?: Data | null;
    errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
  };
}

export interface TestApi {
  app: NestFastifyApplication;
  url: string;
  graphql<Data = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphqlResponse<Data>>;
  close(): Promise<void>;
}

/** The real API over real HTTP on a free local port, against this file's database and Redis. */
export async function startTestApi(
  overrides: ConfigOverrides = {},
  logger: Logger = createLogger({ LOG_LEVEL: 'silent' }, 'test-api'),
  clock?: Clock,
): Promise<TestApi> {
  const app = await createApiApp(testConfig(overrides), logger, clock);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.getHttpServer().address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    app,
    url,
    async graphql<Data>(
      query: string,
      variables?: Record<string, unknown>,
      headers: Record<string, string> = {},
    ): Promise<GraphqlResponse<Data>> {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return {
        status: response.status,
        headers: response.headers,
        body: (await response.json()) as GraphqlResponse<Data>['body'],
      };
    },
    close: () => app.close(),
  };
}

/** The real worker in this process, processing this file's queues. */
export function startTestWorker(
  overrides: ConfigOverrides = {},
  logger: Logger = createLogger({ LOG_LEVEL: 'silent' }, 'test-worker'),
  clock?: Clock,
): Promise<INestApplicationContext> {
  return createWorkerApp(testConfig(overrides), logger, clock);
}
