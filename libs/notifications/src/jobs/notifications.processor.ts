import { Processor } from '@nestjs/bullmq';
import { QueueProcessor } from '@academy/queue';

@Processor('notifications', { autorun: false })
export class NotificationsProcessor extends QueueProcessor {}
