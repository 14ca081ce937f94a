import { Module } from '@nestjs/common';
import { WorkerRuntimeModule } from '@academy/queue';
import { NotificationsModule } from '../notifications.module.js';
import { CertificateIssuedHandler } from './certificate-issued.handler.js';
import { NotificationsSchedule } from './notifications-schedule.js';
import { NotificationsProcessor } from './notifications.processor.js';
import {
  InvitationHandler,
  OneTimeLinkMailer,
  PasswordResetHandler,
} from './one-time-link.handlers.js';
import { PlanSummariesJob } from './plan-summaries.job.js';
import { ReminderDigestHandler } from './reminder-digest.handler.js';
import { WebhookHandler } from './webhook.handler.js';

/** The outbox topic handlers that deliver messages, and the summary planner; only apps/worker imports it. */
@Module({
  imports: [WorkerRuntimeModule, NotificationsModule],
  providers: [
    NotificationsProcessor,
    NotificationsSchedule,
    PlanSummariesJob,
    OneTimeLinkMailer,
    InvitationHandler,
    PasswordResetHandler,
    CertificateIssuedHandler,
    ReminderDigestHandler,
    WebhookHandler,
  ],
})
export class NotificationsJobsModule {}
