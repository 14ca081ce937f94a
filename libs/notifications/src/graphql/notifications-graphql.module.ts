import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications.module.js';
import { InboxResolver } from './inbox.resolver.js';
import { NotificationsAdminResolver } from './notifications-admin.resolver.js';

/** Notifications' GraphQL room; only apps/api imports it. */
@Module({
  imports: [NotificationsModule],
  providers: [InboxResolver, NotificationsAdminResolver],
})
export class NotificationsGraphqlModule {}
