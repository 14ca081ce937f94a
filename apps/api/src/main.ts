import 'reflect-metadata';
import { createLogger, exitGracefullyOnSignal, loadConfigOrExit } from '@academy/common';
import { prepareDatabase } from '@academy/platform';
import { createApiApp } from './create-api-app.js';
import { importCurriculumIfChanged } from './import-curriculum.js';

const config = loadConfigOrExit('api');
const logger = createLogger(config, 'api');

try {
  if (config.MIGRATE_ON_START) await prepareDatabase(config, logger);
  const app = await createApiApp(config, logger);
  if (config.CURRICULUM_IMPORT_ON_START) await importCurriculumIfChanged(app, logger);
  exitGracefullyOnSignal(() => app.close(), logger, config.SHUTDOWN_TIMEOUT_MS);
  await app.listen({ port: config.PORT, host: config.HOST });
  logger.info({ port: config.PORT }, 'API listening');
} catch (error) {
  logger.fatal({ err: error }, 'API failed to start');
  process.exit(1);
}
