import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@academy/common';
import { DataSource, IsNull } from 'typeorm';
import { formatProblem } from '../curriculum/source-file.js';
import { validateCurriculum } from '../curriculum/validate-curriculum.js';
import { CatalogErrors } from '../catalog.errors.js';
import { CatalogItemEntity } from '../entities/catalog-item.entity.js';
import { CurriculumImportEntity } from '../entities/curriculum-import.entity.js';
import { CatalogWriter, type ImportSummary } from './catalog-writer.js';
import { desiredItems } from './desired-items.js';

const IMPORT_LOCK_KEY = 7_240_118_530;

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

/**
 * Imports the shipped curriculum: validates every file first, then applies the whole change in
 * one transaction (see {@link CatalogWriter} for what changes mean).
 */
@Injectable()
export class CurriculumImporter {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(CatalogWriter) private readonly writer: CatalogWriter,
  ) {}

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
    const summary = await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [IMPORT_LOCK_KEY]);
      const existing = await manager
        .getRepository(CatalogItemEntity)
        .findBy({ organizationId: IsNull() });
      const applied = await this.writer.apply(manager, desired, existing, null);
      await manager
        .getRepository(CurriculumImportEntity)
        .insert({ sourceHash: hash, summary: applied });
      return applied;
    });
    const changed = Object.values(summary).some((counts) => counts.added + counts.changed > 0);
    // Fresh statistics, or the planner takes a just-filled catalog for an empty one and picks
    // slow plans for every catalog read until autovacuum gets round to it.
    if (changed) await this.dataSource.query('ANALYZE catalog_items, catalog_item_versions');
    return summary;
  }

  /** Whether the files under `root` differ from the last import. */
  async isStale(root: string): Promise<boolean> {
    const [last] = await this.dataSource
      .getRepository(CurriculumImportEntity)
      .find({ order: { importedAt: 'DESC' }, take: 1 });
    return last?.sourceHash !== sourceHash(root);
  }
}
