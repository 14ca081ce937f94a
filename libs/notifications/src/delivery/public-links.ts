import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@academy/common';

/** Absolute links into the platform for messages that leave it. */
@Injectable()
export class PublicLinks {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  url(path: string): string {
    return new URL(path, this.config.PUBLIC_URL).toString();
  }
}
