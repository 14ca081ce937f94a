import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@academy/common';

/**
 * The Redis pub/sub channel on which a person's new in-app notifications are announced (by id
 * only) to every API instance, for live delivery to their open subscriptions.
 */
@Injectable()
export class InboxChannel {
  private readonly prefix: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    // Pub/sub channels do not get ioredis' key prefix; add it so deployments sharing a Redis stay apart.
    this.prefix = `${config.REDIS_KEY_PREFIX}:inbox:`;
  }

  of(userId: string): string {
    return `${this.prefix}${userId}`;
  }
}
