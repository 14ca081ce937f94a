import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog.module.js';
import { CatalogLoaders } from './catalog-loaders.js';
import { CatalogResolver } from './catalog.resolver.js';

/** The catalog's GraphQL room; only apps/api imports it. */
@Module({ imports: [CatalogModule], providers: [CatalogLoaders, CatalogResolver] })
export class CatalogGraphqlModule {}
