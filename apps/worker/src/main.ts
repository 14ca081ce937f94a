import 'reflect-metadata';
import { createLogger, exitGracefullyOnSignal, loadConfigOrExit } from '@academy/common';
import { createWorkerApp } from './create-worker-app.js';

const config = loadConfigOrExit('worker');
const logger = createLogger(config, 'worker');

try {
  // Queues start processing during start-up, so a signal must already be handled then: it
  // waits for start-up to finish, then closes, letting the jobs in flight complete.
  const starting = createWorkerApp(config, logger);
  exitGracefullyOnSignal(async () => (await starting).close(), logger, config.SHUTDOWN_TIMEOUT_MS);
  await starting;
  logger.info('worker started');
} catch (error) {
  logger.fatal({ err: error }, 'worker failed to start');
  process.exit(1);
}
