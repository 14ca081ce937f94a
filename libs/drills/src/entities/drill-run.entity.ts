import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * scheduled: waits for its start time; running: injects are released on the run's timeline;
 * paused: the timeline stands still; ended: no more injects or responses, scoring follows;
 * scored: the after-action report exists.
 */
export const DrillRunStatus = {
  SCHEDULED: 'scheduled',
  RUNNING: 'running',
  PAUSED: 'paused',
  ENDED: 'ended',
  SCORED: 'scored',
} as const;
export type DrillRunStatus = (typeof DrillRunStatus)[keyof typeof DrillRunStatus];

/**
 * One playing of a drill scenario by a team. The scenario version is pinned when it is
 * scheduled, so a curriculum import during the run cannot change what is being played.
 *
 * The run's timeline is kept as `timelineZeroAt`: the wall-clock time at which minute 0 of the
 * scenario is (or would have been), so an inject at offset N is due at `timelineZeroAt + N`.
 * Pausing and skipping ahead move that point instead of rewriting every due time; each move
 * bumps `planEpoch`, which retires the outbox messages written for the previous plan.
 */
@Entity({ name: 'drill_runs' })
@Index('ix_drill_runs_organization_id_starts_at', ['organizationId', 'startsAt'])
export class DrillRunEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  organizationId!: string;

  @Column({ type: 'text' })
  scenarioSlug!: string;

  /** The catalog version of the scenario being played. */
  @Column({ type: 'uuid' })
  scenarioVersionId!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'timestamptz' })
  startsAt!: Date;

  @Column({ type: 'text', default: DrillRunStatus.SCHEDULED })
  status!: DrillRunStatus;

  /** A participant who may pause, resume, skip ahead and end the run (admins always may). */
  @Column({ type: 'uuid', nullable: true })
  facilitatorId!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  openedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  timelineZeroAt!: Date | null;

  @Column({ type: 'int', default: 0 })
  planEpoch!: number;

  @Column({ type: 'timestamptz', nullable: true })
  pausedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  endedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  scoredAt!: Date | null;

  @Column({ type: 'uuid' })
  createdBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
