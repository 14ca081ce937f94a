/**
 * What identity tells other contexts, inside the transaction of the change (see DomainEvents).
 * Learning applies its auto-assignment rules on the first two and withdraws or restores open
 * enrollments on the last two.
 */
declare module '@academy/database' {
  interface DomainEventMap {
    /** A person was added to the organization (invited, alone or in bulk). */
    'identity.user-joined': { organizationId: string; userId: string };
    /** People were added to a group; some may have been members already. */
    'identity.group-members-added': { organizationId: string; groupId: string; userIds: string[] };
    'identity.user-deactivated': { organizationId: string; userId: string };
    'identity.user-reactivated': { organizationId: string; userId: string };
  }
}

export {};
