import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCertificationPrep1795673533582 implements MigrationInterface {
  name = 'CreateCertificationPrep1795673533582';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "review_cards" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "user_id" uuid NOT NULL, "track_slug" text NOT NULL, "domain_slug" text NOT NULL, "question_slug" text NOT NULL, "due" TIMESTAMP WITH TIME ZONE NOT NULL, "stability" double precision NOT NULL, "difficulty" double precision NOT NULL, "scheduled_days" integer NOT NULL, "reps" integer NOT NULL, "lapses" integer NOT NULL, "state" smallint NOT NULL, "last_review" TIMESTAMP WITH TIME ZONE, CONSTRAINT "uq_review_cards_user_id_track_slug_question_slug" UNIQUE ("user_id", "track_slug", "question_slug"), CONSTRAINT "pk_review_cards" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_review_cards_organization_id_user_id_track_slug_due" ON "review_cards"  ("organization_id", "user_id", "track_slug", "due") ',
    );
    await queryRunner.query(
      'CREATE TABLE "mock_exams" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "user_id" uuid NOT NULL, "track_slug" text NOT NULL, "track_version_id" uuid NOT NULL, "status" text NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "deadline_at" TIMESTAMP WITH TIME ZONE NOT NULL, "questions" jsonb NOT NULL, "answers" jsonb NOT NULL, "graded_at" TIMESTAMP WITH TIME ZONE, "graded_by" text, "score" integer, "passed" boolean, "correctness" jsonb, "domain_results" jsonb, "submission_key" text, CONSTRAINT "pk_mock_exams" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_mock_exams_open_deadline_at" ON "mock_exams"  ("deadline_at") WHERE "status" = \'in-progress\'',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_mock_exams_organization_id_user_id_started_at" ON "mock_exams"  ("organization_id", "user_id", "started_at") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_mock_exams_open_user_id_track_slug" ON "mock_exams"  ("user_id", "track_slug") WHERE "status" = \'in-progress\'',
    );
    await queryRunner.query(
      'CREATE TABLE "practice_sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "user_id" uuid NOT NULL, "track_slug" text NOT NULL, "mode" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "questions" jsonb NOT NULL, CONSTRAINT "pk_practice_sessions" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_practice_sessions_organization_id_user_id_created_at" ON "practice_sessions"  ("organization_id", "user_id", "created_at") ',
    );
    await queryRunner.query(
      'CREATE TABLE "prep_answers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "user_id" uuid NOT NULL, "track_slug" text NOT NULL, "domain_slug" text NOT NULL, "question_slug" text NOT NULL, "source" text NOT NULL, "session_id" uuid NOT NULL, "correct" boolean NOT NULL, "confidence" text, "answered_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "uq_prep_answers_session_id_question_slug" UNIQUE ("session_id", "question_slug"), CONSTRAINT "pk_prep_answers" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_prep_answers_organization_id_user_id_track_slug_answered_at" ON "prep_answers"  ("organization_id", "user_id", "track_slug", "answered_at") ',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'DROP INDEX "public"."ix_prep_answers_organization_id_user_id_track_slug_answered_at"',
    );
    await queryRunner.query('DROP TABLE "prep_answers"');
    await queryRunner.query(
      'DROP INDEX "public"."ix_practice_sessions_organization_id_user_id_created_at"',
    );
    await queryRunner.query('DROP TABLE "practice_sessions"');
    await queryRunner.query('DROP INDEX "public"."uq_mock_exams_open_user_id_track_slug"');
    await queryRunner.query(
      'DROP INDEX "public"."ix_mock_exams_organization_id_user_id_started_at"',
    );
    await queryRunner.query('DROP INDEX "public"."ix_mock_exams_open_deadline_at"');
    await queryRunner.query('DROP TABLE "mock_exams"');
    await queryRunner.query(
      'DROP INDEX "public"."ix_review_cards_organization_id_user_id_track_slug_due"',
    );
    await queryRunner.query('DROP TABLE "review_cards"');
  }
}
