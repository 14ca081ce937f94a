import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The last time each worker process handled its heartbeat job. */
@Entity({ name: 'worker_heartbeats' })
export class WorkerHeartbeatEntity {
  /** `host:pid` of the worker process. */
  @PrimaryColumn({ type: 'text' })
  workerId!: string;

  @Column({ type: 'timestamptz' })
  startedAt!: Date;

  @Column({ type: 'timestamptz' })
  beatAt!: Date;
}
