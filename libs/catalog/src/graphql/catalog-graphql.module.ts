import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog.module.js';
import { CatalogLoaders } from './catalog-loaders.js';
import { CatalogResolver } from './catalog.resolver.js';
import { OrganizationContentResolver } from './organization-content.resolver.js';

/** The catalog's GraphQL room; only apps/api imports it. */
@Module({
  imports: [CatalogModule],
  providers: [CatalogLoaders, CatalogResolver, OrganizationContentResolver],
})
export class CatalogGraphqlModule {}
