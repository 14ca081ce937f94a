import { Inject, Injectable } from '@nestjs/common';
import { Clock, DomainError } from '@academy/common';
import { AuditTrail, Permission, roleHas, type Actor, type RequestMeta } from '@academy/identity';
import type { EntityManager } from 'typeorm';
import { DrillsErrors } from '../drills.errors.js';
import { DrillRunEventEntity, type DrillRunEventKind } from '../entities/drill-run-event.entity.js';
import { DrillRunEntity } from '../entities/drill-run.entity.js';
import { roleInRun } from './participant-role.js';

/** Who changed a run: a person (audited with their request), or the worker on schedule. */
export type RunChanger = { actor: Actor; meta: RequestMeta } | 'schedule';

/** Reads and locks runs and records what happened to them, on the timeline and in the audit trail. */
@Injectable()
export class RunLedger {
  constructor(
    @Inject(AuditTrail) private readonly audit: AuditTrail,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** The run, locked for this transaction; null when the organization has no such run. */
  lock(manager: EntityManager, organizationId: string, runId: string) {
    return manager.getRepository(DrillRunEntity).findOne({
      where: { id: runId, organizationId },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /**
   * The run, locked, if the actor may steer it: admins may steer any run of their organization,
   * the facilitator their own. Anyone else learns nothing about it.
   */
  async lockSteerable(manager: EntityManager, actor: Actor, runId: string) {
    const run = await this.lock(manager, actor.organizationId, runId);
    if (!run) throw new DomainError(DrillsErrors.NOT_FOUND, 'No such drill run.');
    if (roleHas(actor.role, Permission.DRILLS_MANAGE) || run.facilitatorId === actor.id) return run;
    if (await roleInRun(manager, actor.organizationId, run.id, actor.id)) {
      throw new DomainError(
        DrillsErrors.NOT_FACILITATOR,
        'Only the facilitator steers this drill.',
      );
    }
    throw new DomainError(DrillsErrors.NOT_FOUND, 'No such drill run.');
  }

  /** Appends the change to the run's timeline and to the organization's audit trail. */
  async record(
    manager: EntityManager,
    run: DrillRunEntity,
    kind: DrillRunEventKind,
    by: RunChanger,
    details: { injectSlug?: string } & Record<string, unknown> = {},
  ): Promise<void> {
    await manager.save(
      manager.create(DrillRunEventEntity, {
        organizationId: run.organizationId,
        runId: run.id,
        kind,
        occurredAt: this.clock.now(),
        injectSlug: details.injectSlug ?? null,
        actorId: by === 'schedule' ? null : by.actor.id,
      }),
    );
    const action = `drills.run_${kind.replaceAll('-', '_')}`;
    const fields = { target: { type: 'drill_run', id: run.id }, details };
    if (by === 'schedule') {
      await this.audit.record(manager, {
        organizationId: run.organizationId,
        actor: { kind: 'SYSTEM', id: null },
        action,
        ...fields,
      });
    } else {
      await this.audit.recordBy(manager, by.actor, action, { ...fields, meta: by.meta });
    }
  }
}
