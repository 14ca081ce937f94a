export { OutboxMessageEntity, type OutboxStatus } from './outbox-message.entity.js';
export { OutboxModule } from './outbox.module.js';
export { OutboxWriter, type NewOutboxMessage } from './outbox-writer.js';
