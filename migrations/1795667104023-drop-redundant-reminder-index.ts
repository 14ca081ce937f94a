import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DropRedundantReminderIndex1795667104023 implements MigrationInterface {
  name = 'DropRedundantReminderIndex1795667104023';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."ix_reminders_enrollment_id"');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE INDEX "ix_reminders_enrollment_id" ON "reminders" USING btree ("enrollment_id") WHERE (status = \'pending\'::text)',
    );
  }
}
