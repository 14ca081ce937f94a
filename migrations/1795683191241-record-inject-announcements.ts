import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RecordInjectAnnouncements1795683191241 implements MigrationInterface {
  name = 'RecordInjectAnnouncements1795683191241';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "drill_inject_releases" ADD "announced_at" TIMESTAMP WITH TIME ZONE',
    );
    // Releases made before were published as they were made (best effort, never again): none
    // of them is owed an announcement.
    await queryRunner.query('UPDATE "drill_inject_releases" SET "announced_at" = "released_at"');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "drill_inject_releases" DROP COLUMN "announced_at"');
  }
}
