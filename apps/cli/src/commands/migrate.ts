import type { AppConfig } from '@academy/common';
import { openPlatformDataSource, prepareDatabase } from '@academy/platform';
import type { Logger } from 'pino';

export async function migrate(config: AppConfig, logger: Logger): Promise<number> {
  await prepareDatabase(config, logger);
  process.stdout.write('Database is at the latest migration.\n');
  return 0;
}

export async function revertMigration(config: AppConfig): Promise<number> {
  const dataSource = await openPlatformDataSource(config, 'academy-cli');
  try {
    await dataSource.undoLastMigration({ transaction: 'each' });
    process.stdout.write('Reverted the most recent migration.\n');
    return 0;
  } finally {
    await dataSource.destroy();
  }
}
