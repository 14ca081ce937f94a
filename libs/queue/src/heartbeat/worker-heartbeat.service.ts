import { hostname } from 'node:os';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Records and reads worker heartbeats; times come from the database's clock, one clock for all. */
@Injectable()
export class WorkerHeartbeatService {
  private readonly startedAt = new Date();
  readonly workerId = `${hostname()}:${process.pid}`;

  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async beat(): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO worker_heartbeats (worker_id, started_at, beat_at) VALUES ($1, $2, now())
         ON CONFLICT (worker_id) DO UPDATE SET beat_at = now()`,
        [this.workerId, this.startedAt],
      );
      // Each restart adds a row (a new pid); forget processes gone for a day.
      await manager.query(`DELETE FROM worker_heartbeats WHERE beat_at < now() - interval '1 day'`);
    });
  }

  /** Milliseconds since any worker last beat, or null when none ever has. */
  async latestBeatAgeMs(): Promise<number | null> {
    const [row] = await this.dataSource.query<{ age_ms: string | null }[]>(
      `SELECT (extract(epoch FROM now() - max(beat_at)) * 1000)::bigint AS age_ms
         FROM worker_heartbeats`,
    );
    return row?.age_ms == null ? null : Number(row.age_ms);
  }
}
