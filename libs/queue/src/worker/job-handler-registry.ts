import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { JobHandlerTarget } from '../job-handler.js';

interface AnyJobHandler {
  handle(payload: unknown, job: Job): Promise<void>;
}

/** The handler of each queue/job name, filled once at worker start-up after the boot check. */
@Injectable()
export class JobHandlerRegistry {
  private readonly handlers = new Map<string, AnyJobHandler>();

  register(target: JobHandlerTarget, handler: AnyJobHandler): void {
    this.handlers.set(`${target.queue}/${target.name}`, handler);
  }

  handlerFor(queue: string, name: string): AnyJobHandler {
    const handler = this.handlers.get(`${queue}/${name}`);
    // The boot check makes this unreachable for registered names; a stray job name in Redis
    // (e.g. from a newer release) fails loudly and stays inspectable.
    if (!handler) throw new Error(`no handler for job ${queue}/${name}`);
    return handler;
  }
}
