import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@academy/common';

/**
 * The Redis pub/sub channel on which a run's released injects are announced (by release id
 * only) to every API instance, for live delivery to the participants' subscriptions.
 */
@Injectable()
export class RunChannel {
  private readonly prefix: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    // Pub/sub channels do not get ioredis' key prefix; add it so deployments sharing a Redis stay apart.
    this.prefix = `${config.REDIS_KEY_PREFIX}:drill-run:`;
  }

  of(runId: string): string {
    return `${this.prefix}${runId}`;
  }
}
