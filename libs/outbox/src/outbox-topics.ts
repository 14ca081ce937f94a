/**
 * Every outbox topic with the payload its messages carry, and the one list the worker's boot
 * check holds handlers against (like the job registry of @academy/queue). Payloads hold ids —
 * and, where a message must carry a secret, that secret sealed with the data key — never
 * personal data: the handler reads the facts when it acts.
 */
export interface OutboxTopicPayloads {
  /** Email a person their invitation link. */
  'identity.invitation': { userId: string; tokenId: string; sealedToken: string };
  /** Email a person their password-reset link. */
  'identity.password-reset': { userId: string; tokenId: string; sealedToken: string };
  /** Tell the holder about a new certificate. */
  'learning.certificate-issued': { certificateId: string };
  /** One person's reminders of one day in their timezone, gathered into one message. */
  'notifications.reminder-digest': { recipientId: string; sendOn: string };
  /**
   * One event for one organization webhook endpoint: `event` is its wire name (e.g.
   * `enrollment.completed`, `webhook.ping`), `subjectIds` what it is about (enrollment ids).
   */
  'notifications.webhook': { endpointId: string; event: string; subjectIds: string[] };
  /** Invite a participant to a scheduled drill run, or remind them before it starts. */
  'drills.participant-notice': { runId: string; userId: string; stage: 'invitation' | 'reminder' };
  /** Create one occurrence (ISO start time) of a recurring drill series, exactly once. */
  'drills.series-occurrence': { seriesId: string; occursAt: string };
  /** A scheduled drill run reached its start time: open it. */
  'drills.run-open': { runId: string };
  /**
   * Release one inject of a running drill. `planEpoch` is the run's timeline plan the message
   * was written for: pausing, resuming or skipping ahead plans afresh, and older messages do
   * nothing.
   */
  'drills.inject-release': { runId: string; injectSlug: string; planEpoch: number };
  /** A running drill reached the end of its scenario's duration (under plan `planEpoch`). */
  'drills.run-end': { runId: string; planEpoch: number };
  /** An ended drill run: score it, write its report and assign remedial learning. */
  'drills.run-score': { runId: string };
}

export type OutboxTopic = keyof OutboxTopicPayloads;

export const OUTBOX_TOPICS: readonly OutboxTopic[] = [
  'identity.invitation',
  'identity.password-reset',
  'learning.certificate-issued',
  'notifications.reminder-digest',
  'notifications.webhook',
  'drills.participant-notice',
  'drills.series-occurrence',
  'drills.run-open',
  'drills.inject-release',
  'drills.run-end',
  'drills.run-score',
];
