import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@academy/common';
import { ChannelFanout } from '@academy/queue';
import { InboxChannel } from './inbox-channel.js';

/**
 * The ids of new in-app notifications as InAppNotifier announces them, for live subscriptions:
 * one Redis connection per process carries every person's channel (see ChannelFanout).
 */
@Injectable()
export class InboxArrivals implements OnApplicationShutdown {
  private readonly fanout: ChannelFanout;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(InboxChannel) private readonly channel: InboxChannel,
  ) {
    this.fanout = new ChannelFanout(config.REDIS_URL);
  }

  /**
   * Calls `listener` with the id of each new notification of the person until the returned
   * function is called. Resolves once Redis has confirmed the channel's subscription.
   */
  listen(userId: string, listener: (notificationId: string) => void): Promise<() => Promise<void>> {
    return this.fanout.listen(this.channel.of(userId), listener);
  }

  onApplicationShutdown(): void {
    this.fanout.close();
  }
}
