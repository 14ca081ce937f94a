import { mapConnection, type Connection } from '@academy/common';
import type { SessionEntity } from '../entities/session.entity.js';
import type { UserEntity } from '../entities/user.entity.js';
import type { Session } from './objects/auth.object.js';
import type { User } from './objects/user.object.js';

/** The public shape of a person: never a hash, secret or token. */
export function toUser(user: UserEntity): User {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    jobTitle: user.jobTitle,
    department: user.department,
    locale: user.locale,
    timezone: user.timezone,
    managerId: user.managerId,
    hiredOn: user.hiredOn,
    role: user.role,
    status: user.status,
    invitationAccepted: user.passwordHash !== null,
    mfaEnabled: user.mfaEnabledAt !== null,
    createdAt: user.createdAt,
  };
}

export function toUserConnection(connection: Connection<UserEntity>): Connection<User> {
  return mapConnection(connection, toUser);
}

export function toSession(session: SessionEntity, currentSessionId: string | undefined): Session {
  return {
    id: session.id,
    userAgent: session.userAgent,
    clientAddress: session.clientAddress,
    createdAt: session.createdAt,
    lastUsedAt: session.lastUsedAt,
    expiresAt: session.expiresAt,
    current: session.id === currentSessionId,
  };
}
