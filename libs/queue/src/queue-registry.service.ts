import { getQueueToken } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { QUEUE_NAMES, type QueueName } from './job-registry.js';

/** Every registered queue by name, for code that works across queues (metrics, health). */
@Injectable()
export class QueueRegistry {
  constructor(private readonly moduleRef: ModuleRef) {}

  all(): { name: QueueName; queue: Queue }[] {
    return QUEUE_NAMES.map((name) => ({ name, queue: this.get(name) }));
  }

  get(name: QueueName): Queue {
    return this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
  }
}
