import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateIdentityAndOutbox1795645456850 implements MigrationInterface {
  name = 'CreateIdentityAndOutbox1795645456850';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "audit_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "sequence" bigint NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "actor_type" text NOT NULL, "actor_id" uuid, "action" text NOT NULL, "target_type" text, "target_id" text, "outcome" text NOT NULL, "request_id" text, "details" jsonb NOT NULL DEFAULT \'{}\', "previous_hash" text NOT NULL, "hash" text NOT NULL, CONSTRAINT "uq_audit_events_organization_id_sequence" UNIQUE ("organization_id", "sequence"), CONSTRAINT "pk_audit_events" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_audit_events_organization_id_occurred_at" ON "audit_events"  ("organization_id", "occurred_at") ',
    );
    await queryRunner.query(
      'CREATE TABLE "organizations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "slug" text NOT NULL, "timezone" text NOT NULL DEFAULT \'UTC\', "locale" text NOT NULL DEFAULT \'en\', "settings" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_organizations_slug" UNIQUE ("slug"), CONSTRAINT "pk_organizations" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "api_keys" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "name" text NOT NULL, "role" text NOT NULL, "secret_hash" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, "created_by" uuid NOT NULL, "last_used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_api_keys" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_api_keys_organization_id" ON "api_keys"  ("organization_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "email" text NOT NULL, "display_name" text NOT NULL, "job_title" text, "department" text, "locale" text, "timezone" text, "manager_id" uuid, "hired_on" date, "role" text NOT NULL DEFAULT \'LEARNER\', "status" text NOT NULL DEFAULT \'ACTIVE\', "password_hash" text, "mfa_secret_sealed" text, "mfa_enabled_at" TIMESTAMP WITH TIME ZONE, "mfa_last_step" bigint, "deactivated_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_users_organization_id_email" UNIQUE ("organization_id", "email"), CONSTRAINT "pk_users" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_users_organization_id_manager_id" ON "users"  ("organization_id", "manager_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "mfa_recovery_codes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "user_id" uuid NOT NULL, "code_hash" text NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_mfa_recovery_codes" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_mfa_recovery_codes_user_id" ON "mfa_recovery_codes"  ("user_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "user_id" uuid NOT NULL, "user_agent" text, "client_address" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_used_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, "revoked_reason" text, CONSTRAINT "pk_sessions" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_sessions_user_id" ON "sessions"  ("user_id") ');
    await queryRunner.query(
      'CREATE TABLE "refresh_tokens" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "session_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "token_hash" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "uq_refresh_tokens_token_hash" UNIQUE ("token_hash"), CONSTRAINT "pk_refresh_tokens" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_refresh_tokens_session_id" ON "refresh_tokens"  ("session_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "groups" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "name" text NOT NULL, "kind" text NOT NULL DEFAULT \'TEAM\', "description" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_groups_organization_id_name" UNIQUE ("organization_id", "name"), CONSTRAINT "pk_groups" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "group_members" ("group_id" uuid NOT NULL, "user_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "added_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_group_members" PRIMARY KEY ("group_id", "user_id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_group_members_user_id" ON "group_members"  ("user_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "one_time_tokens" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "user_id" uuid NOT NULL, "purpose" text NOT NULL, "token_hash" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "issued_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_one_time_tokens_token_hash" UNIQUE ("token_hash"), CONSTRAINT "pk_one_time_tokens" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_one_time_tokens_user_id_purpose" ON "one_time_tokens"  ("user_id", "purpose") ',
    );
    await queryRunner.query(
      'CREATE TABLE "outbox_messages" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "topic" text NOT NULL, "payload" jsonb NOT NULL, "available_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status" text NOT NULL DEFAULT \'pending\', "attempts" integer NOT NULL DEFAULT \'0\', "dedupe_key" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "processed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "pk_outbox_messages" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_outbox_messages_organization_id_dedupe_key" ON "outbox_messages"  ("organization_id", "dedupe_key") WHERE "dedupe_key" IS NOT NULL',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_outbox_messages_status_available_at" ON "outbox_messages"  ("status", "available_at") ',
    );
    await queryRunner.query(
      'ALTER TABLE "api_keys" ADD CONSTRAINT "fk_api_keys_organization_id" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "users" ADD CONSTRAINT "fk_users_organization_id" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "users" ADD CONSTRAINT "fk_users_manager_id" FOREIGN KEY ("manager_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "mfa_recovery_codes" ADD CONSTRAINT "fk_mfa_recovery_codes_user_id" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "sessions" ADD CONSTRAINT "fk_sessions_user_id" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "refresh_tokens" ADD CONSTRAINT "fk_refresh_tokens_session_id" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "groups" ADD CONSTRAINT "fk_groups_organization_id" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "group_members" ADD CONSTRAINT "fk_group_members_group_id" FOREIGN KEY ("group_id") REFERENCES "groups"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "group_members" ADD CONSTRAINT "fk_group_members_user_id" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "one_time_tokens" ADD CONSTRAINT "fk_one_time_tokens_user_id" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    // The audit trail is append-only: the database itself refuses to change or remove history.
    await queryRunner.query(`CREATE FUNCTION audit_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(
      'CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON "audit_events" FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change()',
    );
    await queryRunner.query(
      'CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON "audit_events" FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change()',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER audit_events_no_truncate ON "audit_events"');
    await queryRunner.query('DROP TRIGGER audit_events_append_only ON "audit_events"');
    await queryRunner.query('DROP FUNCTION audit_events_refuse_change()');
    await queryRunner.query(
      'ALTER TABLE "one_time_tokens" DROP CONSTRAINT "fk_one_time_tokens_user_id"',
    );
    await queryRunner.query(
      'ALTER TABLE "group_members" DROP CONSTRAINT "fk_group_members_user_id"',
    );
    await queryRunner.query(
      'ALTER TABLE "group_members" DROP CONSTRAINT "fk_group_members_group_id"',
    );
    await queryRunner.query('ALTER TABLE "groups" DROP CONSTRAINT "fk_groups_organization_id"');
    await queryRunner.query(
      'ALTER TABLE "refresh_tokens" DROP CONSTRAINT "fk_refresh_tokens_session_id"',
    );
    await queryRunner.query('ALTER TABLE "sessions" DROP CONSTRAINT "fk_sessions_user_id"');
    await queryRunner.query(
      'ALTER TABLE "mfa_recovery_codes" DROP CONSTRAINT "fk_mfa_recovery_codes_user_id"',
    );
    await queryRunner.query('ALTER TABLE "users" DROP CONSTRAINT "fk_users_manager_id"');
    await queryRunner.query('ALTER TABLE "users" DROP CONSTRAINT "fk_users_organization_id"');
    await queryRunner.query('ALTER TABLE "api_keys" DROP CONSTRAINT "fk_api_keys_organization_id"');
    await queryRunner.query('DROP INDEX "public"."ix_outbox_messages_status_available_at"');
    await queryRunner.query('DROP INDEX "public"."uq_outbox_messages_organization_id_dedupe_key"');
    await queryRunner.query('DROP TABLE "outbox_messages"');
    await queryRunner.query('DROP INDEX "public"."ix_one_time_tokens_user_id_purpose"');
    await queryRunner.query('DROP TABLE "one_time_tokens"');
    await queryRunner.query('DROP INDEX "public"."ix_group_members_user_id"');
    await queryRunner.query('DROP TABLE "group_members"');
    await queryRunner.query('DROP TABLE "groups"');
    await queryRunner.query('DROP INDEX "public"."ix_refresh_tokens_session_id"');
    await queryRunner.query('DROP TABLE "refresh_tokens"');
    await queryRunner.query('DROP INDEX "public"."ix_sessions_user_id"');
    await queryRunner.query('DROP TABLE "sessions"');
    await queryRunner.query('DROP INDEX "public"."ix_mfa_recovery_codes_user_id"');
    await queryRunner.query('DROP TABLE "mfa_recovery_codes"');
    await queryRunner.query('DROP INDEX "public"."ix_users_organization_id_manager_id"');
    await queryRunner.query('DROP TABLE "users"');
    await queryRunner.query('DROP INDEX "public"."ix_api_keys_organization_id"');
    await queryRunner.query('DROP TABLE "api_keys"');
    await queryRunner.query('DROP TABLE "organizations"');
    await queryRunner.query('DROP INDEX "public"."ix_audit_events_organization_id_occurred_at"');
    await queryRunner.query('DROP TABLE "audit_events"');
  }
}
