import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateWebhookEndpoints1795663899847 implements MigrationInterface {
  name = 'CreateWebhookEndpoints1795663899847';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "webhook_endpoints" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "url" text NOT NULL, "description" text NOT NULL DEFAULT \'\', "events" text array NOT NULL, "secret_sealed" text NOT NULL, "previous_secret_sealed" text, "previous_secret_expires_at" TIMESTAMP WITH TIME ZONE, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "created_by" uuid NOT NULL, CONSTRAINT "pk_webhook_endpoints" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_webhook_endpoints_organization_id" ON "webhook_endpoints"  ("organization_id") ',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."ix_webhook_endpoints_organization_id"');
    await queryRunner.query('DROP TABLE "webhook_endpoints"');
  }
}
