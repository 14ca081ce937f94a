import { Inject } from '@nestjs/common';
import { Resolver, Subscription } from '@nestjs/graphql';
import {
  CurrentActor,
  Permission,
  RequirePermission,
  personOf,
  type Actor,
} from '@academy/identity';
import { AnnouncementStream } from '@academy/queue';
import type { NotificationEntity } from '../entities/notification.entity.js';
import { InboxArrivals } from '../inbox/inbox-arrivals.js';
import { InboxService } from '../inbox/inbox.service.js';
import { Notification } from './notifications.objects.js';

/** Live arrival of a person's in-app notifications. */
@Resolver()
export class NotificationReceivedResolver {
  constructor(
    @Inject(InboxArrivals) private readonly arrivals: InboxArrivals,
    @Inject(InboxService) private readonly inbox: InboxService,
  ) {}

  @RequirePermission(Permission.SELF)
  @Subscription(() => Notification, {
    description:
      'Each of your new in-app notifications as it arrives. Over WebSocket only (graphql-ws, the graphql-transport-ws protocol) at /graphql, with your access token in connection_init\'s payload: { authorization: "Bearer …" }. Arrival is best effort: myNotifications has everything.',
    // The stream yields the notification itself, not a { notificationReceived } payload.
    resolve: (notification: NotificationEntity) => notification,
  })
  notificationReceived(
    @CurrentActor() actor: Actor,
  ): Promise<AnnouncementStream<NotificationEntity>> {
    const person = personOf(actor, 'notifications');
    // Each announced id is loaded as one of the person's own notifications, or yields nothing.
    return AnnouncementStream.open(
      (announce) => this.arrivals.listen(person.id, announce),
      (id) => this.inbox.findOwn(person, id),
    );
  }
}
