import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateDrills1795673931941 implements MigrationInterface {
  name = 'CreateDrills1795673931941';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "drill_series" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "scenario_slug" text NOT NULL, "rrule" text NOT NULL, "first_starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "participants" jsonb NOT NULL, "facilitator_id" uuid, "missed_policy" text NOT NULL, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_drill_series" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_drill_series_organization_id_created_at" ON "drill_series"  ("organization_id", "created_at") ',
    );
    await queryRunner.query(
      'CREATE TABLE "drill_runs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "scenario_slug" text NOT NULL, "scenario_version_id" uuid NOT NULL, "title" text NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status" text NOT NULL DEFAULT \'scheduled\', "mode" text NOT NULL DEFAULT \'team\', "missed_policy" text NOT NULL DEFAULT \'run-late\', "series_id" uuid, "facilitator_id" uuid, "opened_at" TIMESTAMP WITH TIME ZONE, "timeline_zero_at" TIMESTAMP WITH TIME ZONE, "plan_epoch" integer NOT NULL DEFAULT \'0\', "paused_at" TIMESTAMP WITH TIME ZONE, "ended_at" TIMESTAMP WITH TIME ZONE, "scored_at" TIMESTAMP WITH TIME ZONE, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_drill_runs" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_drill_runs_organization_id_starts_at" ON "drill_runs"  ("organization_id", "starts_at") ',
    );
    await queryRunner.query(
      'CREATE TABLE "drill_run_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "run_id" uuid NOT NULL, "kind" text NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "inject_slug" text, "actor_id" uuid, CONSTRAINT "pk_drill_run_events" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_drill_run_events_run_id_occurred_at" ON "drill_run_events"  ("run_id", "occurred_at") ',
    );
    await queryRunner.query(
      'CREATE TABLE "drill_participants" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "run_id" uuid NOT NULL, "user_id" uuid NOT NULL, "role_slug" text NOT NULL, "score_percent" numeric(5,2), CONSTRAINT "pk_drill_participants" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_drill_participants_organization_id_user_id" ON "drill_participants"  ("organization_id", "user_id") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_drill_participants_run_id_user_id" ON "drill_participants"  ("run_id", "user_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "drill_series_occurrences" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "series_id" uuid NOT NULL, "occurs_at" TIMESTAMP WITH TIME ZONE NOT NULL, "run_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "pk_drill_series_occurrences" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_drill_series_occurrences_series_id_occurs_at" ON "drill_series_occurrences"  ("series_id", "occurs_at") ',
    );
    await queryRunner.query(
      'CREATE TABLE "drill_reports" ("run_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "report" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "pk_drill_reports" PRIMARY KEY ("run_id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "drill_inject_releases" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "run_id" uuid NOT NULL, "inject_slug" text NOT NULL, "released_at" TIMESTAMP WITH TIME ZONE NOT NULL, "responses_close_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "pk_drill_inject_releases" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_drill_inject_releases_run_id_inject_slug" ON "drill_inject_releases"  ("run_id", "inject_slug") ',
    );
    await queryRunner.query(
      'CREATE TABLE "drill_remedial_assignments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "run_id" uuid NOT NULL, "user_id" uuid NOT NULL, "lesson_slug" text NOT NULL, "course_slug" text NOT NULL, "assignment_id" uuid NOT NULL, "assigned_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "pk_drill_remedial_assignments" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_drill_remedial_assignments_run_id_user_id_lesson_slug" ON "drill_remedial_assignments"  ("run_id", "user_id", "lesson_slug") ',
    );
    await queryRunner.query(
      'CREATE TABLE "drill_responses" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "run_id" uuid NOT NULL, "inject_slug" text NOT NULL, "respondent_key" text NOT NULL, "user_id" uuid NOT NULL, "role_slug" text NOT NULL, "option_id" text NOT NULL, "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL, "late" boolean NOT NULL, CONSTRAINT "pk_drill_responses" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_drill_responses_run_id_inject_slug_respondent_key" ON "drill_responses"  ("run_id", "inject_slug", "respondent_key") ',
    );
    await queryRunner.query(
      'ALTER TABLE "drill_runs" ADD CONSTRAINT "fk_drill_runs_series_id" FOREIGN KEY ("series_id") REFERENCES "drill_series"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "drill_run_events" ADD CONSTRAINT "fk_drill_run_events_run_id" FOREIGN KEY ("run_id") REFERENCES "drill_runs"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "drill_participants" ADD CONSTRAINT "fk_drill_participants_run_id" FOREIGN KEY ("run_id") REFERENCES "drill_runs"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "drill_series_occurrences" ADD CONSTRAINT "fk_drill_series_occurrences_series_id" FOREIGN KEY ("series_id") REFERENCES "drill_series"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "drill_series_occurrences" ADD CONSTRAINT "fk_drill_series_occurrences_run_id" FOREIGN KEY ("run_id") REFERENCES "drill_runs"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "drill_reports" ADD CONSTRAINT "fk_drill_reports_run_id" FOREIGN KEY ("run_id") REFERENCES "drill_runs"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "drill_inject_releases" ADD CONSTRAINT "fk_drill_inject_releases_run_id" FOREIGN KEY ("run_id") REFERENCES "drill_runs"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "drill_remedial_assignments" ADD CONSTRAINT "fk_drill_remedial_assignments_run_id" FOREIGN KEY ("run_id") REFERENCES "drill_runs"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "drill_responses" ADD CONSTRAINT "fk_drill_responses_run_id" FOREIGN KEY ("run_id") REFERENCES "drill_runs"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "drill_responses" DROP CONSTRAINT "fk_drill_responses_run_id"',
    );
    await queryRunner.query(
      'ALTER TABLE "drill_remedial_assignments" DROP CONSTRAINT "fk_drill_remedial_assignments_run_id"',
    );
    await queryRunner.query(
      'ALTER TABLE "drill_inject_releases" DROP CONSTRAINT "fk_drill_inject_releases_run_id"',
    );
    await queryRunner.query(
      'ALTER TABLE "drill_reports" DROP CONSTRAINT "fk_drill_reports_run_id"',
    );
    await queryRunner.query(
      'ALTER TABLE "drill_series_occurrences" DROP CONSTRAINT "fk_drill_series_occurrences_run_id"',
    );
    await queryRunner.query(
      'ALTER TABLE "drill_series_occurrences" DROP CONSTRAINT "fk_drill_series_occurrences_series_id"',
    );
    await queryRunner.query(
      'ALTER TABLE "drill_participants" DROP CONSTRAINT "fk_drill_participants_run_id"',
    );
    await queryRunner.query(
      'ALTER TABLE "drill_run_events" DROP CONSTRAINT "fk_drill_run_events_run_id"',
    );
    await queryRunner.query('ALTER TABLE "drill_runs" DROP CONSTRAINT "fk_drill_runs_series_id"');
    await queryRunner.query(
      'DROP INDEX "public"."uq_drill_responses_run_id_inject_slug_respondent_key"',
    );
    await queryRunner.query('DROP TABLE "drill_responses"');
    await queryRunner.query(
      'DROP INDEX "public"."uq_drill_remedial_assignments_run_id_user_id_lesson_slug"',
    );
    await queryRunner.query('DROP TABLE "drill_remedial_assignments"');
    await queryRunner.query('DROP INDEX "public"."uq_drill_inject_releases_run_id_inject_slug"');
    await queryRunner.query('DROP TABLE "drill_inject_releases"');
    await queryRunner.query('DROP TABLE "drill_reports"');
    await queryRunner.query(
      'DROP INDEX "public"."uq_drill_series_occurrences_series_id_occurs_at"',
    );
    await queryRunner.query('DROP TABLE "drill_series_occurrences"');
    await queryRunner.query('DROP INDEX "public"."uq_drill_participants_run_id_user_id"');
    await queryRunner.query('DROP INDEX "public"."ix_drill_participants_organization_id_user_id"');
    await queryRunner.query('DROP TABLE "drill_participants"');
    await queryRunner.query('DROP INDEX "public"."ix_drill_run_events_run_id_occurred_at"');
    await queryRunner.query('DROP TABLE "drill_run_events"');
    await queryRunner.query('DROP INDEX "public"."ix_drill_runs_organization_id_starts_at"');
    await queryRunner.query('DROP TABLE "drill_runs"');
    await queryRunner.query('DROP INDEX "public"."ix_drill_series_organization_id_created_at"');
    await queryRunner.query('DROP TABLE "drill_series"');
  }
}
