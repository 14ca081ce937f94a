import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateLearning1795652547176 implements MigrationInterface {
  name = 'CreateLearning1795652547176';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "assignments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "item_kind" text NOT NULL, "item_slug" text NOT NULL, "due_at" TIMESTAMP WITH TIME ZONE, "due_within_days" integer, "due_from" text, "recurrence_months" integer, "follows_group_id" uuid, "follows_new_hires" boolean NOT NULL DEFAULT false, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "withdrawn_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "pk_assignments" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_assignments_organization_id_created_at" ON "assignments"  ("organization_id", "created_at") ',
    );
    await queryRunner.query(
      'CREATE TABLE "attestations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "user_id" uuid NOT NULL, "enrollment_id" uuid NOT NULL, "lesson_slug" text NOT NULL, "lesson_version" integer NOT NULL, "lesson_version_id" uuid NOT NULL, "statement" text NOT NULL, "attested_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_attestations_enrollment_id_lesson_version_id" UNIQUE ("enrollment_id", "lesson_version_id"), CONSTRAINT "pk_attestations" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_attestations_organization_id_lesson_slug" ON "attestations"  ("organization_id", "lesson_slug") ',
    );
    await queryRunner.query(
      'CREATE TABLE "certificates" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "serial" text NOT NULL, "user_id" uuid NOT NULL, "holder_name" text NOT NULL, "organization_name" text NOT NULL, "item_kind" text NOT NULL, "item_slug" text NOT NULL, "item_title" text NOT NULL, "item_version" integer NOT NULL, "enrollment_id" uuid NOT NULL, "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, "revocation_reason" text, "superseded_by_id" uuid, "key_id" text NOT NULL, "signature" text NOT NULL, CONSTRAINT "pk_certificates" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_certificates_organization_id_user_id" ON "certificates"  ("organization_id", "user_id") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_certificates_serial" ON "certificates"  ("serial") ',
    );
    await queryRunner.query(
      'CREATE TABLE "enrollments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "user_id" uuid NOT NULL, "item_kind" text NOT NULL, "item_slug" text NOT NULL, "assignment_id" uuid, "cycle" integer NOT NULL DEFAULT \'1\', "status" text NOT NULL, "due_at" TIMESTAMP WITH TIME ZONE, "enrolled_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "started_at" TIMESTAMP WITH TIME ZONE, "completed_at" TIMESTAMP WITH TIME ZONE, "withdrawn_at" TIMESTAMP WITH TIME ZONE, "withdrawn_reason" text, "resume_lesson_slug" text, CONSTRAINT "pk_enrollments" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_enrollments_assignment_id" ON "enrollments"  ("assignment_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_enrollments_organization_id_user_id" ON "enrollments"  ("organization_id", "user_id") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_enrollments_open_user_id_item" ON "enrollments"  ("user_id", "item_kind", "item_slug") WHERE "status" IN (\'not-started\', \'in-progress\')',
    );
    await queryRunner.query(
      'CREATE TABLE "lesson_progress" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "enrollment_id" uuid NOT NULL, "lesson_slug" text NOT NULL, "lesson_version" integer NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_opened_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "completed_at" TIMESTAMP WITH TIME ZONE, "seconds_spent" integer NOT NULL DEFAULT \'0\', CONSTRAINT "uq_lesson_progress_enrollment_id_lesson_slug" UNIQUE ("enrollment_id", "lesson_slug"), CONSTRAINT "pk_lesson_progress" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "quiz_attempts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "user_id" uuid NOT NULL, "enrollment_id" uuid NOT NULL, "quiz_slug" text NOT NULL, "quiz_version_id" uuid NOT NULL, "number" integer NOT NULL, "status" text NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "deadline_at" TIMESTAMP WITH TIME ZONE, "questions" jsonb NOT NULL, "answers" jsonb NOT NULL, "graded_at" TIMESTAMP WITH TIME ZONE, "graded_by" text, "score" integer, "passed" boolean, "correctness" jsonb, "submission_key" text, CONSTRAINT "uq_quiz_attempts_enrollment_id_quiz_slug_number" UNIQUE ("enrollment_id", "quiz_slug", "number"), CONSTRAINT "pk_quiz_attempts" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_quiz_attempts_user_id_started_at" ON "quiz_attempts"  ("user_id", "started_at") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_quiz_attempts_open_deadline_at" ON "quiz_attempts"  ("deadline_at") WHERE "status" = \'in-progress\' AND "deadline_at" IS NOT NULL',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_quiz_attempts_open_enrollment_id_quiz_slug" ON "quiz_attempts"  ("enrollment_id", "quiz_slug") WHERE "status" = \'in-progress\'',
    );
    await queryRunner.query(
      'ALTER TABLE "enrollments" ADD CONSTRAINT "fk_enrollments_assignment_id" FOREIGN KEY ("assignment_id") REFERENCES "assignments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "lesson_progress" ADD CONSTRAINT "fk_lesson_progress_enrollment_id" FOREIGN KEY ("enrollment_id") REFERENCES "enrollments"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "quiz_attempts" ADD CONSTRAINT "fk_quiz_attempts_enrollment_id" FOREIGN KEY ("enrollment_id") REFERENCES "enrollments"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "quiz_attempts" DROP CONSTRAINT "fk_quiz_attempts_enrollment_id"',
    );
    await queryRunner.query(
      'ALTER TABLE "lesson_progress" DROP CONSTRAINT "fk_lesson_progress_enrollment_id"',
    );
    await queryRunner.query(
      'ALTER TABLE "enrollments" DROP CONSTRAINT "fk_enrollments_assignment_id"',
    );
    await queryRunner.query('DROP INDEX "public"."uq_quiz_attempts_open_enrollment_id_quiz_slug"');
    await queryRunner.query('DROP INDEX "public"."ix_quiz_attempts_open_deadline_at"');
    await queryRunner.query('DROP INDEX "public"."ix_quiz_attempts_user_id_started_at"');
    await queryRunner.query('DROP TABLE "quiz_attempts"');
    await queryRunner.query('DROP TABLE "lesson_progress"');
    await queryRunner.query('DROP INDEX "public"."uq_enrollments_open_user_id_item"');
    await queryRunner.query('DROP INDEX "public"."ix_enrollments_organization_id_user_id"');
    await queryRunner.query('DROP INDEX "public"."ix_enrollments_assignment_id"');
    await queryRunner.query('DROP TABLE "enrollments"');
    await queryRunner.query('DROP INDEX "public"."uq_certificates_serial"');
    await queryRunner.query('DROP INDEX "public"."ix_certificates_organization_id_user_id"');
    await queryRunner.query('DROP TABLE "certificates"');
    await queryRunner.query('DROP INDEX "public"."ix_attestations_organization_id_lesson_slug"');
    await queryRunner.query('DROP TABLE "attestations"');
    await queryRunner.query('DROP INDEX "public"."ix_assignments_organization_id_created_at"');
    await queryRunner.query('DROP TABLE "assignments"');
  }
}
