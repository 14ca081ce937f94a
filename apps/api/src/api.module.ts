import { Module, type DynamicModule } from '@nestjs/common';
import { APP_PIPE } from '@nestjs/core';
import { Clock, ClockModule, ConfigModule, LoggingModule, type AppConfig } from '@academy/common';
import { DatabaseModule } from '@academy/database';
import { platformSchema } from '@academy/platform';
import { CatalogGraphqlModule } from '@academy/catalog';
import { DrillsGraphqlModule } from '@academy/drills';
import { CertificationPrepGraphqlModule } from '@academy/certification-prep';
import { IdentityGraphqlModule } from '@academy/identity';
import { LearningGraphqlModule } from '@academy/learning';
import { NotificationsGraphqlModule } from '@academy/notifications';
import { QueueModule, RedisModule } from '@academy/queue';
import type { Logger } from 'pino';
import { ApiGraphqlModule } from './graphql/api-graphql.module.js';
import { inputValidationPipe } from './graphql/input-validation.pipe.js';
import { HealthModule } from './health/health.module.js';
import { MetricsModule } from './metrics/metrics.module.js';

/** The API process: GraphQL, health and metrics over the shared database and queues. */
@Module({})
export class ApiModule {
  static forRoot(config: AppConfig, logger: Logger, clock?: Clock): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(logger),
        ClockModule.forRoot(clock),
        DatabaseModule.forRoot({ schema: platformSchema, applicationName: 'academy-api' }),
        QueueModule,
        RedisModule,
        MetricsModule,
        HealthModule,
        ApiGraphqlModule,
        IdentityGraphqlModule,
        CatalogGraphqlModule,
        LearningGraphqlModule,
        NotificationsGraphqlModule,
        DrillsGraphqlModule,
        CertificationPrepGraphqlModule,
      ],
      providers: [{ provide: APP_PIPE, useFactory: inputValidationPipe }],
    };
  }
}
