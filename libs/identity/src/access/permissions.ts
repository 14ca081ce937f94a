import type { Role } from '../entities/user.entity.js';

/**
 * What an operation requires. Every GraphQL operation names one of these (or is explicitly
 * public); roles map to permissions here and nowhere else.
 */
export const Permission = {
  /** Read and manage one's own profile, password, sessions and second factor. */
  SELF: 'SELF',
  /** Read people: all of the organization for admins, one's reports for managers. */
  PEOPLE_READ: 'PEOPLE_READ',
  /** Create, change, deactivate people and their roles; invitations; groups. */
  PEOPLE_MANAGE: 'PEOPLE_MANAGE',
  /** Read groups and their members. */
  GROUPS_READ: 'GROUPS_READ',
  GROUPS_MANAGE: 'GROUPS_MANAGE',
  API_KEYS_MANAGE: 'API_KEYS_MANAGE',
  AUDIT_READ: 'AUDIT_READ',
  ORGANIZATION_MANAGE: 'ORGANIZATION_MANAGE',
  /** Browse the catalog: tracks, courses, lessons, quiz rules (never answer keys). */
  CATALOG_READ: 'CATALOG_READ',
  /** Read full questions with their answer keys, to review content. */
  CATALOG_REVIEW: 'CATALOG_REVIEW',
  /** Publish and retire the organization's own courses. */
  CATALOG_MANAGE: 'CATALOG_MANAGE',
  /** Assign courses and tracks: to anyone for admins, to one's reports for managers. */
  LEARNING_ASSIGN: 'LEARNING_ASSIGN',
  /** Standing rules that assign learning to groups and new hires. */
  LEARNING_RULES_MANAGE: 'LEARNING_RULES_MANAGE',
  /** Revoke certificates. */
  CERTIFICATES_MANAGE: 'CERTIFICATES_MANAGE',
  /** The reminder policy, dead-lettered messages and bounced addresses of the organization. */
  NOTIFICATIONS_MANAGE: 'NOTIFICATIONS_MANAGE',
  /** Schedule incident-response drills, run any of them and read every report and statistic. */
  DRILLS_MANAGE: 'DRILLS_MANAGE',
} as const;
export type Permission = (typeof Permission)[keyof typeof Permission];

export const ROLE_PERMISSIONS: Readonly<Record<Role, ReadonlySet<Permission>>> = {
  LEARNER: new Set([Permission.SELF, Permission.CATALOG_READ]),
  MANAGER: new Set([
    Permission.SELF,
    Permission.CATALOG_READ,
    Permission.PEOPLE_READ,
    Permission.GROUPS_READ,
    Permission.LEARNING_ASSIGN,
  ]),
  ADMIN: new Set(Object.values(Permission)),
};

export function roleHas(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].has(permission);
}
