/**
 * What learning tells other contexts, inside the transaction of the change (see DomainEvents).
 * The reminders issue schedules, moves and cancels reminders on these; each carries the
 * enrollment ids affected so that a subscriber can act on them with one set-based statement.
 */
declare module '@academy/database' {
  interface DomainEventMap {
    /** New open enrollments from an assignment (not self-enrollment: optional learning has no due date). */
    'learning.enrollments-assigned': { organizationId: string; enrollmentIds: string[] };
    'learning.due-dates-changed': { organizationId: string; enrollmentIds: string[] };
    'learning.enrollment-completed': {
      organizationId: string;
      enrollmentId: string;
      userId: string;
    };
    /** Open enrollments closed without completion: unassigned, or their person deactivated. */
    'learning.enrollments-withdrawn': {
      organizationId: string;
      enrollmentIds: string[];
      reason: 'unassigned' | 'deactivated';
    };
  }
}

export {};
