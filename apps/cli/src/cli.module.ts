import { Module, type DynamicModule } from '@nestjs/common';
import { ClockModule, ConfigModule, LoggingModule, type AppConfig } from '@academy/common';
import { DatabaseModule } from '@academy/database';
import { CatalogModule } from '@academy/catalog';
import { IdentityModule } from '@academy/identity';
import { OutboxModule } from '@academy/outbox';
import { platformSchema } from '@academy/platform';
import { RedisModule } from '@academy/queue';
import type { Logger } from 'pino';

/** The services operator commands use, without HTTP or queues. */
@Module({})
export class CliModule {
  static forRoot(config: AppConfig, logger: Logger): DynamicModule {
    return {
      module: CliModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(logger),
        ClockModule.forRoot(),
        DatabaseModule.forRoot({ schema: platformSchema, applicationName: 'academy-cli' }),
        RedisModule,
        IdentityModule,
        CatalogModule,
        OutboxModule,
      ],
    };
  }
}
