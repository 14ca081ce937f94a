import { Processor } from '@nestjs/bullmq';
import { QueueProcessor } from '@academy/queue';

@Processor('learning', { autorun: false })
export class LearningProcessor extends QueueProcessor {}
