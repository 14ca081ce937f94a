import { Inject, Injectable, Scope } from '@nestjs/common';
import DataLoader from 'dataloader';
import { CatalogReader, type CatalogRecord } from '../catalog/catalog-reader.js';
import type { CatalogKind } from '../entities/catalog-item.entity.js';

/**
 * Per request: the lessons and quizzes of every course a response shows, one query per kind, so
 * the number of statements does not grow with the number of courses, modules or lessons.
 */
@Injectable({ scope: Scope.REQUEST })
export class CatalogLoaders {
  private readonly loaders = new Map<string, DataLoader<string, CatalogRecord[]>>();

  constructor(@Inject(CatalogReader) private readonly reader: CatalogReader) {}

  childrenOf(
    organizationId: string,
    kind: CatalogKind,
    parentSlug: string,
  ): Promise<CatalogRecord[]> {
    return this.loaderFor(organizationId, kind).load(parentSlug);
  }

  /** Records children already read with their course, so resolving them costs no query. */
  prime(organizationId: string, kind: CatalogKind, parentSlug: string, children: CatalogRecord[]) {
    this.loaderFor(organizationId, kind).prime(parentSlug, children);
  }

  private loaderFor(
    organizationId: string,
    kind: CatalogKind,
  ): DataLoader<string, CatalogRecord[]> {
    const key = `${organizationId}/${kind}`;
    let loader = this.loaders.get(key);
    if (!loader) {
      loader = new DataLoader(async (parents) => {
        const records = await this.reader.byParents<Record<string, unknown>>(
          organizationId,
          kind,
          parents,
        );
        return parents.map((parent) => records.filter((record) => record.parentSlug === parent));
      });
      this.loaders.set(key, loader);
    }
    return loader;
  }
}
