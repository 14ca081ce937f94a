import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT } from '@academy/common';

export interface RunningProcess {
  child: ChildProcess;
  output: () => string;
  /** Resolves with the exit code (or the signal's name) once the process has ended. */
  exited: Promise<number | NodeJS.Signals>;
}

/**
 * Starts one of the built entry points (`api`, `worker` or `cli`) as a child process, with this
 * test file's environment plus `env`.
 */
export function spawnBuilt(
  app: 'api' | 'worker' | 'cli',
  env: Record<string, string> = {},
  args: string[] = [],
): RunningProcess {
  const child = spawn(
    process.execPath,
    [join(PROJECT_ROOT, `dist/apps/${app}/src/main.js`), ...args],
    { cwd: PROJECT_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise<number | NodeJS.Signals>((resolve) => {
    child.on('exit', (code, signal) => {
      resolve(code ?? signal ?? 'SIGKILL');
    });
  });
  return { child, output: () => output, exited };
}

/** Polls `condition` every 100 ms until it holds, failing after `timeoutMs` with `what`. */
export async function waitFor(
  condition: () => Promise<boolean> | boolean,
  what: string,
  timeoutMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
