// Builds when dist/ is missing or older than any source file, so `npm start`, the CLI and the
// tests that spawn processes always run what the sources say.
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const SOURCE_DIRS = ['apps', 'libs', 'migrations', 'bench'];
const SOURCE_FILES = ['package.json', 'tsconfig.json', 'tsconfig.build.json'];

function newestMtime(path) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((entry) => newestMtime(join(path, entry))));
}

const builtAt = statSync(join(root, 'dist/.build-stamp'), { throwIfNoEntry: false })?.mtimeMs ?? 0;
const sourcesAt = Math.max(
  ...SOURCE_DIRS.map((dir) => newestMtime(join(root, dir))),
  ...SOURCE_FILES.map((file) => newestMtime(join(root, file))),
);
if (sourcesAt > builtAt) {
  process.stderr.write('Building (sources changed since the last build)...\n');
  execFileSync(process.execPath, [join(root, 'scripts/build.mjs')], {
    stdio: 'inherit',
    cwd: root,
  });
}
