import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

/**
 * A person's explicit acknowledgement of a lesson's statement (e.g. an acceptable-use policy),
 * with the exact lesson version and statement text they saw. Never changed once written.
 */
@Entity({ name: 'attestations' })
@Unique('uq_attestations_enrollment_id_lesson_version_id', ['enrollmentId', 'lessonVersionId'])
@Index('ix_attestations_organization_id_lesson_slug', ['organizationId', 'lessonSlug'])
export class AttestationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  organizationId!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @Column({ type: 'uuid' })
  enrollmentId!: string;

  @Column({ type: 'text' })
  lessonSlug!: string;

  @Column({ type: 'int' })
  lessonVersion!: number;

  @Column({ type: 'uuid' })
  lessonVersionId!: string;

  @Column({ type: 'text' })
  statement!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  attestedAt!: Date;
}
