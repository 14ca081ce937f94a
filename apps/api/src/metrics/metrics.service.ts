import { Inject, Injectable } from '@nestjs/common';
import { Clock, withTimeout } from '@academy/common';
import { StatementCounter } from '@academy/database';
import { QueueRegistry } from '@academy/queue';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { DataSource } from 'typeorm';
import { registerDeliveryGauges } from './delivery-gauges.js';

const QUEUE_STATES = ['waiting', 'active', 'delayed', 'failed', 'completed'] as const;

/** The API's Prometheus registry: process, HTTP, GraphQL, SQL, queue and delivery metrics. */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();

  readonly httpRequestDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by method, route and status code.',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  readonly graphqlOperationDuration = new Histogram({
    name: 'graphql_operation_duration_seconds',
    help: 'GraphQL operation duration by operation type, root fields and outcome.',
    labelNames: ['operation_type', 'operation', 'outcome'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  readonly graphqlErrors = new Counter({
    name: 'graphql_errors_total',
    help: 'GraphQL errors returned to clients, by extensions.code.',
    labelNames: ['code'] as const,
    registers: [this.registry],
  });

  constructor(
    @Inject(QueueRegistry) queues: QueueRegistry,
    @Inject(StatementCounter) statements: StatementCounter,
    @Inject(DataSource) dataSource: DataSource,
    @Inject(Clock) clock: Clock,
  ) {
    collectDefaultMetrics({ register: this.registry });
    new Counter({
      name: 'db_statements_total',
      help: 'SQL statements sent to PostgreSQL by this process.',
      registers: [this.registry],
      collect() {
        this.reset();
        this.inc(statements.total);
      },
    });
    new Gauge({
      name: 'queue_jobs',
      help: 'Jobs in each BullMQ queue by state, read from Redis at scrape time.',
      labelNames: ['queue', 'state'] as const,
      registers: [this.registry],
      async collect() {
        // A scrape must answer even while Redis is down; the gauge then keeps its last values.
        for (const { name, queue } of queues.all()) {
          const counts = await withTimeout(
            queue.getJobCounts(...QUEUE_STATES),
            1000,
            'queue counts timed out',
          ).catch(() => undefined);
          if (!counts) continue;
          for (const state of QUEUE_STATES) this.set({ queue: name, state }, counts[state] ?? 0);
        }
      },
    });
    registerDeliveryGauges(this.registry, dataSource, clock);
  }
}
