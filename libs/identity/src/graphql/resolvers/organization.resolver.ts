import { Inject } from '@nestjs/common';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor, RequestMeta } from '../../access/actor.js';
import { Permission } from '../../access/permissions.js';
import type { OrganizationEntity } from '../../entities/organization.entity.js';
import { OrganizationService } from '../../organizations/organization.service.js';
import {
  AllowedDuringMfaEnrolment,
  CurrentActor,
  Meta,
  RequirePermission,
} from '../access.decorators.js';
import { UpdateOrganizationInput } from '../inputs/admin.inputs.js';
import { Organization } from '../objects/organization.object.js';

@Resolver(() => Organization)
export class OrganizationResolver {
  constructor(@Inject(OrganizationService) private readonly organizations: OrganizationService) {}

  @RequirePermission(Permission.SELF)
  @AllowedDuringMfaEnrolment()
  @Query(() => Organization, { description: 'The caller’s organization.' })
  organization(@CurrentActor() actor: Actor): Promise<OrganizationEntity> {
    return this.organizations.get(actor);
  }

  @RequirePermission(Permission.ORGANIZATION_MANAGE)
  @Mutation(() => Organization, {
    description: 'Change the organization’s name, defaults or settings.',
  })
  updateOrganization(
    @CurrentActor() actor: Actor,
    @Args('input') input: UpdateOrganizationInput,
    @Meta() meta: RequestMeta,
  ): Promise<OrganizationEntity> {
    return this.organizations.update(actor, input, meta);
  }
}
