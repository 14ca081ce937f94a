import { Processor } from '@nestjs/bullmq';
import { QueueProcessor } from '@academy/queue';

@Processor('certification-prep', { autorun: false })
export class CertificationPrepProcessor extends QueueProcessor {}
