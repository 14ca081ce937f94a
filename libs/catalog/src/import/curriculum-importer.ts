import { createHash, randomUUID } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@academy/common';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { formatProblem } from '../curriculum/source-file.js';
import { validateCurriculum } from '../curriculum/validate-curriculum.js';
import { CatalogErrors } from '../catalog.errors.js';
import { CatalogItemVersionEntity } from '../entities/catalog-item-version.entity.js';
import { CatalogItemEntity, CatalogKind } from '../entities/catalog-item.entity.js';
import { CurriculumImportEntity } from '../entities/curriculum-import.entity.js';
import { desiredItems, type DesiredItem } from './desired-items.js';

type Outcome = 'added' | 'changed' | 'retired' | 'unchanged';
export type ImportSummary = Record<CatalogKind, Record<Outcome, number>>;

const IMPORT_LOCK_KEY = 7_240_118_530;

interface NewVersion {
  id: string;
  itemId: string;
  version: number;
  content: Record<string, unknown>;
  contentHash: string;
}

/** SHA-256 over every file under `root` (paths and contents), to skip unchanged imports. */
export function sourceHash(root: string): string {
  const hash = createHash('sha256');
  const walk = (directory: string) => {
    for (const name of readdirSync(directory).sort()) {
      const path = join(directory, name);
      if (statSync(path).isDirectory()) walk(path);
      else hash.update(relative(root, path)).update('\0').update(readFileSync(path)).update('\0');
    }
  };
  walk(root);
  return hash.digest('hex');
}

const emptySummary = (): ImportSummary =>
  Object.fromEntries(
    Object.values(CatalogKind).map((kind) => [
      kind,
      { added: 0, changed: 0, retired: 0, unchanged: 0 },
    ]),
  ) as ImportSummary;

/**
 * Imports the shipped curriculum: validates every file first, then applies the whole change in
 * one transaction. An unchanged item stays as it is; a changed one gets a new version (earlier
 * versions stay, for the records that point at them); an item no longer in the files is
 * retired, never deleted; an item that comes back is restored.
 */
@Injectable()
export class CurriculumImporter {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async import(root: string): Promise<ImportSummary> {
    const { curriculum, problems } = validateCurriculum(root);
    if (problems.length > 0) {
      throw new DomainError(
        CatalogErrors.INVALID_CURRICULUM,
        `The curriculum has ${problems.length} problem(s):\n${problems.map(formatProblem).join('\n')}`,
      );
    }
    const desired = desiredItems(curriculum);
    const hash = sourceHash(root);
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [IMPORT_LOCK_KEY]);
      const summary = await this.apply(manager, desired);
      await manager.getRepository(CurriculumImportEntity).insert({ sourceHash: hash, summary });
      return summary;
    });
  }

  /** Whether the files under `root` differ from the last import. */
  async isStale(root: string): Promise<boolean> {
    const [last] = await this.dataSource
      .getRepository(CurriculumImportEntity)
      .find({ order: { importedAt: 'DESC' }, take: 1 });
    return last?.sourceHash !== sourceHash(root);
  }

  private async apply(manager: EntityManager, desired: DesiredItem[]): Promise<ImportSummary> {
    const summary = emptySummary();
    const existing = await manager
      .getRepository(CatalogItemEntity)
      .findBy({ organizationId: IsNull() });
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
            organizationId: null,
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
