import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE_NAME = 'ai-security-academy';

function findProjectRoot(): string {
  let directory = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(directory, 'package.json');
    if (existsSync(manifest)) {
      const { name } = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string };
      if (name === PACKAGE_NAME) return directory;
    }
    const parent = dirname(directory);
    if (parent === directory) throw new Error(`no ${PACKAGE_NAME} package.json above this file`);
    directory = parent;
  }
}

/**
 * The repository root, found the same way from sources (tests) and from dist/ (production), so
 * files such as schema.gql and curriculum/ are located without depending on the working directory.
 */
export const PROJECT_ROOT = findProjectRoot();

export const PROJECT_VERSION = (
  JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }
).version;
