import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@academy/common';
import { redisConnectionOptions } from '@academy/queue';
import { Redis } from 'ioredis';
import { InboxChannel } from './inbox-channel.js';

type Listener = (notificationId: string) => void;

interface ChannelListeners {
  listeners: Set<Listener>;
  /** Settles when Redis has answered the SUBSCRIBE that opened the channel. */
  subscribed: Promise<unknown>;
}

/**
 * The ids of new in-app notifications as InAppNotifier announces them, for live subscriptions.
 * One Redis connection per process carries every subscription: each person's channel is
 * subscribed while at least one of their subscriptions listens, and messages are fanned out in
 * memory. The connection is opened on first use, so processes without subscribers hold none.
 */
@Injectable()
export class InboxArrivals implements OnApplicationShutdown {
  private subscriber: Redis | null = null;
  private readonly channels = new Map<string, ChannelListeners>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(InboxChannel) private readonly channel: InboxChannel,
  ) {}

  /**
   * Calls `listener` with the id of each new notification of the person until the returned
   * function is called. Resolves once Redis has confirmed the channel's subscription.
   */
  async listen(userId: string, listener: Listener): Promise<() => Promise<void>> {
    const channel = this.channel.of(userId);
    let entry = this.channels.get(channel);
    if (!entry) {
      entry = { listeners: new Set(), subscribed: this.connection().subscribe(channel) };
      this.channels.set(channel, entry);
    }
    entry.listeners.add(listener);
    try {
      await entry.subscribed;
    } catch (error) {
      await this.leave(channel, listener);
      throw error;
    }
    return () => this.leave(channel, listener);
  }

  onApplicationShutdown(): void {
    this.subscriber?.disconnect();
  }

  private async leave(channel: string, listener: Listener): Promise<void> {
    const entry = this.channels.get(channel);
    if (!entry?.listeners.delete(listener) || entry.listeners.size > 0) return;
    this.channels.delete(channel);
    // Commands go out in order on the one connection, so a later subscribe to the same channel
    // still wins over this unsubscribe.
    await this.subscriber?.unsubscribe(channel).catch(() => undefined);
  }

  private connection(): Redis {
    if (!this.subscriber) {
      // While Redis is away, commands wait for the reconnection, and ioredis subscribes again to
      // every channel once it is back.
      const subscriber = new Redis(redisConnectionOptions(this.config.REDIS_URL));
      subscriber.on('error', () => undefined);
      subscriber.on('message', (channel: string, notificationId: string) => {
        for (const listener of this.channels.get(channel)?.listeners ?? []) {
          listener(notificationId);
        }
      });
      this.subscriber = subscriber;
    }
    return this.subscriber;
  }
}
