/** The fields of a person whose changes other contexts hear of ('identity.user-changed'). */
export const WATCHED_USER_FIELDS = ['timezone', 'managerId', 'locale', 'hiredOn', 'role'] as const;
export type WatchedUserField = (typeof WATCHED_USER_FIELDS)[number];

/**
 * What identity tells other contexts, inside the transaction of the change (see DomainEvents).
 * Learning applies its auto-assignment rules on the first two and withdraws or restores open
 * enrollments on the deactivation events; reminders follow a person's timezone and manager.
 */
declare module '@academy/database' {
  interface DomainEventMap {
    /** A person's saved profile differs from before in these fields (never empty). */
    'identity.user-changed': {
      organizationId: string;
      userId: string;
      changed: WatchedUserField[];
    };
    /** A person was added to the organization (invited, alone or in bulk). */
    'identity.user-joined': { organizationId: string; userId: string };
    /** People were added to a group; some may have been members already. */
    'identity.group-members-added': { organizationId: string; groupId: string; userIds: string[] };
    'identity.user-deactivated': { organizationId: string; userId: string };
    'identity.user-reactivated': { organizationId: string; userId: string };
  }
}
