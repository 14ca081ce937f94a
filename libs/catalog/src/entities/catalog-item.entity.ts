import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

export const CatalogKind = {
  TRACK: 'track',
  COURSE: 'course',
  LESSON: 'lesson',
  QUIZ: 'quiz',
  QUESTION: 'question',
  BANK: 'bank',
  DRILL: 'drill',
} as const;
export type CatalogKind = (typeof CatalogKind)[keyof typeof CatalogKind];

/**
 * One item of the catalog (a track, course, lesson, quiz, question, bank or drill scenario),
 * identified by its kind and slug. Its content lives in versions; the item points at the
 * current one. Shipped curriculum has no organization; an organization's own content has one.
 * Removed items are retired, never deleted, so history keeps pointing at them.
 */
@Entity({ name: 'catalog_items' })
@Index('uq_catalog_items_shipped_kind_slug', ['kind', 'slug'], {
  unique: true,
  where: '"organization_id" IS NULL',
})
@Index('uq_catalog_items_organization_id_kind_slug', ['organizationId', 'kind', 'slug'], {
  unique: true,
  where: '"organization_id" IS NOT NULL',
})
@Index('ix_catalog_items_kind_parent_slug', ['kind', 'parentSlug'])
export class CatalogItemEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', nullable: true })
  organizationId!: string | null;

  @Column({ type: 'text' })
  kind!: CatalogKind;

  @Column({ type: 'text' })
  slug!: string;

  /** The course of a lesson or quiz, the quiz or bank domain of a question. */
  @Column({ type: 'text', nullable: true })
  parentSlug!: string | null;

  @Column({ type: 'uuid' })
  currentVersionId!: string;

  @Column({ type: 'int' })
  currentVersion!: number;

  @Column({ type: 'text' })
  contentHash!: string;

  @Column({ type: 'timestamptz', nullable: true })
  retiredAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
