import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, Clock, DomainError, type AppConfig } from '@academy/common';
import { AuditTrail, type Actor, type RequestMeta } from '@academy/identity';
import { OutboxWriter } from '@academy/outbox';
import { DataSource, type EntityManager } from 'typeorm';
import { Deliveries } from '../delivery/deliveries.js';
import { WebhookEndpointEntity } from '../entities/webhook-endpoint.entity.js';
import { NotificationsErrors } from '../notifications.errors.js';
import { WEBHOOK_EVENTS, WEBHOOK_PING, type WebhookEvent } from './webhook-events.js';
import { PREVIOUS_SECRET_GRACE_MS, WebhookSecrets } from './webhook-secrets.js';
import { newWebhookSecret } from './webhook-signature.js';
import { webhookUrlProblem, webhookUrlRules, type WebhookUrlRules } from './webhook-url.js';

/** An organization may have this many endpoints: enough for its chat tools, and a bound on fan-out. */
export const MAX_WEBHOOK_ENDPOINTS = 20;
export const MAX_WEBHOOK_DESCRIPTION_LENGTH = 500;

/** An endpoint as admins see it: never its secret. */
export interface WebhookEndpoint {
  id: string;
  url: string;
  description: string;
  events: WebhookEvent[];
  active: boolean;
  createdAt: Date;
}

export interface NewWebhookEndpoint {
  url: string;
  description?: string | null;
  events: WebhookEvent[];
}

export interface WebhookEndpointChanges {
  description?: string | null;
  events?: WebhookEvent[] | null;
  active?: boolean | null;
}

/** An endpoint and its signing secret, which is shown this once. */
export interface WebhookEndpointWithSecret {
  endpoint: WebhookEndpoint;
  secret: string;
}

/**
 * Admins manage their organization's webhook endpoints. Every change is audited with the URL's
 * origin only (a chat tool's URL often carries a token in its path). An endpoint of another
 * organization is reported exactly like one that does not exist.
 */
@Injectable()
export class WebhookEndpoints {
  private readonly rules: WebhookUrlRules;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(AuditTrail) private readonly audit: AuditTrail,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
    @Inject(Deliveries) private readonly deliveries: Deliveries,
    @Inject(WebhookSecrets) private readonly secrets: WebhookSecrets,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.rules = webhookUrlRules(config);
  }

  async list(actor: Actor): Promise<WebhookEndpoint[]> {
    const rows = await this.dataSource.getRepository(WebhookEndpointEntity).find({
      where: { organizationId: actor.organizationId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return rows.map(toEndpoint);
  }

  async create(
    actor: Actor,
    input: NewWebhookEndpoint,
    meta: RequestMeta,
  ): Promise<WebhookEndpointWithSecret> {
    const url = input.url.trim();
    const description = (input.description ?? '').trim();
    const events = uniqueEvents(input.events);
    this.check([
      webhookUrlProblem(url, this.rules),
      descriptionProblem(description),
      eventsProblem(events),
    ]);
    const id = randomUUID();
    const secret = newWebhookSecret();
    return this.dataSource.transaction(async (manager) => {
      // One creation at a time per organization, so the limit holds under concurrency.
      await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 71))', [
        actor.organizationId,
      ]);
      const count = await manager
        .getRepository(WebhookEndpointEntity)
        .countBy({ organizationId: actor.organizationId });
      if (count >= MAX_WEBHOOK_ENDPOINTS) {
        throw new DomainError(
          NotificationsErrors.WEBHOOK_LIMIT_REACHED,
          `An organization may have at most ${MAX_WEBHOOK_ENDPOINTS} webhook endpoints.`,
        );
      }
      const endpoint = await manager.getRepository(WebhookEndpointEntity).save({
        id,
        organizationId: actor.organizationId,
        url,
        description,
        events,
        secretSealed: this.secrets.seal(id, secret),
        previousSecretSealed: null,
        previousSecretExpiresAt: null,
        active: true,
        createdBy: actor.id,
      });
      await this.audit.recordBy(manager, actor, 'notifications.webhook-created', {
        meta,
        target: { type: 'webhook_endpoint', id },
        details: { origin: new URL(url).origin, events, description },
      });
      return { endpoint: toEndpoint(endpoint), secret };
    });
  }

  async update(
    actor: Actor,
    id: string,
    changes: WebhookEndpointChanges,
    meta: RequestMeta,
  ): Promise<WebhookEndpoint> {
    const description = changes.description?.trim();
    const events = changes.events ? uniqueEvents(changes.events) : undefined;
    this.check([
      description === undefined ? null : descriptionProblem(description),
      events === undefined ? null : eventsProblem(events),
    ]);
    return this.dataSource.transaction(async (manager) => {
      const endpoint = await this.find(manager, actor, id);
      const changed: Record<string, unknown> = {};
      if (description !== undefined && description !== endpoint.description) {
        endpoint.description = changed.description = description;
      }
      if (events !== undefined && events.join() !== endpoint.events.join()) {
        endpoint.events = events;
        changed.events = events;
      }
      if (typeof changes.active === 'boolean' && changes.active !== endpoint.active) {
        endpoint.active = changed.active = changes.active;
      }
      if (Object.keys(changed).length > 0) {
        await manager.save(endpoint);
        await this.audit.recordBy(manager, actor, 'notifications.webhook-updated', {
          meta,
          target: { type: 'webhook_endpoint', id },
          details: changed,
        });
      }
      return toEndpoint(endpoint);
    });
  }

  /** Deletes an endpoint; messages still queued for it are dropped when their turn comes. */
  async delete(actor: Actor, id: string, meta: RequestMeta): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const endpoint = await this.find(manager, actor, id);
      await manager.delete(WebhookEndpointEntity, { id: endpoint.id });
      await this.audit.recordBy(manager, actor, 'notifications.webhook-deleted', {
        meta,
        target: { type: 'webhook_endpoint', id },
        details: { origin: new URL(endpoint.url).origin },
      });
    });
  }

  /**
   * Gives the endpoint a new secret. The old one keeps signing beside it for a day (both
   * signatures travel in `webhook-signature`), so a receiver can switch without losing messages.
   */
  async rotateSecret(
    actor: Actor,
    id: string,
    meta: RequestMeta,
  ): Promise<WebhookEndpointWithSecret> {
    const secret = newWebhookSecret();
    return this.dataSource.transaction(async (manager) => {
      const endpoint = await this.find(manager, actor, id);
      const now = this.clock.now();
      endpoint.previousSecretSealed = endpoint.secretSealed;
      endpoint.previousSecretExpiresAt = new Date(now.getTime() + PREVIOUS_SECRET_GRACE_MS);
      endpoint.secretSealed = this.secrets.seal(endpoint.id, secret);
      await manager.save(endpoint);
      await this.audit.recordBy(manager, actor, 'notifications.webhook-secret-rotated', {
        meta,
        target: { type: 'webhook_endpoint', id },
      });
      return { endpoint: toEndpoint(endpoint), secret };
    });
  }

  /** Queues a ping to the endpoint; returns the `webhook-id` it will carry. */
  async test(actor: Actor, id: string, meta: RequestMeta): Promise<string> {
    return this.dataSource.transaction(async (manager) => {
      const endpoint = await this.find(manager, actor, id);
      if (!endpoint.active) {
        throw new DomainError(
          NotificationsErrors.WEBHOOK_INACTIVE,
          'This webhook endpoint is inactive: activate it before testing it.',
        );
      }
      const message = await this.outbox.enqueue(manager, {
        organizationId: actor.organizationId,
        topic: 'notifications.webhook',
        payload: { endpointId: id, event: WEBHOOK_PING, subjectIds: [] },
        availableAt: this.clock.now(),
      });
      await this.audit.recordBy(manager, actor, 'notifications.webhook-tested', {
        meta,
        target: { type: 'webhook_endpoint', id },
      });
      return this.deliveries.messageIdOf({
        organizationId: actor.organizationId,
        outboxMessageId: message.id,
        channel: 'webhook',
        recipient: id,
      });
    });
  }

  /** The receiver answered 410 Gone: it gets nothing more until an admin reactivates it. */
  async deactivateGone(organizationId: string, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [, changed] = await manager.query<[unknown[], number]>(
        `UPDATE webhook_endpoints SET active = false
          WHERE id = $1 AND organization_id = $2 AND active`,
        [id, organizationId],
      );
      if (changed === 0) return;
      await this.audit.record(manager, {
        organizationId,
        actor: { kind: 'SYSTEM', id: null },
        action: 'notifications.webhook-deactivated',
        target: { type: 'webhook_endpoint', id },
        details: { reason: '410 Gone' },
      });
    });
  }

  private async find(manager: EntityManager, actor: Actor, id: string) {
    const endpoint = await manager.getRepository(WebhookEndpointEntity).findOne({
      where: { id, organizationId: actor.organizationId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!endpoint) {
      throw new DomainError(NotificationsErrors.NOT_FOUND, 'No webhook endpoint with this id.');
    }
    return endpoint;
  }

  private check(problems: (string | null)[]): void {
    const found = problems.filter((problem): problem is string => problem !== null);
    if (found.length > 0) {
      throw new DomainError(NotificationsErrors.INVALID_WEBHOOK, found.join(' '));
    }
  }
}

function toEndpoint(entity: WebhookEndpointEntity): WebhookEndpoint {
  return {
    id: entity.id,
    url: entity.url,
    description: entity.description,
    events: entity.events,
    active: entity.active,
    createdAt: entity.createdAt,
  };
}

function uniqueEvents(events: readonly WebhookEvent[]): WebhookEvent[] {
  return WEBHOOK_EVENTS.filter((event) => events.includes(event));
}

function descriptionProblem(description: string): string | null {
  return description.length > MAX_WEBHOOK_DESCRIPTION_LENGTH
    ? `The description must be at most ${MAX_WEBHOOK_DESCRIPTION_LENGTH} characters.`
    : null;
}

function eventsProblem(events: readonly WebhookEvent[]): string | null {
  return events.length === 0 ? 'Choose at least one event.' : null;
}
