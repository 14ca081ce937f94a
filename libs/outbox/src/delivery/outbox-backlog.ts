import type { EntityManager } from 'typeorm';

/** The statuses in which a message still needs something done, or someone to look at it. */
export const BACKLOG_STATUSES = ['pending', 'queued', 'claimed', 'failed'] as const;
export type BacklogStatus = (typeof BACKLOG_STATUSES)[number];

export interface BacklogCount {
  topic: string;
  status: BacklogStatus;
  count: number;
}

/**
 * Outbox messages by topic and status that are not finished: pending ones already due (waiting
 * for the relay; reminders scheduled for later days are not backlog and are not counted), queued,
 * claimed, and failed (dead letters). Only these rows are read, through the (status,
 * available_at) index, so the cost follows the backlog, never the history of done messages.
 */
export async function countOutboxBacklog(
  manager: EntityManager,
  now: Date,
): Promise<BacklogCount[]> {
  return manager.query<BacklogCount[]>(
    `SELECT topic, status, count(*)::int AS count FROM outbox_messages
      WHERE status IN ('queued', 'claimed', 'failed')
         OR (status = 'pending' AND available_at <= $1)
      GROUP BY topic, status`,
    [now],
  );
}
