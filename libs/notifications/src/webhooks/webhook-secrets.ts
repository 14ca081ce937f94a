import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, SecretBox, type AppConfig } from '@academy/common';
import type { WebhookEndpointEntity } from '../entities/webhook-endpoint.entity.js';

/** How long a rotated-out secret keeps signing beside the new one. */
export const PREVIOUS_SECRET_GRACE_MS = 24 * 3_600_000;

/** Seals endpoint secrets with the data key, bound to their endpoint, and opens them to sign. */
@Injectable()
export class WebhookSecrets {
  private readonly box: SecretBox;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.box = new SecretBox(config.DATA_ENCRYPTION_KEY);
  }

  seal(endpointId: string, secret: string): string {
    return this.box.seal(secret, context(endpointId));
  }

  /** The secrets that sign a message sent at `now`: the current one, and the previous in its grace period. */
  signing(
    endpoint: Pick<
      WebhookEndpointEntity,
      'id' | 'secretSealed' | 'previousSecretSealed' | 'previousSecretExpiresAt'
    >,
    now: Date,
  ): string[] {
    const secrets = [this.box.open(endpoint.secretSealed, context(endpoint.id))];
    if (
      endpoint.previousSecretSealed &&
      endpoint.previousSecretExpiresAt &&
      endpoint.previousSecretExpiresAt > now
    ) {
      secrets.push(this.box.open(endpoint.previousSecretSealed, context(endpoint.id)));
    }
    return secrets;
  }
}

const context = (endpointId: string) => `webhook-endpoint:${endpointId}`;
