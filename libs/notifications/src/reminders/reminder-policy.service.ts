import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@academy/common';
import { AuditTrail, type Actor, type RequestMeta } from '@academy/identity';
import { DataSource } from 'typeorm';
import { ReminderPolicyEntity, type ReminderPolicy } from '../entities/reminder-policy.entity.js';
import { NotificationsErrors } from '../notifications.errors.js';
import { ReminderPlanner } from './reminder-planner.js';
import { ReminderPolicies, policyProblems } from './reminder-policies.js';

/** Admins read and change their organization's reminder policy. */
@Injectable()
export class ReminderPolicyService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(ReminderPolicies) private readonly policies: ReminderPolicies,
    @Inject(ReminderPlanner) private readonly planner: ReminderPlanner,
    @Inject(AuditTrail) private readonly audit: AuditTrail,
  ) {}

  get(actor: Actor): Promise<ReminderPolicy> {
    return this.policies.effective(this.dataSource.manager, actor.organizationId);
  }

  /**
   * Replaces the policy and moves every pending reminder of the organization to it, in one
   * transaction; refused as a whole when any field is invalid.
   */
  async update(actor: Actor, policy: ReminderPolicy, meta: RequestMeta): Promise<ReminderPolicy> {
    const problems = policyProblems(policy);
    if (problems.length > 0) {
      throw new DomainError(NotificationsErrors.INVALID_POLICY, problems.join('; '));
    }
    return this.dataSource.transaction(async (manager) => {
      await manager.getRepository(ReminderPolicyEntity).save({
        ...policy,
        organizationId: actor.organizationId,
        updatedBy: actor.id,
      });
      await this.planner.replan(manager, actor.organizationId, null);
      await this.audit.recordBy(manager, actor, 'notifications.reminder-policy-updated', {
        meta,
        details: { ...policy },
      });
      return policy;
    });
  }
}
