import { startTestApi, type TestApi } from '@academy/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const nestedIntrospection = (depth: number) => {
  // __schema adds nothing; types, fields, type and the final name add 4; each ofType adds 1.
  const ofTypes = depth - 4;
  return `{ __schema { types { fields { type { ${'ofType { '.repeat(ofTypes)}name${' }'.repeat(ofTypes)} } } } } }`;
};

describe('GraphQL endpoint', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
  });

  afterAll(async () => {
    await api.close();
  });

  it('answers serverInfo', async () => {
    const { status, body } = await api.graphql<{
      serverInfo: { version: string; commit: string; uptimeSeconds: number };
    }>('{ serverInfo { version commit uptimeSeconds } }');
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data?.serverInfo.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(body.data?.serverInfo.uptimeSeconds).toBeGreaterThan(0);
  });

  it('refuses a depth-20 query before execution, with a code and no stack trace', async () => {
    const { body } = await api.graphql(nestedIntrospection(20));
    expect(body.data).toBeUndefined();
    expect(body.errors).toEqual([
      {
        message: 'Query depth 20 exceeds the limit of 10.',
        locations: [{ line: 1, column: 1 }],
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      },
    ]);
  });

  it('accepts the same query at the depth limit', async () => {
    const { body } = await api.graphql(nestedIntrospection(10));
    expect(body.errors).toBeUndefined();
  });

  it('refuses a 500-alias query before execution', async () => {
    const aliases = Array.from({ length: 500 }, (_, i) => `a${i}: serverInfo { version }`).join(
      ' ',
    );
    const { body } = await api.graphql(`{ ${aliases} }`);
    expect(body.data).toBeUndefined();
    expect(body.errors?.map((error) => [error.message, error.extensions])).toEqual([
      [
        'The document uses 500 aliases; at most 15 are allowed.',
        { code: 'GRAPHQL_VALIDATION_FAILED' },
      ],
    ]);
  });

  it('refuses a 200 KB body before parsing it', async () => {
    const padding = ' '.repeat(200 * 1024);
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ serverInfo { version }${padding}}` }),
    });
    expect(response.status).toBe(413);
    const text = await response.text();
    expect(text).not.toContain('serverInfo');
    expect(text).not.toMatch(/\bat .+\.js:\d+/);
  });

  it('reports unknown fields with a code and no stack trace', async () => {
    const { status, body } = await api.graphql('{ nope }');
    expect(status).toBe(400);
    expect(body.errors).toHaveLength(1);
    expect(body.errors?.[0]?.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
  });

  it('refuses batched requests', async () => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([
        { query: '{ serverInfo { version } }' },
        { query: '{ serverInfo { version } }' },
      ]),
    });
    expect(response.status).toBe(400);
  });

  it('refuses a simple cross-site request without a preflight header (CSRF prevention)', async () => {
    const response = await fetch(
      `${api.url}/graphql?query=${encodeURIComponent('{ serverInfo { version } }')}`,
    );
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('CSRF');
    const preflighted = await fetch(
      `${api.url}/graphql?query=${encodeURIComponent('{ serverInfo { version } }')}`,
      { headers: { 'apollo-require-preflight': 'true' } },
    );
    expect(preflighted.status).toBe(200);
  });
});

describe('GraphQL cost limit', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi({ GRAPHQL_MAX_COST: '3' });
  });

  afterAll(async () => {
    await api.close();
  });

  it('refuses an operation costing more than the limit and runs one within it', async () => {
    const tooCostly = await api.graphql('{ serverInfo { version commit uptimeSeconds } }');
    expect(tooCostly.body.data).toBeUndefined();
    expect(tooCostly.body.errors?.[0]).toMatchObject({
      message: 'The operation costs 4; at most 3 is allowed. Ask for fewer items or fields.',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    const cheap = await api.graphql('{ serverInfo { version commit } }');
    expect(cheap.body.errors).toBeUndefined();
  });

  it('prices an operation by the variables that decide its fields', async () => {
    const document =
      'query($more: Boolean!) { serverInfo { version commit uptimeSeconds @include(if: $more) } }';
    expect((await api.graphql(document, { more: false })).body.errors).toBeUndefined();
    // The same document with a variable that adds a field is priced again, not from the cache.
    const over = await api.graphql(document, { more: true });
    expect(over.body.errors?.[0]?.message).toBe(
      'The operation costs 4; at most 3 is allowed. Ask for fewer items or fields.',
    );
  });
});

describe('GraphQL in production', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi({ NODE_ENV: 'production' });
  });

  afterAll(async () => {
    await api.close();
  });

  it('refuses introspection', async () => {
    const { body } = await api.graphql('{ __schema { queryType { name } } }');
    expect(body.errors?.[0]?.message).toMatch(/introspection/i);
  });

  it('gives no field suggestions', async () => {
    const { body } = await api.graphql('{ serverInf { version } }');
    expect(body.errors?.[0]?.message).not.toContain('Did you mean');
    expect(body.errors?.[0]?.message).not.toContain('serverInfo');
  });
});
