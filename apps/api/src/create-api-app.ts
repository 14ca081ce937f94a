import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { PinoNestLogger, type AppConfig, type Clock } from '@academy/common';
import { QueueRegistry } from '@academy/queue';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { ApiModule } from './api.module.js';
import { MetricsService } from './metrics/metrics.service.js';
import { mountQueueDashboard } from './operations/queue-dashboard.js';
import { requestIdOf } from './request-id.js';

/**
 * One log line and one metric sample per HTTP request, both labelled by route pattern (never
 * by raw URL: query strings may carry variables, and raw paths would explode label cardinality).
 */
function observeRequests(fastify: FastifyInstance, logger: Logger, metrics: MetricsService) {
  fastify.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
  fastify.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const seconds = reply.elapsedTime / 1000;
    metrics.httpRequestDuration.observe(
      { method: request.method, route, status_code: String(reply.statusCode) },
      seconds,
    );
    logger.info(
      {
        requestId: request.id,
        method: request.method,
        route,
        statusCode: reply.statusCode,
        durationMs: Math.round(reply.elapsedTime),
      },
      'request completed',
    );
  });
}

/** Builds the API application (not yet listening): used by main.ts and by the e2e tests (with their own clock, where given). */
export async function createApiApp(
  config: AppConfig,
  logger: Logger,
  clock?: Clock,
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: config.HTTP_BODY_LIMIT_BYTES,
    genReqId: requestIdOf,
    logger: false,
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    ApiModule.forRoot(config, logger, clock),
    adapter,
    {
      logger: new PinoNestLogger(logger),
    },
  );
  observeRequests(adapter.getInstance(), logger, app.get(MetricsService));
  // Without an operator token there is no dashboard at all, rather than one nobody can open.
  if (config.OPERATOR_TOKEN) {
    await mountQueueDashboard(adapter.getInstance(), app.get(QueueRegistry), config.OPERATOR_TOKEN);
  }
  await app.init();
  return app;
}
