import type { EntityManager } from 'typeorm';
import type { DeliveryChannel } from '../entities/delivery.entity.js';

export const DELIVERY_CHANNELS: readonly DeliveryChannel[] = ['email', 'in-app', 'webhook'];

export interface DeliveryCount {
  channel: DeliveryChannel;
  count: number;
}

/**
 * Deliveries made since `since`, by channel: a range of the delivered_at index, so the cost
 * follows the recent delivery rate, never the size of the table.
 */
export async function countDeliveriesSince(
  manager: EntityManager,
  since: Date,
): Promise<DeliveryCount[]> {
  return manager.query<DeliveryCount[]>(
    `SELECT channel, count(*)::int AS count FROM notification_deliveries
      WHERE delivered_at > $1 GROUP BY channel`,
    [since],
  );
}
