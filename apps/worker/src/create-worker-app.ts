import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { PinoNestLogger, type AppConfig, type Clock } from '@academy/common';
import type { Logger } from 'pino';
import { WorkerModule } from './worker.module.js';

/**
 * Builds and starts the worker (its queues begin processing): used by main.ts and the tests,
 * which may pass a clock of their own.
 */
export function createWorkerApp(
  config: AppConfig,
  logger: Logger,
  clock?: Clock,
): Promise<INestApplicationContext> {
  return NestFactory.createApplicationContext(WorkerModule.forRoot(config, logger, clock), {
    logger: new PinoNestLogger(logger),
  });
}
