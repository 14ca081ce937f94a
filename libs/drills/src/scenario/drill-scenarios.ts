import { Inject, Injectable } from '@nestjs/common';
import { CatalogReader } from '@academy/catalog';
import { DomainError } from '@academy/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DrillsErrors } from '../drills.errors.js';
import type { DrillScenario } from './drill-scenario.js';

/** Scenario versions, and runs' pinned versions, remembered (oldest forgotten first past this). */
const REMEMBERED = 10_000;

export interface PinnedScenario {
  slug: string;
  versionId: string;
  content: DrillScenario;
}

/**
 * Drill scenarios as the catalog holds them. A run pins one version; versions never change once
 * written, so their content is cached for the life of the process (decisions arrive in bursts
 * of hundreds per run, and each needs the scenario).
 */
@Injectable()
export class DrillScenarios {
  private readonly versions = new Map<string, Promise<DrillScenario>>();
  /** The version each run plays, by organization and run: fixed when the run is created. */
  private readonly runVersions = new Map<string, Promise<string | null>>();

  constructor(
    @Inject(CatalogReader) private readonly catalog: CatalogReader,
    @Inject(DataSource) private readonly dataSource: DataSource,
  ) {}

  /** Every scenario the organization can play (shipped and its own), by slug. */
  async list(organizationId: string): Promise<PinnedScenario[]> {
    const records = await this.catalog.list<DrillScenario>(organizationId, 'drill');
    return records.map((record) => ({
      slug: record.slug,
      versionId: record.versionId,
      content: record.content,
    }));
  }

  /** The current version of a scenario the organization can see. */
  async current(organizationId: string, slug: string): Promise<PinnedScenario> {
    try {
      const record = await this.catalog.get<DrillScenario>(organizationId, 'drill', slug);
      return { slug, versionId: record.versionId, content: record.content };
    } catch (error) {
      if (error instanceof DomainError) {
        throw new DomainError(DrillsErrors.NOT_FOUND, `No drill scenario "${slug}".`);
      }
      throw error;
    }
  }

  /** The pinned version of a run's scenario. */
  version(
    organizationId: string,
    versionId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<DrillScenario> {
    // Keyed by organization too: an organization's own scenario is for its eyes only.
    return this.remember(this.versions, `${organizationId}:${versionId}`, async () => {
      const [record] = await this.catalog.versionsByIds<DrillScenario>(
        organizationId,
        [versionId],
        manager,
      );
      if (!record) throw new DomainError(DrillsErrors.NOT_FOUND, 'No such drill scenario version.');
      return record.content;
    });
  }

  /**
   * The scenario a run plays, or null when the organization has no such run. A run's version
   * is fixed when it is created, so answers to it look it up once per process.
   */
  async ofRun(organizationId: string, runId: string): Promise<DrillScenario | null> {
    const key = `${organizationId}:${runId}`;
    const versionId = await this.remember(this.runVersions, key, async () => {
      const [run] = await this.dataSource.query<{ scenario_version_id: string }[]>(
        'SELECT scenario_version_id FROM drill_runs WHERE id = $1 AND organization_id = $2',
        [runId, organizationId],
      );
      return run?.scenario_version_id ?? null;
    });
    if (versionId === null) {
      // Not remembered: a made-up id must not take a place in the cache.
      this.runVersions.delete(key);
      return null;
    }
    return this.version(organizationId, versionId);
  }

  /**
   * The value under `key`, loaded once: concurrent callers (a team answering at once, all
   * missing the cache together) share one load. A failed load is forgotten, so the next call
   * tries again; past `REMEMBERED` entries the oldest is forgotten.
   */
  private remember<T>(cache: Map<string, Promise<T>>, key: string, load: () => Promise<T>) {
    const known = cache.get(key);
    if (known) return known;
    if (cache.size >= REMEMBERED) {
      const oldest = cache.keys().next().value;
      if (oldest !== undefined) cache.delete(oldest);
    }
    const loading = load();
    cache.set(key, loading);
    loading.catch(() => cache.delete(key));
    return loading;
  }
}
