import {
  Global,
  Inject,
  Module,
  type DynamicModule,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@academy/common';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions, type SchemaParts } from './data-source-options.js';

export interface DatabaseModuleOptions {
  schema: SchemaParts;
  /** Shown in pg_stat_activity, so an operator can tell the API's connections from the worker's. */
  applicationName: string;
}

/** Opens the process's one DataSource and closes it when the application shuts down. */
@Global()
@Module({})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  static forRoot(options: DatabaseModuleOptions): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        {
          provide: DataSource,
          inject: [APP_CONFIG],
          useFactory: async (config: AppConfig) =>
            new DataSource(
              buildDataSourceOptions(config, options.schema, options.applicationName),
            ).initialize(),
        },
      ],
      exports: [DataSource],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
