import { Inject, Injectable } from '@nestjs/common';
import type { Pool, PoolClient } from 'pg';
import { DataSource, type EntityManager, type EntityTarget } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import { StatementCounter } from './statement-logger.js';

/**
 * Statements on the hottest paths (the actor of every request, course pages, quiz submissions,
 * each message the worker delivers) as named prepared statements: PostgreSQL then plans each
 * once per connection instead of on every call, and on these small statements planning costs
 * more than execution; they also skip TypeORM's query building. Given a transaction's manager,
 * a statement runs on that transaction's connection; otherwise it commits on its own. A name
 * must always be used with the same SQL text.
 */
@Injectable()
export class PreparedQueries {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(StatementCounter) private readonly counter: StatementCounter,
  ) {}

  async query<Row>(
    name: string,
    text: string,
    values: unknown[],
    manager?: EntityManager,
  ): Promise<Row[]> {
    this.counter.total += 1;
    const runner = manager?.queryRunner;
    const client: Pool | PoolClient =
      runner && !runner.isReleased
        ? ((await runner.connect()) as PoolClient)
        : ((this.dataSource.driver as PostgresDriver).master as Pool);
    const result = await client.query({ name, text, values });
    return result.rows as Row[];
  }

  /**
   * Rows of an entity's table (selected with all its columns) as entities, converted by the
   * entity's own column metadata exactly as TypeORM would load them.
   */
  async entities<Entity extends object>(
    target: EntityTarget<Entity>,
    name: string,
    text: string,
    values: unknown[],
    manager?: EntityManager,
  ): Promise<Entity[]> {
    const rows = await this.query<Record<string, unknown>>(name, text, values, manager);
    const metadata = this.dataSource.getMetadata(target);
    const driver = this.dataSource.driver;
    return rows.map((row) => {
      const entity = metadata.create() as Entity;
      for (const column of metadata.columns) {
        // Virtual columns are relations' keys without a property of their own: TypeORM leaves
        // them out of a loaded entity unless the relation is joined.
        if (column.isVirtual || !(column.databaseName in row)) continue;
        column.setEntityValue(
          entity,
          driver.prepareHydratedValue(row[column.databaseName], column),
        );
      }
      return entity;
    });
  }
}
