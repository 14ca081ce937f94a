import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateNotifications1795662025949 implements MigrationInterface {
  name = 'CreateNotifications1795662025949';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "notification_deliveries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "outbox_message_id" uuid NOT NULL, "channel" text NOT NULL, "recipient" uuid NOT NULL, "message_id" text NOT NULL, "delivered_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "pk_notification_deliveries" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_notification_deliveries_delivered_at" ON "notification_deliveries"  ("delivered_at") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_notification_deliveries_outbox_message_id_channel_recipient" ON "notification_deliveries"  ("outbox_message_id", "channel", "recipient") ',
    );
    await queryRunner.query(
      'CREATE TABLE "email_bounces" ("organization_id" uuid NOT NULL, "email" text NOT NULL, "bounced_at" TIMESTAMP WITH TIME ZONE NOT NULL, "reason" text NOT NULL, CONSTRAINT "pk_email_bounces" PRIMARY KEY ("organization_id", "email"))',
    );
    await queryRunner.query(
      'CREATE TABLE "notification_preferences" ("user_id" uuid NOT NULL, "kind" text NOT NULL, "organization_id" uuid NOT NULL, "email" boolean NOT NULL, "in_app" boolean NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_notification_preferences" PRIMARY KEY ("user_id", "kind"))',
    );
    await queryRunner.query(
      'CREATE TABLE "notifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "user_id" uuid NOT NULL, "kind" text NOT NULL, "subject" text NOT NULL, "summary" text NOT NULL, "body" text NOT NULL, "link" text, "source_message_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "read_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "pk_notifications" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_notifications_source_message_id_user_id" ON "notifications"  ("source_message_id", "user_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_notifications_user_id_unread" ON "notifications"  ("user_id") WHERE "read_at" IS NULL',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_notifications_user_id_created_at_id" ON "notifications"  ("user_id", "created_at", "id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "reminder_policies" ("organization_id" uuid NOT NULL, "days_before" integer array NOT NULL, "days_overdue" integer array NOT NULL, "escalate_after_days" integer, "admin_summary_weekday" integer, "send_time" text NOT NULL, "quiet_hours_start" text NOT NULL, "quiet_hours_end" text NOT NULL, "working_days" integer array NOT NULL, "updated_by" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_reminder_policies" PRIMARY KEY ("organization_id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "reminders" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "recipient_id" uuid NOT NULL, "enrollment_id" uuid, "kind" text NOT NULL, "offset_days" integer NOT NULL, "send_on" date NOT NULL, "status" text NOT NULL DEFAULT \'pending\', "digest_message_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sent_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "pk_reminders" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_reminders_recipient_id_kind_send_on" ON "reminders"  ("recipient_id", "kind", "send_on") WHERE "enrollment_id" IS NULL',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_reminders_enrollment_id_recipient_id_kind_offset_days" ON "reminders"  ("enrollment_id", "recipient_id", "kind", "offset_days") WHERE "status" = \'pending\' AND "enrollment_id" IS NOT NULL',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_reminders_enrollment_id" ON "reminders"  ("enrollment_id") WHERE "status" = \'pending\'',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_reminders_recipient_id_send_on" ON "reminders"  ("recipient_id", "send_on") WHERE "status" = \'pending\'',
    );
    await queryRunner.query(
      'ALTER TABLE "outbox_messages" ADD "enqueued_at" TIMESTAMP WITH TIME ZONE',
    );
    await queryRunner.query(
      'ALTER TABLE "outbox_messages" ADD "claimed_until" TIMESTAMP WITH TIME ZONE',
    );
    await queryRunner.query('ALTER TABLE "outbox_messages" ADD "last_error" text');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "outbox_messages" DROP COLUMN "last_error"');
    await queryRunner.query('ALTER TABLE "outbox_messages" DROP COLUMN "claimed_until"');
    await queryRunner.query('ALTER TABLE "outbox_messages" DROP COLUMN "enqueued_at"');
    await queryRunner.query('DROP INDEX "public"."ix_reminders_recipient_id_send_on"');
    await queryRunner.query('DROP INDEX "public"."ix_reminders_enrollment_id"');
    await queryRunner.query(
      'DROP INDEX "public"."uq_reminders_enrollment_id_recipient_id_kind_offset_days"',
    );
    await queryRunner.query('DROP INDEX "public"."uq_reminders_recipient_id_kind_send_on"');
    await queryRunner.query('DROP TABLE "reminders"');
    await queryRunner.query('DROP TABLE "reminder_policies"');
    await queryRunner.query('DROP INDEX "public"."ix_notifications_user_id_created_at_id"');
    await queryRunner.query('DROP INDEX "public"."ix_notifications_user_id_unread"');
    await queryRunner.query('DROP INDEX "public"."uq_notifications_source_message_id_user_id"');
    await queryRunner.query('DROP TABLE "notifications"');
    await queryRunner.query('DROP TABLE "notification_preferences"');
    await queryRunner.query('DROP TABLE "email_bounces"');
    await queryRunner.query(
      'DROP INDEX "public"."uq_notification_deliveries_outbox_message_id_channel_recipient"',
    );
    await queryRunner.query('DROP INDEX "public"."ix_notification_deliveries_delivered_at"');
    await queryRunner.query('DROP TABLE "notification_deliveries"');
  }
}
