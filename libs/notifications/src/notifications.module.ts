import { Module } from '@nestjs/common';
import { IdentityModule } from '@academy/identity';
import { OutboxModule } from '@academy/outbox';
import { Deliveries } from './delivery/deliveries.js';
import { DeadLetters } from './delivery/dead-letters.js';
import { InAppNotifier } from './inbox/in-app-notifier.js';
import { InboxChannel } from './inbox/inbox-channel.js';
import { InboxService } from './inbox/inbox.service.js';
import { NotificationPreferences } from './preferences/notification-preferences.js';
import { UnsubscribeLinks } from './preferences/unsubscribe-links.js';
import { ReminderEventsSubscriber } from './reminders/reminder-events.subscriber.js';
import { ReminderPlanner } from './reminders/reminder-planner.js';
import { ReminderPolicies } from './reminders/reminder-policies.js';
import { ReminderPolicyService } from './reminders/reminder-policy.service.js';
import { ReminderPreview } from './reminders/reminder-preview.js';
import { WebhookEndpoints } from './webhooks/webhook-endpoints.service.js';
import { WebhookEventsSubscriber } from './webhooks/webhook-events.subscriber.js';
import { WebhookSecrets } from './webhooks/webhook-secrets.js';

const services = [
  ReminderPolicies,
  ReminderPlanner,
  ReminderPolicyService,
  ReminderPreview,
  ReminderEventsSubscriber,
  Deliveries,
  InAppNotifier,
  InboxChannel,
  InboxService,
  NotificationPreferences,
  UnsubscribeLinks,
  DeadLetters,
  WebhookSecrets,
  WebhookEndpoints,
  WebhookEventsSubscriber,
];

/**
 * Reminders, in-app notifications, preferences, webhooks and delivery records. The API and the
 * worker both import it: the reminder planner must subscribe to learning's events wherever they
 * are published. What only sends (email, rendering, recipients) lives in the jobs module.
 */
@Module({ imports: [IdentityModule, OutboxModule], providers: services, exports: services })
export class NotificationsModule {}
