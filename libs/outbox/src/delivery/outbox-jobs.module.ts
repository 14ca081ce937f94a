import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { WorkerRuntimeModule } from '@academy/queue';
import { OutboxModule } from '../outbox.module.js';
import { DeliverMessageJob } from './deliver-message.job.js';
import { OutboxPump } from './outbox-pump.js';
import { OutboxReconciler } from './outbox-reconciler.js';
import { OutboxRelay } from './outbox-relay.js';
import { OutboxProcessor } from './outbox.processor.js';
import { TopicHandlerRegistry } from './topic-handler-registry.js';

/** The outbox's relay, reconciler and delivery job; only apps/worker imports it. */
@Module({
  imports: [DiscoveryModule, WorkerRuntimeModule, OutboxModule],
  providers: [
    OutboxRelay,
    OutboxReconciler,
    OutboxPump,
    OutboxProcessor,
    DeliverMessageJob,
    TopicHandlerRegistry,
  ],
})
export class OutboxJobsModule {}
