import { randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';

/**
 * Variables from a `KEY=value` file (blank lines and `#` comments ignored; values may be
 * quoted). Used for the project's local `.env`, which `npm start` creates with random secrets on
 * a developer machine; real environment variables always win over it.
 */
export function readEnvFile(path: string): Record<string, string> {
  if (!existsSync(path)) return {};
  const variables: Record<string, string> = {};
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const match = /^\s*([A-Z][A-Z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (!match?.[1] || match[2] === undefined) continue;
    variables[match[1]] = match[2].replace(/^(['"])(.*)\1$/, '$2');
  }
  return variables;
}

const GENERATED_SECRETS = [
  'JWT_SIGNING_KEY',
  'DATA_ENCRYPTION_KEY',
  'CERTIFICATE_SIGNING_KEY',
] as const;

/**
 * On a developer machine, gives the local `.env` random values for the secrets that neither the
 * environment nor the file sets, so `npm start` works on a fresh clone. Production sets its own
 * secrets; nothing here runs there. Returns the names it generated.
 */
export function ensureLocalSecrets(path: string): string[] {
  const present = { ...readEnvFile(path), ...process.env };
  const missing = GENERATED_SECRETS.filter((name) => !present[name]);
  if (missing.length === 0) return [];
  const lines = missing.map((name) => `${name}=${randomBytes(32).toString('base64')}`);
  appendFileSync(
    path,
    `# Generated for local development on ${new Date().toISOString()}; never use in production.\n${lines.join('\n')}\n`,
    { mode: 0o600 },
  );
  return missing;
}
