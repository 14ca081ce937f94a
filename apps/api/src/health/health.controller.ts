import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ReadinessService, type DependencyName } from './readiness.service.js';

@Controller('health')
export class HealthController {
  constructor(@Inject(ReadinessService) private readonly readiness: ReadinessService) {}

  /** The process is up and its event loop answers; says nothing about dependencies. */
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** 200 when database, Redis and a worker are all healthy; else 503 naming what failed. */
  @Get('ready')
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    const { ready, checks } = await this.readiness.check();
    const failing = (Object.keys(checks) as DependencyName[]).filter((name) => !checks[name].ok);
    void reply.status(ready ? 200 : 503);
    return { status: ready ? 'ok' : 'unavailable', failing, checks };
  }
}
