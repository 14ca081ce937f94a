import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLogger, loadConfigOrExit, PROJECT_ROOT } from '@academy/common';
import { createApiApp } from './create-api-app.js';
import { printApiSchema } from './graphql/print-schema.js';

// Builds the API (without listening) and writes the schema it serves to schema.gql.
const config = loadConfigOrExit('schema:emit');
const app = await createApiApp(config, createLogger({ LOG_LEVEL: 'warn' }, 'schema-emit'));
writeFileSync(join(PROJECT_ROOT, 'schema.gql'), printApiSchema(app));
await app.close();
process.stdout.write('Wrote schema.gql\n');
