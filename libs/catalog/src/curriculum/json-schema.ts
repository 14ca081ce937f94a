import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { FILE_SCHEMAS } from './format.js';

/**
 * Writes one JSON Schema per kind of curriculum file to `directory`, generated from the same
 * zod schemas the validator uses, so editors check files as authors type.
 */
export function writeJsonSchemas(directory: string): string[] {
  mkdirSync(directory, { recursive: true });
  return Object.entries(FILE_SCHEMAS).map(([kind, schema]) => {
    const file = join(directory, `${kind}.schema.json`);
    const json = z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12' });
    writeFileSync(
      file,
      `${JSON.stringify({ ...json, title: `AI Security Academy curriculum: ${kind}` }, null, 2)}\n`,
    );
    return file;
  });
}
