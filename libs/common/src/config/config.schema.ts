import { isIP } from 'node:net';
import { z } from 'zod';

const booleanFlag = z
  .enum(['true', 'false', '1', '0'], { error: 'expected true or false' })
  .transform((value) => value === 'true' || value === '1');

const positiveInt = (what: string) =>
  z.coerce
    .number({ error: `expected ${what}` })
    .int({ error: `expected ${what}` })
    .positive({ error: `expected ${what}` });

const urlWithProtocol = (protocols: readonly string[], example: string) =>
  z.string().refine(
    (value) => {
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    },
    { error: `expected a URL like ${example}` },
  );

const base64Key = (what: string) =>
  z
    .string({ error: `expected ${what}` })
    .refine(
      (value) =>
        /^[A-Za-z0-9+/_-]+={0,2}$/.test(value) && Buffer.from(value, 'base64').length === 32,
      { error: `expected ${what}` },
    );

/**
 * Every environment variable the platform reads, with its local default. Each later capability
 * adds its variables here, so that one place validates them all before anything listens.
 */
export const configSchema = z.object({
  NODE_ENV: z
    .enum(['development', 'test', 'production'], {
      error: 'expected development, test or production',
    })
    .default('development'),
  HOST: z.string().min(1, { error: 'expected a host name or address' }).default('0.0.0.0'),
  PORT: positiveInt('a TCP port between 1 and 65535')
    .max(65535, { error: 'expected a TCP port between 1 and 65535' })
    .default(3000),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error: 'expected one of fatal, error, warn, info, debug, trace, silent',
    })
    .default('info'),
  DATABASE_URL: urlWithProtocol(
    ['postgres:', 'postgresql:'],
    'postgres://user:password@host:5432/database',
  ).default('postgres://postgres@127.0.0.1:5432/academy'),
  DATABASE_POOL_MAX: positiveInt('a positive number of connections').default(10),
  DATABASE_CONNECT_TIMEOUT_MS: positiveInt('a positive number of milliseconds').default(5000),
  DATABASE_STATEMENT_TIMEOUT_MS: positiveInt('a positive number of milliseconds').default(15000),
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: positiveInt('a positive number of milliseconds').default(
    30000,
  ),
  MIGRATE_ON_START: booleanFlag.default(true),
  REDIS_URL: urlWithProtocol(['redis:', 'rediss:'], 'redis://host:6379').default(
    'redis://127.0.0.1:6379',
  ),
  REDIS_KEY_PREFIX: z
    .string()
    .regex(/^[a-z0-9][a-z0-9:_-]*$/i, { error: 'expected letters, digits, ":", "_" or "-"' })
    .default('academy'),
  GRAPHQL_MAX_DEPTH: positiveInt('a positive query depth').default(10),
  GRAPHQL_MAX_ALIASES: positiveInt('a positive number of aliases').default(15),
  GRAPHQL_MAX_COST: positiveInt('a positive query cost').default(5000),
  HTTP_BODY_LIMIT_BYTES: positiveInt('a positive number of bytes').default(100 * 1024),
  WORKER_CONCURRENCY: positiveInt('a positive number of parallel jobs').default(8),
  WORKER_HEARTBEAT_INTERVAL_MS: positiveInt('a positive number of milliseconds').default(15000),
  /** How often the worker grades quiz attempts whose deadline has passed. */
  QUIZ_EXPIRY_SWEEP_MS: positiveInt('a positive number of milliseconds').default(30000),
  /** How often (and at start) the worker schedules its recurring jobs again. */
  RECURRING_JOBS_REFRESH_MS: positiveInt('a positive number of milliseconds').default(60000),
  /** How often the worker hands due outbox messages to the queue. */
  OUTBOX_RELAY_INTERVAL_MS: positiveInt('a positive number of milliseconds').default(1000),
  /** How often the worker re-enqueues outbox messages whose jobs Redis lost (and at start). */
  OUTBOX_RECONCILE_INTERVAL_MS: positiveInt('a positive number of milliseconds').default(60000),
  /** How long a worker holds a message it is acting on before another may take it over. */
  OUTBOX_CLAIM_LEASE_MS: positiveInt('a positive number of milliseconds').default(120000),
  /** Days a drill participant has for the remedial learning their poor choices earned them. */
  DRILL_REMEDIAL_DUE_DAYS: positiveInt('a positive number of days').default(14),
  /** How long before a drill starts its participants are reminded. */
  DRILL_REMINDER_MINUTES_BEFORE: positiveInt('a positive number of minutes').default(60),
  /** A drill opened this long after its start time was missed: its policy runs it late or skips it. */
  DRILL_MISSED_AFTER_MINUTES: positiveInt('a positive number of minutes').default(15),
  SHUTDOWN_TIMEOUT_MS: positiveInt('a positive number of milliseconds').default(30000),
  APP_COMMIT: z.string().default('unknown'),
  JWT_SIGNING_KEY: base64Key(
    '32 random bytes in base64 (openssl rand -base64 32): signs access tokens',
  ),
  DATA_ENCRYPTION_KEY: base64Key(
    '32 random bytes in base64 (openssl rand -base64 32): encrypts MFA secrets and tokens at rest',
  ),
  CERTIFICATE_SIGNING_KEY: base64Key(
    '32 random bytes in base64 (openssl rand -base64 32): the Ed25519 seed that signs certificates',
  ),
  /** Where the platform is reached from outside: certificates and credentials link to it. */
  PUBLIC_URL: urlWithProtocol(['http:', 'https:'], 'https://academy.example.com').default(
    'http://localhost:3000',
  ),
  /** The mail server email goes through (smtp:// or smtps://, credentials in the URL). */
  SMTP_URL: urlWithProtocol(
    ['smtp:', 'smtps:'],
    'smtp://user:password@mail.example.com:587',
  ).default('smtp://127.0.0.1:1025'),
  /** The sender of every email. */
  SMTP_FROM: z
    .string()
    .regex(/^[^\r\n]*<?[^@\s<>]+@[^@\s<>]+>?$/, {
      error: 'expected an address like "AI Security Academy <academy@example.com>"',
    })
    .default('AI Security Academy <no-reply@localhost>'),
  /** Connections the worker keeps open to the mail server. */
  SMTP_POOL_SIZE: positiveInt('a positive number of connections').default(5),
  /** How long the worker waits for a webhook receiver to answer. */
  WEBHOOK_TIMEOUT_MS: positiveInt('a positive number of milliseconds').default(10000),
  /**
   * Lets webhooks reach loopback, private and link-local addresses (for tests and receivers on
   * the same private network). Off, a webhook to such an address is refused.
   */
  WEBHOOK_ALLOW_PRIVATE_NETWORKS: booleanFlag.default(false),
  ACCESS_TOKEN_TTL_SECONDS: positiveInt('a positive number of seconds').default(900),
  REFRESH_TOKEN_TTL_DAYS: positiveInt('a positive number of days').default(30),
  PASSWORD_MIN_LENGTH: positiveInt('a password length between 8 and 64')
    .min(8, { error: 'expected a password length between 8 and 64' })
    .max(64, { error: 'expected a password length between 8 and 64' })
    .default(15),
  SIGN_IN_WINDOW_SECONDS: positiveInt('a positive number of seconds').default(900),
  SIGN_IN_MAX_FAILURES_PER_ACCOUNT: positiveInt('a positive number of attempts').default(5),
  SIGN_IN_MAX_FAILURES_PER_ADDRESS: positiveInt('a positive number of attempts').default(20),
  CURRICULUM_IMPORT_ON_START: booleanFlag.default(true),
  METRICS_TOKEN: z
    .string()
    .min(32, { error: 'expected at least 32 characters (openssl rand -hex 16)' })
    .optional(),
  /**
   * The operators' secret for the queue dashboard at /admin/queues (HTTP Basic password or
   * bearer token); unset, the dashboard is not served at all.
   */
  OPERATOR_TOKEN: z
    .string()
    .min(32, { error: 'expected at least 32 characters (openssl rand -hex 32)' })
    .optional(),
  TRUSTED_PROXIES: z
    .string()
    .refine((value) => value.split(',').every((entry) => isIP(entry.trim()) !== 0), {
      error: 'expected a comma-separated list of proxy IP addresses',
    })
    .optional(),
});

export type AppConfig = z.infer<typeof configSchema>;
