import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { DomainEvents } from '@academy/database';
import { ReminderPlanner } from './reminder-planner.js';

/**
 * Keeps reminders in step with learning and identity, inside the transaction of each change:
 * assigning plans them, moving a due date or a person's timezone or manager moves them, and
 * completing, withdrawing or deactivating cancels what would no longer be true.
 */
@Injectable()
export class ReminderEventsSubscriber implements OnModuleInit {
  constructor(
    @Inject(DomainEvents) private readonly events: DomainEvents,
    @Inject(ReminderPlanner) private readonly planner: ReminderPlanner,
  ) {}

  onModuleInit(): void {
    this.events.subscribe('learning.enrollments-assigned', (manager, event) =>
      this.planner.plan(manager, event.organizationId, event.enrollmentIds),
    );
    this.events.subscribe('learning.due-dates-changed', (manager, event) =>
      this.planner.replan(manager, event.organizationId, event.enrollmentIds),
    );
    this.events.subscribe('learning.enrollment-completed', (manager, event) =>
      this.planner.cancel(manager, event.organizationId, [event.enrollmentId]),
    );
    this.events.subscribe('learning.enrollments-withdrawn', (manager, event) =>
      this.planner.cancel(manager, event.organizationId, event.enrollmentIds),
    );
    this.events.subscribe('identity.user-deactivated', (manager, event) =>
      this.planner.cancelForRecipient(manager, event.organizationId, event.userId),
    );
    this.events.subscribe('identity.user-changed', async (manager, event) => {
      // Days count in the person's timezone, and escalations go to their manager (in theirs).
      if (event.changed.some((field) => field === 'timezone' || field === 'managerId')) {
        await this.planner.replanPerson(manager, event.organizationId, event.userId);
      }
    });
  }
}
