/**
 * Every queue and every job name the platform uses, with the payload each job carries. Payloads
 * hold ids and never personal data: Redis is transport, PostgreSQL holds the facts.
 */
export interface JobPayloads {
  maintenance: {
    /** Proves a worker is consuming jobs; /health/ready reports its age. */
    heartbeat: Record<string, never>;
  };
  outbox: {
    /** Act on one outbox message (jobId = the message's id). */
    deliver: { messageId: string };
  };
  notifications: {
    /** Plans this week's overdue summaries for admins (recurring, idempotent). */
    'plan-summaries': Record<string, never>;
  };
  learning: {
    /** Grades quiz attempts whose deadline passed (recurring). */
    'expire-attempts': Record<string, never>;
  };
  'certification-prep': {
    /** Plans a digest nudge for opted-in learners with reviews due (recurring, idempotent). */
    'plan-practice-nudges': Record<string, never>;
    /** Grades mock exams whose deadline passed (recurring). */
    'expire-mock-exams': Record<string, never>;
  };
}

export type QueueName = keyof JobPayloads;
export type JobName<Queue extends QueueName> = keyof JobPayloads[Queue] & string;
export type JobPayload<
  Queue extends QueueName,
  Name extends JobName<Queue>,
> = JobPayloads[Queue][Name];

/** The registry as data, for the boot check: each queue with the names of its jobs. */
export type JobRegistry = Readonly<Record<string, readonly string[]>>;

export const JOB_REGISTRY: { readonly [Queue in QueueName]: readonly JobName<Queue>[] } = {
  maintenance: ['heartbeat'],
  outbox: ['deliver'],
  notifications: ['plan-summaries'],
  learning: ['expire-attempts'],
  'certification-prep': ['plan-practice-nudges', 'expire-mock-exams'],
};

export const QUEUE_NAMES = Object.keys(JOB_REGISTRY) as QueueName[];

/** Injection token of the registry the worker checks its handlers against. */
export const JOB_REGISTRY_TOKEN = Symbol('JOB_REGISTRY');
