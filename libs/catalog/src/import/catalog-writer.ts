import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { CatalogItemVersionEntity } from '../entities/catalog-item-version.entity.js';
import { CatalogItemEntity, CatalogKind } from '../entities/catalog-item.entity.js';
import type { DesiredItem } from './desired-items.js';

type Outcome = 'added' | 'changed' | 'retired' | 'unchanged';
export type ImportSummary = Record<CatalogKind, Record<Outcome, number>>;

interface NewVersion {
  id: string;
  itemId: string;
  version: number;
  content: Record<string, unknown>;
  contentHash: string;
  bodyMarkdown: string | null;
  bodyHtml: string | null;
}

const emptySummary = (): ImportSummary =>
  Object.fromEntries(
    Object.values(CatalogKind).map((kind) => [
      kind,
      { added: 0, changed: 0, retired: 0, unchanged: 0 },
    ]),
  ) as ImportSummary;

/**
 * Writes catalog content with set-based statements: an unchanged item stays as it is; a changed
 * one gets a new version (earlier versions stay, for the records that point at them); an item
 * no longer wanted is retired, never deleted; an item that comes back is restored.
 */
@Injectable()
export class CatalogWriter {
  /**
   * Brings `existing` (the items in scope: the shipped catalog, or one organization's course)
   * in line with `desired`, inside the caller's transaction.
   */
  async apply(
    manager: EntityManager,
    desired: DesiredItem[],
    existing: CatalogItemEntity[],
    organizationId: string | null,
  ): Promise<ImportSummary> {
    const summary = emptySummary();
    const byKey = new Map(existing.map((item) => [`${item.kind}/${item.slug}`, item]));
    const versions: NewVersion[] = [];
    const changedItems: CatalogItemEntity[] = [];
    const newItems: { item: Partial<CatalogItemEntity>; content: DesiredItem }[] = [];

    for (const wanted of desired) {
      const current = byKey.get(`${wanted.kind}/${wanted.slug}`);
      byKey.delete(`${wanted.kind}/${wanted.slug}`);
      if (!current) {
        summary[wanted.kind].added += 1;
        newItems.push({
          item: { kind: wanted.kind, slug: wanted.slug, parentSlug: wanted.parentSlug },
          content: wanted,
        });
        continue;
      }
      if (
        current.contentHash === wanted.contentHash &&
        !current.retiredAt &&
        current.parentSlug === wanted.parentSlug
      ) {
        summary[wanted.kind].unchanged += 1;
        continue;
      }
      summary[wanted.kind].changed += 1;
      if (current.contentHash !== wanted.contentHash) {
        const versionId = randomUUID();
        versions.push({
          id: versionId,
          itemId: current.id,
          version: current.currentVersion + 1,
          content: wanted.content,
          contentHash: wanted.contentHash,
          bodyMarkdown: wanted.body?.markdown ?? null,
          bodyHtml: wanted.body?.html ?? null,
        });
        current.currentVersionId = versionId;
        current.currentVersion += 1;
        current.contentHash = wanted.contentHash;
      }
      current.parentSlug = wanted.parentSlug;
      current.retiredAt = null;
      changedItems.push(current);
    }

    for (const { item, content } of newItems) {
      // The item and its first version reference each other: insert the item with a version id
      // generated here, then the version.
      const versionId = randomUUID();
      const [inserted] = (
        await manager
          .createQueryBuilder()
          .insert()
          .into(CatalogItemEntity)
          .values({
            ...item,
            organizationId,
            currentVersionId: versionId,
            currentVersion: 1,
            contentHash: content.contentHash,
          })
          .returning(['id'])
          .execute()
      ).raw as { id: string }[];
      versions.push({
        id: versionId,
        itemId: inserted?.id ?? '',
        version: 1,
        content: content.content,
        contentHash: content.contentHash,
        bodyMarkdown: content.body?.markdown ?? null,
        bodyHtml: content.body?.html ?? null,
      });
    }
    for (let start = 0; start < versions.length; start += 500) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(CatalogItemVersionEntity)
        .values(
          versions.slice(start, start + 500) as QueryDeepPartialEntity<CatalogItemVersionEntity>[],
        )
        .execute();
    }
    if (changedItems.length) await manager.save(changedItems, { chunk: 500 });

    const retired = [...byKey.values()].filter((item) => !item.retiredAt);
    for (const item of retired) summary[item.kind].retired += 1;
    if (retired.length) {
      await manager.update(
        CatalogItemEntity,
        retired.map((item) => item.id),
        { retiredAt: new Date() },
      );
    }
    return summary;
  }
}
