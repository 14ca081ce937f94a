// Compiles the TypeScript sources to dist/ and rewrites the @academy/* path aliases into
// relative imports that Node resolves, copies data files, and writes dist/.build-stamp for
// ensure-built.mjs.
import { execFileSync } from 'node:child_process';
import { cpSync, rmSync, writeFileSync } from 'node:fs';

const bin = (name) => new URL(`../node_modules/.bin/${name}`, import.meta.url).pathname;

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
execFileSync(bin('tsc'), ['-p', 'tsconfig.build.json'], { stdio: 'inherit' });
execFileSync(bin('tsc-alias'), ['-p', 'tsconfig.build.json', '--resolve-full-paths'], {
  stdio: 'inherit',
});
// Data files that code reads beside itself (e.g. the common-password list).
cpSync(new URL('../libs', import.meta.url), new URL('../dist/libs', import.meta.url), {
  recursive: true,
  filter: (source) => !/\.[cm]?ts$/.test(source),
});
writeFileSync(new URL('../dist/.build-stamp', import.meta.url), new Date().toISOString());
