import type { Role } from '../entities/user.entity.js';

/**
 * Who is calling, as established from a verified credential. Tenant scope always comes from
 * here, never from an argument.
 */
export interface Actor {
  kind: 'USER' | 'API_KEY';
  /** The user's id, or the API key's id. */
  id: string;
  organizationId: string;
  role: Role;
  /** The session of a signed-in user; absent for API keys. */
  sessionId?: string;
  /** The organization requires a second factor for this user's role and none is enrolled. */
  mustEnrolMfa: boolean;
}

/** Context of the request an action is taken in, for the audit trail. */
export interface RequestMeta {
  requestId: string | null;
  clientAddress: string | null;
  userAgent: string | null;
}
