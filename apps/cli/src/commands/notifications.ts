import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { PinoNestLogger, type AppConfig } from '@academy/common';
import { AuditTrail } from '@academy/identity';
import { OutboxLedger } from '@academy/outbox';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { CliModule } from '../cli.module.js';

const USAGE = `Usage: npm run cli -- notifications replay (--all | --organization <slug or id> | --id <uuid> [--id <uuid> ...])
  Sends dead-lettered messages again, each with a fresh set of attempts: all of them, those of
  one organization, or the given ones. A running worker delivers them within seconds.
`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Selection = { all: true } | { organization: string } | { ids: string[] };

/** The one selection the arguments make, or null when they make none, several or a bad one. */
function selectionOf(args: string[]): Selection | null {
  const values = optionsOf(args);
  if (!values) return null;
  const { all, organization, id: ids } = values;
  if ([all, organization, ids].filter((given) => given !== undefined).length !== 1) return null;
  if (all) return { all: true };
  if (organization?.trim()) return { organization: organization.trim() };
  if (ids?.every((id) => UUID.test(id))) return { ids };
  return null;
}

/** The options given, or null for an unknown option, a missing value or a stray argument. */
function optionsOf(args: string[]) {
  try {
    return parseArgs({
      args,
      options: {
        all: { type: 'boolean' },
        organization: { type: 'string' },
        id: { type: 'string', multiple: true },
      },
    }).values;
  } catch {
    return null;
  }
}

/** The id of the organization named by slug or id, or null when there is none. */
async function organizationIdOf(dataSource: DataSource, slugOrId: string): Promise<string | null> {
  const byId = UUID.test(slugOrId);
  const [row] = await dataSource.query<{ id: string }[]>(
    `SELECT id FROM organizations WHERE ${byId ? 'id' : 'slug'} = $1`,
    [byId ? slugOrId : slugOrId.toLowerCase()],
  );
  return row?.id ?? null;
}

/**
 * Revives the selected dead letters and records, in the same transaction, one audit event per
 * organization they belong to (an operator acting outside any organization's roles).
 */
async function revive(
  dataSource: DataSource,
  ledger: OutboxLedger,
  audit: AuditTrail,
  where: { organizationId?: string; ids?: string[] },
): Promise<number> {
  return dataSource.transaction(async (manager) => {
    const revived = await ledger.revive(where, manager);
    const perOrganization = await manager.query<{ organization_id: string; count: number }[]>(
      `SELECT organization_id, count(*)::int AS count FROM outbox_messages
        WHERE id = ANY($1) GROUP BY organization_id`,
      [revived],
    );
    for (const { organization_id: organizationId, count } of perOrganization) {
      await audit.record(manager, {
        organizationId,
        actor: { kind: 'SYSTEM', id: null },
        action: 'notifications.messages-replayed',
        details: { count, via: 'cli' },
      });
    }
    return revived.length;
  });
}

/** `notifications replay`: sends dead-lettered outbox messages again. */
export async function notifications(
  config: AppConfig,
  logger: Logger,
  args: string[],
): Promise<number> {
  const [subcommand, ...options] = args;
  const selection = subcommand === 'replay' ? selectionOf(options) : null;
  if (!selection) {
    process.stderr.write(USAGE);
    return 2;
  }
  const app = await NestFactory.createApplicationContext(CliModule.forRoot(config, logger), {
    logger: new PinoNestLogger(logger),
  });
  try {
    const dataSource = app.get(DataSource);
    let where: { organizationId?: string; ids?: string[] } = {};
    if ('organization' in selection) {
      const organizationId = await organizationIdOf(dataSource, selection.organization);
      if (!organizationId) {
        process.stderr.write(
          `notifications replay: no organization "${selection.organization}".\n`,
        );
        return 1;
      }
      where = { organizationId };
    } else if ('ids' in selection) {
      where = { ids: selection.ids };
    }
    const count = await revive(dataSource, app.get(OutboxLedger), app.get(AuditTrail), where);
    process.stdout.write(
      count === 0
        ? 'No dead-lettered messages matched: nothing to replay.\n'
        : `Revived ${count} dead-lettered message(s); a running worker delivers them within seconds.\n`,
    );
    return 0;
  } finally {
    await app.close();
  }
}
