import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A completed import of the shipped curriculum: what was imported and what changed. */
@Entity({ name: 'curriculum_imports' })
export class CurriculumImportEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** SHA-256 over every curriculum file: the start-up import skips when it is unchanged. */
  @Column({ type: 'text' })
  sourceHash!: string;

  @Column({ type: 'jsonb' })
  summary!: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  importedAt!: Date;
}
