import { pino, type Logger } from 'pino';
import type { AppConfig } from '../config/config.schema.js';

/**
 * Field names whose values are secrets wherever they appear in a log object. Redaction is a
 * second line of defence: code should not log such values in the first place.
 */
const SECRET_FIELDS = [
  'password',
  'newPassword',
  'currentPassword',
  'token',
  'accessToken',
  'refreshToken',
  'secret',
  'apiKey',
  'authorization',
  'cookie',
  'passwordHash',
  'tokenHash',
];

export const REDACTED_PATHS = [
  ...SECRET_FIELDS,
  ...SECRET_FIELDS.map((field) => `*.${field}`),
  ...SECRET_FIELDS.map((field) => `*.*.${field}`),
  'req.headers.authorization',
  'req.headers.cookie',
  'variables',
  '*.variables',
];

/** The process logger: JSON lines on stdout, secrets redacted. */
export function createLogger(
  config: Pick<AppConfig, 'LOG_LEVEL'>,
  name: string,
  destination?: pino.DestinationStream,
): Logger {
  return pino(
    {
      name,
      level: config.LOG_LEVEL,
      redact: { paths: REDACTED_PATHS, censor: '[REDACTED]' },
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
}
