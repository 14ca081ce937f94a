/**
 * Events an organization's webhook endpoint may subscribe to, by their wire name (the body's
 * `type`). GraphQL registers the same object as the `WebhookEvent` enum.
 */
export const WebhookEvent = {
  /** A person completed a course or track. */
  ENROLLMENT_COMPLETED: 'enrollment.completed',
  /** Learning was assigned: one message per assignment change, with counts per item. */
  LEARNING_ASSIGNED: 'learning.assigned',
} as const;
export type WebhookEvent = (typeof WebhookEvent)[keyof typeof WebhookEvent];

export const WEBHOOK_EVENTS: readonly WebhookEvent[] = Object.values(WebhookEvent);

/** The test message `testWebhook` sends; no endpoint subscribes to it. */
export const WEBHOOK_PING = 'webhook.ping';

/** What a webhook message is about: a subscribed event or the ping. */
export type WebhookMessageType = WebhookEvent | typeof WEBHOOK_PING;
