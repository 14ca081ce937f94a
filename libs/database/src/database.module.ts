import {
  Global,
  Inject,
  Module,
  type DynamicModule,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { APP_CONFIG, LOGGER, type AppConfig } from '@academy/common';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions, type SchemaParts } from './data-source-options.js';
import { DomainEvents } from './domain-events.js';
import { PreparedQueries } from './prepared-queries.js';
import { StatementCounter, StatementLogger } from './statement-logger.js';

export interface DatabaseModuleOptions {
  schema: SchemaParts;
  /** Shown in pg_stat_activity, so an operator can tell the API's connections from the worker's. */
  applicationName: string;
}

/**
 * Opens the process's one DataSource (counting its statements) and closes it when the
 * application shuts down; provides the in-transaction domain event bus.
 */
@Global()
@Module({})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  static forRoot(options: DatabaseModuleOptions): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        StatementCounter,
        PreparedQueries,
        DomainEvents,
        {
          provide: DataSource,
          inject: [APP_CONFIG, LOGGER, StatementCounter],
          useFactory: async (config: AppConfig, logger: Logger, counter: StatementCounter) =>
            new DataSource(
              buildDataSourceOptions(
                config,
                options.schema,
                options.applicationName,
                new StatementLogger(counter, logger),
              ),
            ).initialize(),
        },
      ],
      exports: [DataSource, StatementCounter, PreparedQueries, DomainEvents],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
