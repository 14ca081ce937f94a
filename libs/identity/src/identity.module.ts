import { Module } from '@nestjs/common';
import { OutboxModule } from '@academy/outbox';
import { ApiKeyService } from './api-keys/api-key.service.js';
import { AuditLog } from './audit/audit-log.service.js';
import { AuditTrail } from './audit/audit-trail.service.js';
import { AccessTokens } from './auth/access-tokens.js';
import { AuthenticationService } from './auth/authentication.service.js';
import { SignInThrottle } from './auth/sign-in-throttle.js';
import { GroupService } from './groups/group.service.js';
import { BulkInviteService } from './invitations/bulk-invite.service.js';
import { OnboardingService } from './invitations/onboarding.service.js';
import { OneTimeTokens } from './invitations/one-time-tokens.js';
import { MfaService } from './mfa/mfa.service.js';
import { OrganizationService } from './organizations/organization.service.js';
import { PasswordHasher } from './passwords/password-hasher.js';
import { SessionService } from './sessions/session.service.js';
import { UserAdmin } from './users/user-admin.service.js';
import { UserDirectory } from './users/user-directory.service.js';
import './identity.events.js';

const services = [
  AccessTokens,
  ApiKeyService,
  AuditLog,
  AuditTrail,
  AuthenticationService,
  BulkInviteService,
  GroupService,
  MfaService,
  OnboardingService,
  OneTimeTokens,
  OrganizationService,
  PasswordHasher,
  SessionService,
  SignInThrottle,
  UserAdmin,
  UserDirectory,
];

/** Organizations, people, groups, sign-in, sessions, MFA, API keys and the audit trail. */
@Module({ imports: [OutboxModule], providers: services, exports: services })
export class IdentityModule {}
