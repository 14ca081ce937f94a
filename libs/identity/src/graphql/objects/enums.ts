import { registerEnumType } from '@nestjs/graphql';
import { GroupKind } from '../../entities/group.entity.js';
import { Role, UserStatus } from '../../entities/user.entity.js';

registerEnumType(Role, {
  name: 'Role',
  description: 'What a person may do in their organization.',
  valuesMap: {
    LEARNER: { description: 'Learns: their own training, results and profile.' },
    MANAGER: { description: 'A learner who also sees their direct and indirect reports.' },
    ADMIN: { description: 'Manages everything in the organization.' },
  },
});

registerEnumType(UserStatus, {
  name: 'UserStatus',
  description: 'Whether a person can sign in.',
  valuesMap: {
    ACTIVE: { description: 'Can sign in (once they have set a password).' },
    DEACTIVATED: { description: 'Cannot sign in; their history is kept.' },
  },
});

registerEnumType(GroupKind, { name: 'GroupKind', description: 'What a group represents.' });

export const BulkRowOutcome = {
  CREATED: 'CREATED',
  UPDATED: 'UPDATED',
  REJECTED: 'REJECTED',
} as const;
export type BulkRowOutcome = (typeof BulkRowOutcome)[keyof typeof BulkRowOutcome];
registerEnumType(BulkRowOutcome, {
  name: 'BulkRowOutcome',
  description: 'What happened to one row of a bulk invitation.',
});

export { GroupKind, Role, UserStatus };
