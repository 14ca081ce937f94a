import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { IdentityModule } from '../identity.module.js';
import { AuthorizationGuard } from './authorization.guard.js';
import { GroupMemberCountsLoader } from './group-member-counts.loader.js';
import { ApiKeysResolver } from './resolvers/api-keys.resolver.js';
import { AuditResolver } from './resolvers/audit.resolver.js';
import { AuthResolver } from './resolvers/auth.resolver.js';
import { GroupsResolver } from './resolvers/groups.resolver.js';
import { MeResolver } from './resolvers/me.resolver.js';
import { OrganizationResolver } from './resolvers/organization.resolver.js';
import { PeopleResolver } from './resolvers/people.resolver.js';

/**
 * Identity's GraphQL room, and the global deny-by-default guard of every operation. Only
 * apps/api imports it.
 */
@Module({
  imports: [IdentityModule],
  providers: [
    { provide: APP_GUARD, useClass: AuthorizationGuard },
    GroupMemberCountsLoader,
    ApiKeysResolver,
    AuditResolver,
    AuthResolver,
    GroupsResolver,
    MeResolver,
    OrganizationResolver,
    PeopleResolver,
  ],
})
export class IdentityGraphqlModule {}
