import { Inject } from '@nestjs/common';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import {
  CurrentActor,
  Meta,
  Permission,
  RequirePermission,
  type Actor,
  type RequestMeta,
} from '@academy/identity';
import type { ImportSummary } from '../import/catalog-writer.js';
import { OrganizationContentService } from '../organization-content/organization-content.service.js';
import { CatalogChange, OrganizationCourseInput } from './organization-content.inputs.js';

const changes = (summary: ImportSummary): CatalogChange[] =>
  Object.entries(summary)
    .filter(([, counts]) => counts.added + counts.changed + counts.retired + counts.unchanged > 0)
    .map(([kind, counts]) => ({ kind, ...counts }));

/** Admins publish their organization's own courses, visible to its members only. */
@Resolver()
export class OrganizationContentResolver {
  constructor(
    @Inject(OrganizationContentService) private readonly content: OrganizationContentService,
  ) {}

  @RequirePermission(Permission.CATALOG_MANAGE)
  @Mutation(() => [CatalogChange], {
    description:
      'Create or update one of the organization’s own courses; validated like the shipped curriculum.',
  })
  async saveOrganizationCourse(
    @CurrentActor() actor: Actor,
    @Args('input') input: OrganizationCourseInput,
    @Meta() meta: RequestMeta,
  ): Promise<CatalogChange[]> {
    return changes(await this.content.saveCourse(actor, input, meta));
  }

  @RequirePermission(Permission.CATALOG_MANAGE)
  @Mutation(() => [CatalogChange], {
    description: 'Retire one of the organization’s own courses (history is kept).',
  })
  async retireOrganizationCourse(
    @CurrentActor() actor: Actor,
    @Args('slug') slug: string,
    @Meta() meta: RequestMeta,
  ): Promise<CatalogChange[]> {
    return changes(await this.content.retireCourse(actor, slug, meta));
  }
}
