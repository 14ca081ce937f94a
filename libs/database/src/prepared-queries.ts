import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import { StatementCounter } from './statement-logger.js';

/**
 * Statements on the hottest paths (the actor of every request, course pages, each message the
 * worker delivers) as named prepared statements: PostgreSQL then plans each once per connection
 * instead of on every call, and on these small statements planning costs more than execution;
 * they also skip TypeORM's per-query work. Only for statements outside transactions (each one
 * commits on its own); a name must always be used with the same SQL text.
 */
@Injectable()
export class PreparedQueries {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(StatementCounter) private readonly counter: StatementCounter,
  ) {}

  async query<Row>(name: string, text: string, values: unknown[]): Promise<Row[]> {
    this.counter.total += 1;
    const pool = (this.dataSource.driver as PostgresDriver).master as Pool;
    const result = await pool.query({ name, text, values });
    return result.rows as Row[];
  }
}
