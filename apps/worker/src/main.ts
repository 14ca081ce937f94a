import 'reflect-metadata';
import { createLogger, exitGracefullyOnSignal, loadConfigOrExit } from '@academy/common';
import { createWorkerApp } from './create-worker-app.js';

const config = loadConfigOrExit('worker');
const logger = createLogger(config, 'worker');

try {
  const app = await createWorkerApp(config, logger);
  exitGracefullyOnSignal(() => app.close(), logger, config.SHUTDOWN_TIMEOUT_MS);
  logger.info('worker started');
} catch (error) {
  logger.fatal({ err: error }, 'worker failed to start');
  process.exit(1);
}
