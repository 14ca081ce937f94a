import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateWorkerHeartbeats1764108000000 implements MigrationInterface {
  name = 'CreateWorkerHeartbeats1764108000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "worker_heartbeats" ("worker_id" text NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "beat_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "pk_worker_heartbeats" PRIMARY KEY ("worker_id"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "worker_heartbeats"`);
  }
}
