import { Inject } from '@nestjs/common';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { PageArgs, type Connection } from '@academy/common';
import type { Actor } from '../../access/actor.js';
import { Permission } from '../../access/permissions.js';
import { AuditLog } from '../../audit/audit-log.service.js';
import type { AuditEventEntity } from '../../entities/audit-event.entity.js';
import { CurrentActor, RequirePermission } from '../access.decorators.js';
import { AuditEventFilterInput } from '../inputs/admin.inputs.js';
import { AuditEventConnection } from '../objects/admin.object.js';

@Resolver()
export class AuditResolver {
  constructor(@Inject(AuditLog) private readonly log: AuditLog) {}

  @RequirePermission(Permission.AUDIT_READ)
  @Query(() => AuditEventConnection, {
    description: 'The organization’s audit trail, newest first.',
  })
  auditEvents(
    @CurrentActor() actor: Actor,
    @Args() page: PageArgs,
    @Args('filter', { type: () => AuditEventFilterInput, nullable: true })
    filter?: AuditEventFilterInput | null,
  ): Promise<Connection<AuditEventEntity>> {
    return this.log.list(actor, filter ?? {}, page.first, page.after);
  }
}
