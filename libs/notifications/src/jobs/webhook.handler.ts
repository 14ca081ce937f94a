import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, Clock, PROJECT_VERSION, type AppConfig } from '@academy/common';
import {
  HandlesTopic,
  PermanentDeliveryError,
  type OutboxMessage,
  type TopicHandler,
  type TopicOutcome,
} from '@academy/outbox';
import { DataSource } from 'typeorm';
import { Deliveries } from '../delivery/deliveries.js';
import { WebhookEndpointEntity } from '../entities/webhook-endpoint.entity.js';
import { WebhookBodies } from '../webhooks/webhook-bodies.js';
import { WebhookEndpoints } from '../webhooks/webhook-endpoints.service.js';
import { WebhookSecrets } from '../webhooks/webhook-secrets.js';
import { webhookHeaders } from '../webhooks/webhook-signature.js';
import { WebhookRefusedError, postWebhook } from '../webhooks/webhook-transport.js';
import { webhookUrlRules, type WebhookUrlRules } from '../webhooks/webhook-url.js';

const USER_AGENT = `AI-Security-Academy-Webhooks/${PROJECT_VERSION}`;

/**
 * Sends one webhook message to one endpoint, signed (Standard Webhooks) with a fresh timestamp
 * on each attempt and the same `webhook-id` every time. Any answer but 2xx, or no answer, fails
 * the attempt and the outbox retries with backoff; 410 Gone deactivates the endpoint and
 * dead-letters the message at once. A message for an endpoint deleted or paused meanwhile is
 * dropped. Neither the secret nor the body is ever logged.
 */
@Injectable()
@HandlesTopic('notifications.webhook')
export class WebhookHandler implements TopicHandler<'notifications.webhook'> {
  private readonly rules: WebhookUrlRules;
  private readonly timeoutMs: number;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(Deliveries) private readonly deliveries: Deliveries,
    @Inject(WebhookBodies) private readonly bodies: WebhookBodies,
    @Inject(WebhookSecrets) private readonly secrets: WebhookSecrets,
    @Inject(WebhookEndpoints) private readonly endpoints: WebhookEndpoints,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.rules = webhookUrlRules(config);
    this.timeoutMs = config.WEBHOOK_TIMEOUT_MS;
  }

  async handle(message: OutboxMessage<'notifications.webhook'>): Promise<TopicOutcome> {
    const endpoint = await this.dataSource.getRepository(WebhookEndpointEntity).findOneBy({
      id: message.payload.endpointId,
      organizationId: message.organizationId,
    });
    if (!endpoint?.active) return undefined;
    const body = await this.bodies.build(message);
    if (!body) return undefined;
    const json = JSON.stringify(body);
    await this.deliveries.once(
      {
        organizationId: message.organizationId,
        outboxMessageId: message.id,
        channel: 'webhook',
        recipient: endpoint.id,
      },
      message.firstClaim,
      async (webhookId) => {
        const now = this.clock.now();
        let status: number;
        try {
          status = await postWebhook({
            url: endpoint.url,
            headers: {
              'content-type': 'application/json',
              'user-agent': USER_AGENT,
              ...webhookHeaders(this.secrets.signing(endpoint, now), webhookId, now, json),
            },
            body: json,
            timeoutMs: this.timeoutMs,
            rules: this.rules,
          });
        } catch (error) {
          if (error instanceof WebhookRefusedError) {
            throw new PermanentDeliveryError(error.message);
          }
          throw error;
        }
        if (status === 410) {
          await this.endpoints.deactivateGone(endpoint.organizationId, endpoint.id);
          throw new PermanentDeliveryError(
            'the receiver answered 410 Gone: the endpoint was deactivated',
          );
        }
        if (status < 200 || status > 299) {
          throw new Error(`the receiver answered HTTP ${status}`);
        }
      },
    );
    return undefined;
  }
}
