import 'reflect-metadata';
import { createLogger, loadConfigOrExit } from '@academy/common';
import { createOrganization } from './commands/create-organization.js';
import { curriculum } from './commands/curriculum.js';
import { doctor } from './commands/doctor.js';
import { generateMigration } from './commands/generate-migration.js';
import { migrate, revertMigration } from './commands/migrate.js';
import { notifications } from './commands/notifications.js';
import { verifyAudit } from './commands/verify-audit.js';

const USAGE = `Usage: npm run cli -- <command>

Commands:
  migrate                    create the database if missing and apply pending migrations
  migration:revert           revert the most recent migration
  migration:generate <Name>  write a migration for the difference between entities and database
  doctor                     check configuration, database, Redis, migrations and the worker
  org:create --name N --slug S --admin-email E
                             create an organization and its first admin; prints the invitation token
  audit verify               check every organization's audit hash chain; exit 1 at a broken link
  notifications replay (--all | --organization <slug or id> | --id <uuid> ...)
                             send dead-lettered messages again; prints how many were revived
  curriculum validate [dir]  check the curriculum files; every problem as file:line:column
  curriculum schema          regenerate curriculum/schema/*.schema.json
`;

const [command, ...args] = process.argv.slice(2);

// These need no configuration: doctor reports its problems itself; curriculum reads only files.
if (command === 'doctor') process.exit(await doctor());
if (command === 'curriculum') process.exit(await curriculum(args));

const config = loadConfigOrExit('cli');
const logger = createLogger(
  { LOG_LEVEL: config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL },
  'cli',
);

const commands: Record<string, () => Promise<number>> = {
  migrate: () => migrate(config, logger),
  'migration:revert': () => revertMigration(config),
  'migration:generate': () => generateMigration(config, args[0]),
  'org:create': () => createOrganization(config, logger, args),
  audit: () =>
    args[0] === 'verify'
      ? verifyAudit(config)
      : Promise.reject(new Error('the audit command has one subcommand: audit verify')),
  notifications: () => notifications(config, logger, args),
};

const run = command ? commands[command] : undefined;
if (!run) {
  process.stderr.write(command ? `Unknown command "${command}".\n\n${USAGE}` : USAGE);
  process.exit(2);
}
try {
  process.exit(await run());
} catch (error) {
  process.stderr.write(
    `${command} failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
}
