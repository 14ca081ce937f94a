import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@academy/common';
import { DataSource } from 'typeorm';
import type { Actor, RequestMeta } from '../access/actor.js';
import { AuditTrail } from '../audit/audit-trail.service.js';
import { isEmail, isTimezone, normalizeEmail, normalizeSlug } from '../auth/normalize.js';
import { OneTimeTokenPurpose } from '../entities/one-time-token.entity.js';
import {
  DEFAULT_ORGANIZATION_SETTINGS,
  OrganizationEntity,
  type OrganizationSettings,
} from '../entities/organization.entity.js';
import { Role, UserEntity, UserStatus } from '../entities/user.entity.js';
import { IdentityErrors } from '../identity.errors.js';
import { OneTimeTokens } from '../invitations/one-time-tokens.js';

const SLUG = /^[a-z][a-z0-9-]{1,62}$/;

export interface NewOrganization {
  name: string;
  slug: string;
  adminEmail: string;
  timezone?: string;
  locale?: string;
}

@Injectable()
export class OrganizationService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(OneTimeTokens) private readonly tokens: OneTimeTokens,
    @Inject(AuditTrail) private readonly audit: AuditTrail,
  ) {}

  /**
   * Bootstrap: an organization with its first admin and that admin's invitation. Returns the
   * invitation token for the operator to hand over (the one place a token is shown).
   */
  async createWithAdmin(input: NewOrganization) {
    const slug = normalizeSlug(input.slug);
    const email = normalizeEmail(input.adminEmail);
    if (!SLUG.test(slug)) {
      throw new DomainError(
        IdentityErrors.INVALID_INPUT,
        'A slug has 2-63 lowercase letters, digits or hyphens, starting with a letter.',
      );
    }
    if (!input.name.trim())
      throw new DomainError(IdentityErrors.INVALID_INPUT, 'Give the organization a name.');
    if (!isEmail(email)) {
      throw new DomainError(IdentityErrors.INVALID_INPUT, 'The admin email address is not valid.');
    }
    return this.dataSource.transaction(async (manager) => {
      if (await manager.getRepository(OrganizationEntity).existsBy({ slug })) {
        throw new DomainError(IdentityErrors.SLUG_TAKEN, `The slug "${slug}" is taken.`);
      }
      const organization = await manager.getRepository(OrganizationEntity).save({
        name: input.name.trim(),
        slug,
        timezone: input.timezone ?? 'UTC',
        locale: input.locale ?? 'en',
        settings: DEFAULT_ORGANIZATION_SETTINGS,
      });
      const admin = await manager.getRepository(UserEntity).save({
        organizationId: organization.id,
        email,
        displayName: email,
        role: Role.ADMIN,
        status: UserStatus.ACTIVE,
        passwordHash: null,
      });
      const invitation = await this.tokens.issue(
        manager,
        admin,
        OneTimeTokenPurpose.INVITATION,
        null,
      );
      await this.audit.record(manager, {
        organizationId: organization.id,
        actor: { kind: 'SYSTEM', id: null },
        action: 'organization.created',
        target: { type: 'organization', id: organization.id },
        details: { slug, adminEmail: email },
      });
      return {
        organization,
        admin,
        invitationToken: invitation.token,
        invitationExpiresAt: invitation.expiresAt,
      };
    });
  }

  async get(actor: Actor): Promise<OrganizationEntity> {
    return this.dataSource
      .getRepository(OrganizationEntity)
      .findOneByOrFail({ id: actor.organizationId });
  }

  async update(
    actor: Actor,
    changes: {
      name?: string | null;
      timezone?: string | null;
      locale?: string | null;
      settings?: Partial<OrganizationSettings> | null;
    },
    meta: RequestMeta,
  ): Promise<OrganizationEntity> {
    return this.dataSource.transaction(async (manager) => {
      const organization = await manager
        .getRepository(OrganizationEntity)
        .findOneByOrFail({ id: actor.organizationId });
      if (changes.name !== undefined && changes.name !== null) {
        if (!changes.name.trim())
          throw new DomainError(IdentityErrors.INVALID_INPUT, 'Give the organization a name.');
        organization.name = changes.name.trim();
      }
      if (changes.timezone) {
        if (!isTimezone(changes.timezone)) {
          throw new DomainError(
            IdentityErrors.INVALID_INPUT,
            'The time zone is not a known IANA zone.',
          );
        }
        organization.timezone = changes.timezone;
      }
      if (changes.locale) organization.locale = changes.locale;
      if (changes.settings)
        organization.settings = { ...organization.settings, ...changes.settings };
      await manager.save(organization);
      await this.audit.record(manager, {
        organizationId: organization.id,
        actor,
        action: 'organization.updated',
        target: { type: 'organization', id: organization.id },
        meta,
        details: { changes },
      });
      return organization;
    });
  }
}
