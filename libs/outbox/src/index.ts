export { OutboxMessageEntity, type OutboxStatus } from './outbox-message.entity.js';
export { OutboxModule } from './outbox.module.js';
export { OUTBOX_TOPICS, type OutboxTopic, type OutboxTopicPayloads } from './outbox-topics.js';
export { OutboxWriter, type NewOutboxMessage } from './outbox-writer.js';
export { MAX_DELIVERY_ATTEMPTS, OutboxLedger } from './delivery/outbox-ledger.js';
export { OutboxJobsModule } from './delivery/outbox-jobs.module.js';
export { OutboxReconciler } from './delivery/outbox-reconciler.js';
export { OutboxRelay } from './delivery/outbox-relay.js';
export {
  HandlesTopic,
  PermanentDeliveryError,
  type OutboxMessage,
  type TopicHandler,
  type TopicOutcome,
} from './delivery/topic-handler.js';
export {
  BACKLOG_STATUSES,
  countOutboxBacklog,
  type BacklogCount,
  type BacklogStatus,
} from './delivery/outbox-backlog.js';
