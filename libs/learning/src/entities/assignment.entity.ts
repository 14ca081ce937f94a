import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const LearningItemKind = { COURSE: 'course', TRACK: 'track' } as const;
export type LearningItemKind = (typeof LearningItemKind)[keyof typeof LearningItemKind];

/** When an assignment's due date counts from, for relative due dates. */
export const DueFrom = { ASSIGNMENT: 'assignment', HIRE: 'hire' } as const;
export type DueFrom = (typeof DueFrom)[keyof typeof DueFrom];

/**
 * A decision to have people take a course or track by a due date, optionally recurring. It
 * reaches named people and groups once, and, as a standing rule, everyone who later joins a
 * group (`followsGroupId`) or the organization (`followsNewHires`). Withdrawn assignments are
 * kept: their enrollments' history still points at them.
 */
@Entity({ name: 'assignments' })
@Index('ix_assignments_organization_id_created_at', ['organizationId', 'createdAt'])
export class AssignmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  organizationId!: string;

  @Column({ type: 'text' })
  itemKind!: LearningItemKind;

  @Column({ type: 'text' })
  itemSlug!: string;

  /** An absolute due date; or null when the due date is relative. */
  @Column({ type: 'timestamptz', nullable: true })
  dueAt!: Date | null;

  @Column({ type: 'int', nullable: true })
  dueWithinDays!: number | null;

  @Column({ type: 'text', nullable: true })
  dueFrom!: DueFrom | null;

  /** A new cycle opens this many months after each completion (recertification). */
  @Column({ type: 'int', nullable: true })
  recurrenceMonths!: number | null;

  @Column({ type: 'uuid', nullable: true })
  followsGroupId!: string | null;

  @Column({ type: 'boolean', default: false })
  followsNewHires!: boolean;

  @Column({ type: 'uuid' })
  createdBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  withdrawnAt!: Date | null;
}
