import type { MigrationInterface, QueryRunner } from 'typeorm';

export class IndexRemindersByDigest1795673133817 implements MigrationInterface {
  name = 'IndexRemindersByDigest1795673133817';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE INDEX "ix_reminders_digest_message_id" ON "reminders"  ("digest_message_id") WHERE "digest_message_id" IS NOT NULL',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."ix_reminders_digest_message_id"');
  }
}
