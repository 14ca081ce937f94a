import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { PinoNestLogger, type AppConfig } from '@academy/common';
import type { Logger } from 'pino';
import { WorkerModule } from './worker.module.js';

/** Builds and starts the worker (its queues begin processing): used by main.ts and the tests. */
export function createWorkerApp(
  config: AppConfig,
  logger: Logger,
): Promise<INestApplicationContext> {
  return NestFactory.createApplicationContext(WorkerModule.forRoot(config, logger), {
    logger: new PinoNestLogger(logger),
  });
}
