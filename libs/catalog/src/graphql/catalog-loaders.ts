import { Inject, Injectable } from '@nestjs/common';
import { PerRequest } from '@academy/common';
import DataLoader from 'dataloader';
import { CatalogReader, type CatalogRecord } from '../catalog/catalog-reader.js';
import type { CatalogKind } from '../entities/catalog-item.entity.js';

/**
 * Per request: the lessons and quizzes of every course a response shows, one query per kind, so
 * the number of statements does not grow with the number of courses, modules or lessons.
 */
@Injectable()
export class CatalogLoaders {
  private readonly loaders = new PerRequest(
    () => new Map<string, DataLoader<string, CatalogRecord[]>>(),
  );

  constructor(@Inject(CatalogReader) private readonly reader: CatalogReader) {}

  childrenOf(request: object, organizationId: string, kind: CatalogKind, parentSlug: string) {
    return this.loaderFor(request, organizationId, kind).load(parentSlug);
  }

  /** Records children already read with their course, so resolving them costs no query. */
  prime(
    request: object,
    organizationId: string,
    kind: CatalogKind,
    parentSlug: string,
    children: CatalogRecord[],
  ) {
    this.loaderFor(request, organizationId, kind).prime(parentSlug, children);
  }

  private loaderFor(request: object, organizationId: string, kind: CatalogKind) {
    const loaders = this.loaders.of(request);
    const key = `${organizationId}/${kind}`;
    let loader = loaders.get(key);
    if (!loader) {
      loader = new DataLoader(async (parents) => {
        const records = await this.reader.byParents<Record<string, unknown>>(
          organizationId,
          kind,
          parents,
        );
        return parents.map((parent) => records.filter((record) => record.parentSlug === parent));
      });
      loaders.set(key, loader);
    }
    return loader;
  }
}
