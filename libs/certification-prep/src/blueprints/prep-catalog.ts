import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@academy/common';
import {
  CatalogReader,
  type CatalogRecord,
  type Question,
  type QuestionRef,
  type TrackFile,
} from '@academy/catalog';
import type { EntityManager } from 'typeorm';
import { CertificationPrepErrors } from '../certification-prep.errors.js';
import { bankParentsOf, domainCounts, type Blueprint } from './blueprint.js';

export interface PrepTrack {
  slug: string;
  title: string;
  versionId: string;
  blueprint: Blueprint;
}

/** A bank question with its answer key: for grading and feedback, never sent as it is. */
export type BankQuestion = CatalogRecord<Question>;

/**
 * Certification prep's view of the catalog (through catalog's public reader): prep tracks with
 * their blueprints, and the questions of their banks. Unknown tracks answer CATALOG_NOT_FOUND.
 */
@Injectable()
export class PrepCatalog {
  constructor(@Inject(CatalogReader) private readonly reader: CatalogReader) {}

  async track(organizationId: string, slug: string): Promise<PrepTrack> {
    return this.prepTrack(await this.reader.get<TrackFile>(organizationId, 'track', slug));
  }

  /** The exact track version an exam followed, current or not. */
  async trackVersion(
    organizationId: string,
    versionId: string,
    manager?: EntityManager,
  ): Promise<PrepTrack> {
    const [record] = await this.reader.versionsByIds<TrackFile>(
      organizationId,
      [versionId],
      manager,
    );
    if (!record) throw new DomainError(CertificationPrepErrors.NOT_FOUND, 'No such track.');
    return this.prepTrack(record);
  }

  /** The current questions of the blueprint's domains, reduced to what a draw needs. */
  questionRefs(
    organizationId: string,
    blueprint: Blueprint,
    manager?: EntityManager,
  ): Promise<QuestionRef[]> {
    return this.reader.questionRefs(organizationId, bankParentsOf(blueprint), manager);
  }

  /**
   * The parents of a track's bank questions (its blueprint's domains, as `<bank>/<domain>`):
   * none when the track has left the catalog or no longer has an exam blueprint.
   */
  async bankParents(organizationId: string, trackSlug: string): Promise<string[]> {
    const record = await this.reader.find<TrackFile>(organizationId, 'track', trackSlug);
    const blueprint = record?.content.exam;
    return blueprint ? bankParentsOf(blueprint) : [];
  }

  /**
   * A mock exam's questions at random: the blueprint's count per domain, questions the learner
   * has seen only when a domain runs out of others.
   */
  sampleExam(
    organizationId: string,
    blueprint: Blueprint,
    seen: readonly string[],
    manager?: EntityManager,
  ): Promise<BankQuestion[]> {
    const counts = domainCounts(blueprint);
    return this.reader.sampleQuestions(
      organizationId,
      bankParentsOf(blueprint),
      blueprint.domains.map((domain) => counts.get(domain.slug) ?? 0),
      seen,
      manager,
    );
  }

  /** Exact question versions by id, with their keys. */
  async questions(
    organizationId: string,
    versionIds: readonly string[],
    manager?: EntityManager,
  ): Promise<Map<string, BankQuestion>> {
    const records = await this.reader.versionsByIds<Question>(organizationId, versionIds, manager);
    return new Map(records.map((record) => [record.versionId, record]));
  }

  private prepTrack(record: CatalogRecord<TrackFile>): PrepTrack {
    const blueprint = record.content.exam;
    if (record.kind !== 'track' || !blueprint) {
      throw new DomainError(
        CertificationPrepErrors.NOT_A_PREP_TRACK,
        `"${record.slug}" is not a certification-prep track with an exam blueprint.`,
      );
    }
    return {
      slug: record.slug,
      title: record.content.title,
      versionId: record.versionId,
      blueprint,
    };
  }
}
