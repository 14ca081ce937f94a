// `npm start`: builds if needed, creates and migrates the database, then runs the API and the
// worker as two processes. Signals are forwarded to both; when either exits, the other is
// stopped and its exit code is passed on.
import { execFileSync, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
execFileSync(process.execPath, ['scripts/ensure-built.mjs'], { cwd: root, stdio: 'inherit' });

if (!process.env.APP_COMMIT) {
  try {
    process.env.APP_COMMIT = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root })
      .toString()
      .trim();
  } catch {
    // Not a git checkout (e.g. a release tarball): serverInfo reports "unknown".
  }
}

// A fresh clone has no secrets yet: generate local ones into .env (never used in production).
const { ensureLocalSecrets } = await import('../dist/libs/common/src/index.js');
const generated = ensureLocalSecrets(new URL('../.env', import.meta.url).pathname);
if (generated.length > 0) console.error(`Generated ${generated.join(' and ')} into .env`);

// Migrate before either process starts, so the worker never meets a database without its tables.
execFileSync(process.execPath, ['dist/apps/cli/src/main.js', 'migrate'], {
  cwd: root,
  stdio: 'inherit',
});

const children = ['api', 'worker'].map((name) => ({
  name,
  process: spawn(process.execPath, [`dist/apps/${name}/src/main.js`], {
    cwd: root,
    stdio: 'inherit',
  }),
}));

let exitCode;
for (const child of children) {
  child.process.on('exit', (code, signal) => {
    if (exitCode === undefined) {
      exitCode = code ?? (signal ? 1 : 0);
      if (code !== 0) console.error(`${child.name} exited (${signal ?? `code ${code}`}); stopping`);
      for (const other of children) if (other !== child) other.process.kill('SIGTERM');
    }
    if (children.every(({ process: p }) => p.exitCode !== null || p.signalCode !== null)) {
      process.exit(exitCode);
    }
  });
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const child of children) child.process.kill(signal);
  });
}
