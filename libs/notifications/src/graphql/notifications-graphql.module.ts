import { Module } from '@nestjs/common';
import { InboxArrivals } from '../inbox/inbox-arrivals.js';
import { NotificationsModule } from '../notifications.module.js';
import { InboxResolver } from './inbox.resolver.js';
import { NotificationReceivedResolver } from './notification-received.resolver.js';
import { NotificationsAdminResolver } from './notifications-admin.resolver.js';
import { WebhooksResolver } from './webhooks.resolver.js';

/** Notifications' GraphQL room; only apps/api imports it. */
@Module({
  imports: [NotificationsModule],
  providers: [
    InboxResolver,
    NotificationsAdminResolver,
    WebhooksResolver,
    // Only the API holds live subscriptions, so only it opens the Redis subscriber connection.
    InboxArrivals,
    NotificationReceivedResolver,
  ],
})
export class NotificationsGraphqlModule {}
