import type { Logger } from 'pino';

/**
 * On SIGTERM or SIGINT, runs `close` (which lets in-flight work finish) and exits 0; exits 1
 * if closing fails or takes longer than `timeoutMs`. A second signal is ignored while closing.
 */
export function exitGracefullyOnSignal(
  close: () => Promise<void>,
  logger: Logger,
  timeoutMs: number,
): void {
  let closing = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down');
    const timer = setTimeout(() => {
      logger.error({ timeoutMs }, 'shutdown timed out');
      process.exit(1);
    }, timeoutMs);
    timer.unref();
    close().then(
      () => {
        logger.info('shut down cleanly');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}
