import { Module, type DynamicModule } from '@nestjs/common';
import { Clock, ClockModule, ConfigModule, LoggingModule, type AppConfig } from '@academy/common';
import { CertificationPrepJobsModule } from '@academy/certification-prep';
import { DatabaseModule } from '@academy/database';
import { DrillsJobsModule } from '@academy/drills';
import { LearningJobsModule } from '@academy/learning';
import { NotificationsJobsModule } from '@academy/notifications';
import { OutboxJobsModule } from '@academy/outbox';
import { platformSchema } from '@academy/platform';
import {
  MaintenanceJobsModule,
  QueueModule,
  RedisModule,
  WorkerRuntimeModule,
} from '@academy/queue';
import type { Logger } from 'pino';

/** The worker process: every context's jobs module over the shared database and queues. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, logger: Logger, clock?: Clock): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(logger),
        ClockModule.forRoot(clock),
        DatabaseModule.forRoot({ schema: platformSchema, applicationName: 'academy-worker' }),
        QueueModule,
        RedisModule,
        WorkerRuntimeModule,
        MaintenanceJobsModule,
        LearningJobsModule,
        OutboxJobsModule,
        NotificationsJobsModule.forRoot(CertificationPrepJobsModule),
        DrillsJobsModule,
        CertificationPrepJobsModule,
      ],
    };
  }
}
