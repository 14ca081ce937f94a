import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { CatalogItemEntity } from './catalog-item.entity.js';

/**
 * One version of an item's content, immutable once written: a learner's record points at the
 * version they took, whatever changes later. A GIN expression index (made by the migration, see
 * SEARCH_DOCUMENT) serves full-text search over titles, summaries and lesson bodies.
 */
@Entity({ name: 'catalog_item_versions' })
@Unique('uq_catalog_item_versions_item_id_version', ['itemId', 'version'])
@Index('ix_catalog_item_versions_search', { synchronize: false })
export class CatalogItemVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  itemId!: string;

  @ManyToOne(() => CatalogItemEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'item_id' })
  item?: CatalogItemEntity;

  @Column({ type: 'int' })
  version!: number;

  @Column({ type: 'jsonb' })
  content!: Record<string, unknown>;

  @Column({ type: 'text' })
  contentHash!: string;

  /**
   * A lesson's body, in Markdown and as sanitized HTML. Kept out of `content` so that listing
   * lessons (course pages) never reads the large bodies.
   */
  @Column({ type: 'text', nullable: true })
  bodyMarkdown!: string | null;

  @Column({ type: 'text', nullable: true })
  bodyHtml!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
