import { Processor } from '@nestjs/bullmq';
import { QueueProcessor } from '../worker/queue-processor.js';

@Processor('maintenance', { autorun: false })
export class MaintenanceProcessor extends QueueProcessor {}
