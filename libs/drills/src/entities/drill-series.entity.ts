import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { MissedPolicy } from './drill-run.entity.js';

/**
 * A recurring drill: the same scenario and team on an RRULE schedule. Each occurrence becomes
 * an ordinary run, created exactly once (see DrillSeriesOccurrenceEntity) as the previous one
 * starts, so the next run is always scheduled and its participants invited ahead.
 */
@Entity({ name: 'drill_series' })
@Index('ix_drill_series_organization_id_created_at', ['organizationId', 'createdAt'])
export class DrillSeriesEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  organizationId!: string;

  @Column({ type: 'text' })
  scenarioSlug!: string;

  /** An RFC 5545 recurrence rule without DTSTART, e.g. FREQ=MONTHLY;INTERVAL=3. */
  @Column({ type: 'text' })
  rrule!: string;

  /** The first occurrence's start (the rule's DTSTART). */
  @Column({ type: 'timestamptz' })
  firstStartsAt!: Date;

  /** The participants of every occurrence: [{ userId, roleSlug }]. */
  @Column({ type: 'jsonb' })
  participants!: { userId: string; roleSlug: string }[];

  @Column({ type: 'uuid', nullable: true })
  facilitatorId!: string | null;

  @Column({ type: 'text' })
  missedPolicy!: MissedPolicy;

  @Column({ type: 'uuid' })
  createdBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
