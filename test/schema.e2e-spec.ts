import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '@academy/common';
import { startTestApi } from '@academy/testing';
import { describe, expect, it } from 'vitest';
import { printApiSchema } from '../apps/api/src/graphql/print-schema.js';

describe('schema.gql', () => {
  it('is the schema the API serves (run `npm run schema:emit` after changing it)', async () => {
    const api = await startTestApi();
    try {
      const committed = readFileSync(join(PROJECT_ROOT, 'schema.gql'), 'utf8');
      expect(committed, 'schema.gql is stale: run `npm run schema:emit`').toBe(
        printApiSchema(api.app),
      );
    } finally {
      await api.close();
    }
  });
});
