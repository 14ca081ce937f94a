import type { AppConfig } from '@academy/common';
import { verifyAuditChains } from '@academy/identity';
import { openPlatformDataSource } from '@academy/platform';

/** Walks every organization's audit hash chain; reports the first broken link of each. */
export async function verifyAudit(config: AppConfig): Promise<number> {
  const dataSource = await openPlatformDataSource(config, 'academy-cli');
  try {
    const breaks = await verifyAuditChains(dataSource);
    if (breaks.length === 0) {
      process.stdout.write('Audit trail intact: every organization’s chain verifies.\n');
      return 0;
    }
    for (const broken of breaks) {
      process.stdout.write(
        `BROKEN organization ${broken.organizationId} at sequence ${broken.sequence} (event ${broken.eventId}): ${broken.problem}\n`,
      );
    }
    return 1;
  } finally {
    await dataSource.destroy();
  }
}
