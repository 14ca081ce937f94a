import { ApiKeyEntity } from './api-key.entity.js';
import { AuditEventEntity } from './audit-event.entity.js';
import { GroupMemberEntity } from './group-member.entity.js';
import { GroupEntity } from './group.entity.js';
import { OneTimeTokenEntity } from './one-time-token.entity.js';
import { OrganizationEntity } from './organization.entity.js';
import { RecoveryCodeEntity } from './recovery-code.entity.js';
import { RefreshTokenEntity } from './refresh-token.entity.js';
import { SessionEntity } from './session.entity.js';
import { UserEntity } from './user.entity.js';

/** Every table of the identity context, for the platform's DataSource. */
export const identityEntities = [
  ApiKeyEntity,
  AuditEventEntity,
  GroupEntity,
  GroupMemberEntity,
  OneTimeTokenEntity,
  OrganizationEntity,
  RecoveryCodeEntity,
  RefreshTokenEntity,
  SessionEntity,
  UserEntity,
];
