import type { Logger as PinoLogger } from 'pino';
import type { Logger as TypeOrmLogger } from 'typeorm';

/**
 * The SQL statements a process has sent, counted for /metrics (and for the benchmarks, which
 * divide it by requests served). A plain number: incrementing it costs nothing per query.
 */
export class StatementCounter {
  total = 0;
}

/**
 * TypeORM's logger: counts every statement, and reports slow ones (by SQL text only, never
 * parameters, which may hold personal data or secrets). Failed statements surface as errors
 * where they happen, so they are not logged twice here.
 */
export class StatementLogger implements TypeOrmLogger {
  constructor(
    private readonly counter: StatementCounter,
    private readonly logger: PinoLogger,
  ) {}

  logQuery(): void {
    this.counter.total += 1;
  }

  logQuerySlow(durationMs: number, query: string): void {
    this.logger.warn({ durationMs, query }, 'slow SQL statement');
  }

  logQueryError(): void {
    // Already counted by logQuery, which TypeORM calls before running every statement.
  }

  logSchemaBuild(): void {
    // Schema building is only used to detect drift, which reports its own findings.
  }

  logMigration(message: string): void {
    this.logger.info(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(String(message));
  }
}
