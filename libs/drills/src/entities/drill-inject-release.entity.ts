import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { DrillRunEntity } from './drill-run.entity.js';

/**
 * An inject of a run, released: at most one per run and inject (the unique index makes a
 * second delivery of the release message a no-op).
 */
@Entity({ name: 'drill_inject_releases' })
@Index('uq_drill_inject_releases_run_id_inject_slug', ['runId', 'injectSlug'], { unique: true })
export class DrillInjectReleaseEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  organizationId!: string;

  @Column({ type: 'uuid' })
  runId!: string;

  @ManyToOne(() => DrillRunEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'run_id' })
  run?: DrillRunEntity;

  @Column({ type: 'text' })
  injectSlug!: string;

  @Column({ type: 'timestamptz' })
  releasedAt!: Date;

  /**
   * When the response window of the inject's decision closes (null without a decision); moved
   * on by the length of a pause. Later responses are taken and recorded as late.
   */
  @Column({ type: 'timestamptz', nullable: true })
  responsesCloseAt!: Date | null;

  /**
   * When it was announced to the run's live subscriptions; null while that is owed. A team run's
   * release message fails until the announcement is made, so the outbox retries it; a
   * self-paced release is announced once, as the learner's move commits.
   */
  @Column({ type: 'timestamptz', nullable: true })
  announcedAt!: Date | null;
}
