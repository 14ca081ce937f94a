import { join } from 'node:path';
import { PROJECT_ROOT } from '../project-root.js';
import { configSchema, type AppConfig } from './config.schema.js';
import { readEnvFile } from './env-file.js';

/** The process environment over the project's local `.env` file, if there is one. */
export function readEnvironment(): NodeJS.ProcessEnv {
  return { ...readEnvFile(join(PROJECT_ROOT, '.env')), ...process.env };
}

/** Raised when the environment is invalid; lists one line per bad variable and never a value. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Reads and validates the environment. Values are never echoed back in problems: a variable
 * such as DATABASE_URL may hold a password.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const present = Object.fromEntries(
    Object.keys(configSchema.shape)
      .filter((name) => env[name] !== undefined && env[name] !== '')
      .map((name) => [name, env[name]]),
  );
  const parsed = configSchema.safeParse(present);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map(
    (issue) => `${issue.path.join('.') || '(environment)'}: ${issue.message}`,
  );
  throw new ConfigError(problems);
}

/**
 * For a process entry point: the validated configuration of {@link readEnvironment}, or one line per bad variable on
 * stderr and exit code 1 before anything connects or listens.
 */
export function loadConfigOrExit(processName: string): AppConfig {
  try {
    return loadConfig(readEnvironment());
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${processName}: invalid configuration, not starting\n`);
    for (const problem of error.problems) process.stderr.write(`${problem}\n`);
    process.exit(1);
  }
}
