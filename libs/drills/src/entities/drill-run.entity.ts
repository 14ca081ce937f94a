import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { DrillSeriesEntity } from './drill-series.entity.js';

/**
 * scheduled: waits for its start time; running: injects are released on the run's timeline;
 * paused: the timeline stands still; ended: no more injects or responses, scoring follows;
 * scored: the after-action report exists; skipped: it was missed (no worker opened it in time)
 * and its missed-occurrence policy said to skip it.
 */
export const DrillRunStatus = {
  SCHEDULED: 'scheduled',
  RUNNING: 'running',
  PAUSED: 'paused',
  ENDED: 'ended',
  SCORED: 'scored',
  SKIPPED: 'skipped',
} as const;
export type DrillRunStatus = (typeof DrillRunStatus)[keyof typeof DrillRunStatus];

/** The statuses of a run that is not over: its people are still to be brought in or at work. */
export const OPEN_RUN_STATUSES: readonly DrillRunStatus[] = [
  DrillRunStatus.SCHEDULED,
  DrillRunStatus.RUNNING,
  DrillRunStatus.PAUSED,
];

/** team: scheduled for people in roles, on a timeline; self-paced: one learner plays every role alone. */
export const DrillRunMode = { TEAM: 'team', SELF_PACED: 'self-paced' } as const;
export type DrillRunMode = (typeof DrillRunMode)[keyof typeof DrillRunMode];

/**
 * What happens to a run opened more than DRILL_MISSED_AFTER_MINUTES after its start time (the
 * workers were down): run it late from its first inject, or skip it. Either is audited.
 */
export const MissedPolicy = { RUN_LATE: 'run-late', SKIP: 'skip' } as const;
export type MissedPolicy = (typeof MissedPolicy)[keyof typeof MissedPolicy];

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

  @Column({ type: 'text', default: DrillRunMode.TEAM })
  mode!: DrillRunMode;

  @Column({ type: 'text', default: MissedPolicy.RUN_LATE })
  missedPolicy!: MissedPolicy;

  /** The series this run is an occurrence of. */
  @Column({ type: 'uuid', nullable: true })
  seriesId!: string | null;

  @ManyToOne(() => DrillSeriesEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'series_id' })
  series?: DrillSeriesEntity;

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
