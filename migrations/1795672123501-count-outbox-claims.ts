import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CountOutboxClaims1795672123501 implements MigrationInterface {
  name = 'CountOutboxClaims1795672123501';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "outbox_messages" ADD "claims" integer NOT NULL DEFAULT \'0\'',
    );
    // A message still in flight may have been claimed before the count existed: count one claim,
    // so that its next claim looks for deliveries made earlier.
    await queryRunner.query(
      'UPDATE "outbox_messages" SET "claims" = 1 WHERE "status" IN (\'pending\', \'queued\', \'claimed\')',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "outbox_messages" DROP COLUMN "claims"');
  }
}
