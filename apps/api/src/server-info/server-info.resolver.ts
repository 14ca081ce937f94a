import { Inject } from '@nestjs/common';
import { Query, Resolver } from '@nestjs/graphql';
import { APP_CONFIG, PROJECT_VERSION, type AppConfig } from '@academy/common';
import { Public } from '@academy/identity';
import { ServerInfo } from './server-info.object.js';

@Resolver(() => ServerInfo)
export class ServerInfoResolver {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Public()
  @Query(() => ServerInfo, { description: 'Version, commit and uptime of the API.' })
  serverInfo(): ServerInfo {
    return {
      version: PROJECT_VERSION,
      commit: this.config.APP_COMMIT,
      uptimeSeconds: process.uptime(),
    };
  }
}
