export type { Actor, RequestMeta } from './access/actor.js';
export { personOf } from './access/person-of.js';
export { Permission, roleHas } from './access/permissions.js';
export { AuditTrail, type AuditRecord } from './audit/audit-trail.service.js';
export { verifyAuditChains, type ChainBreak } from './audit/audit-verifier.js';
export { AccessTokens } from './auth/access-tokens.js';
export { AuthenticationService } from './auth/authentication.service.js';
export { clientAddressOf, parseTrustedProxies } from './auth/client-address.js';
export { identityEntities } from './entities/index.js';
export { Role, UserStatus } from './entities/user.entity.js';
export { IdentityErrors } from './identity.errors.js';
export { IdentityModule } from './identity.module.js';
export { OrganizationService } from './organizations/organization.service.js';
export { UserDirectory } from './users/user-directory.service.js';
export {
  IdentityGraphqlModule,
  Public,
  RequirePermission,
  CurrentActor,
  Meta,
} from './graphql/index.js';
