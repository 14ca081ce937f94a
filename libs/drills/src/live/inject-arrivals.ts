import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@academy/common';
import { ChannelFanout } from '@academy/queue';
import { RunChannel } from './run-channel.js';

/**
 * The release ids of a run's injects as InjectReleaser announces them, for live subscriptions:
 * one Redis connection per API process carries every run's channel (see ChannelFanout).
 */
@Injectable()
export class InjectArrivals implements OnApplicationShutdown {
  private readonly fanout: ChannelFanout;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(RunChannel) private readonly channel: RunChannel,
  ) {
    this.fanout = new ChannelFanout(config.REDIS_URL);
  }

  listen(runId: string, listener: (releaseId: string) => void): Promise<() => Promise<void>> {
    return this.fanout.listen(this.channel.of(runId), listener);
  }

  onApplicationShutdown(): void {
    this.fanout.close();
  }
}
