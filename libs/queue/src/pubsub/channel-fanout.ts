import { Redis } from 'ioredis';
import { redisConnectionOptions } from '../redis-connection.js';

export type ChannelListener = (message: string) => void;

interface ChannelListeners {
  listeners: Set<ChannelListener>;
  /** Settles when Redis has answered the SUBSCRIBE that opened the channel. */
  subscribed: Promise<unknown>;
}

/**
 * Live announcements on Redis pub/sub channels, for the GraphQL subscriptions of one API
 * process. One Redis connection carries every subscription: each channel is subscribed while at
 * least one listener listens, and messages are fanned out in memory. The connection is opened
 * on first use, so processes without subscribers hold none. Channel names get no ioredis key
 * prefix: callers add the installation's prefix themselves.
 */
export class ChannelFanout {
  private subscriber: Redis | null = null;
  private readonly channels = new Map<string, ChannelListeners>();

  constructor(private readonly redisUrl: string) {}

  /**
   * Calls `listener` with each message published on `channel` until the returned function is
   * called. Resolves once Redis has confirmed the channel's subscription, so nothing published
   * after it settles is missed.
   */
  async listen(channel: string, listener: ChannelListener): Promise<() => Promise<void>> {
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

  close(): void {
    this.subscriber?.disconnect();
  }

  private async leave(channel: string, listener: ChannelListener): Promise<void> {
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
      const subscriber = new Redis(redisConnectionOptions(this.redisUrl));
      subscriber.on('error', () => undefined);
      subscriber.on('message', (channel: string, message: string) => {
        for (const listener of this.channels.get(channel)?.listeners ?? []) listener(message);
      });
      this.subscriber = subscriber;
    }
    return this.subscriber;
  }
}
