import { Processor } from '@nestjs/bullmq';
import { QueueProcessor } from '@academy/queue';

@Processor('outbox', { autorun: false })
export class OutboxProcessor extends QueueProcessor {}
