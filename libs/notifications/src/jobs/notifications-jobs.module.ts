import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { DrillsModule } from '@academy/drills';
import { WorkerRuntimeModule } from '@academy/queue';
import { EmailSender } from '../delivery/email-sender.js';
import { Notifier } from '../delivery/notifier.js';
import { PublicLinks } from '../delivery/public-links.js';
import { Recipients } from '../delivery/recipients.js';
import { NotificationsModule } from '../notifications.module.js';
import { DigestReader } from '../reminders/digest-reader.js';
import { WebhookBodies } from '../webhooks/webhook-bodies.js';
import { CertificateIssuedHandler } from './certificate-issued.handler.js';
import { DrillNoticeHandler } from './drill-notice.handler.js';
import { NotificationsProcessor } from './notifications.processor.js';
import {
  InvitationHandler,
  OneTimeLinkMailer,
  PasswordResetHandler,
} from './one-time-link.handlers.js';
import { PlanSummariesJob } from './plan-summaries.job.js';
import { ReminderDigestHandler } from './reminder-digest.handler.js';
import { WebhookHandler } from './webhook.handler.js';

/**
 * The outbox topic handlers that deliver messages (with the SMTP pool, rendering and recipients
 * they use), and the summary planner; only apps/worker imports it, with the module that
 * provides PracticeReviews (certification prep's jobs module), which the digest asks at sending.
 * Drills is imported for what its participant notices say (drills never imports notifications,
 * so no cycle).
 */
@Module({})
export class NotificationsJobsModule {
  static forRoot(practiceReviews: Type<unknown>): DynamicModule {
    return {
      module: NotificationsJobsModule,
      imports: [WorkerRuntimeModule, NotificationsModule, DrillsModule, practiceReviews],
      providers: [
        EmailSender,
        Notifier,
        Recipients,
        PublicLinks,
        DigestReader,
        WebhookBodies,
        NotificationsProcessor,
        PlanSummariesJob,
        OneTimeLinkMailer,
        InvitationHandler,
        PasswordResetHandler,
        CertificateIssuedHandler,
        DrillNoticeHandler,
        ReminderDigestHandler,
        WebhookHandler,
      ],
    };
  }
}
