import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { DomainError, PinoNestLogger, type AppConfig } from '@academy/common';
import { OrganizationService } from '@academy/identity';
import type { Logger } from 'pino';
import { CliModule } from '../cli.module.js';

const USAGE =
  'Usage: npm run cli -- org:create --name "Acme" --slug acme --admin-email admin@acme.test [--timezone Europe/Berlin] [--locale en]\n';

/**
 * Creates an organization with its first admin and prints the admin's one-time invitation
 * token: the bootstrap of a new installation or tenant.
 */
export async function createOrganization(
  config: AppConfig,
  logger: Logger,
  args: string[],
): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      name: { type: 'string' },
      slug: { type: 'string' },
      'admin-email': { type: 'string' },
      timezone: { type: 'string' },
      locale: { type: 'string' },
    },
  });
  const { name, slug, timezone, locale } = values;
  const adminEmail = values['admin-email'];
  if (!name || !slug || !adminEmail) {
    process.stderr.write(USAGE);
    return 2;
  }
  const app = await NestFactory.createApplicationContext(CliModule.forRoot(config, logger), {
    logger: new PinoNestLogger(logger),
  });
  try {
    const created = await app
      .get(OrganizationService)
      .createWithAdmin({ name, slug, adminEmail, timezone, locale });
    process.stdout.write(
      [
        `Created organization "${created.organization.name}" (slug ${created.organization.slug}).`,
        `First admin: ${created.admin.email}`,
        `One-time invitation token (valid until ${created.invitationExpiresAt.toISOString()}):`,
        created.invitationToken,
        'Accept it with the acceptInvitation mutation to set the admin password; it is shown only now.',
        '',
      ].join('\n'),
    );
    return 0;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    process.stderr.write(`org:create: ${error.safeMessage}\n`);
    return 1;
  } finally {
    await app.close();
  }
}
