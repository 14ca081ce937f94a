import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCatalog1795646776232 implements MigrationInterface {
  name = 'CreateCatalog1795646776232';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "catalog_items" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid, "kind" text NOT NULL, "slug" text NOT NULL, "parent_slug" text, "current_version_id" uuid NOT NULL, "current_version" integer NOT NULL, "content_hash" text NOT NULL, "retired_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_catalog_items" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_catalog_items_kind_parent_slug" ON "catalog_items"  ("kind", "parent_slug") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_catalog_items_organization_id_kind_slug" ON "catalog_items"  ("organization_id", "kind", "slug") WHERE "organization_id" IS NOT NULL',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_catalog_items_shipped_kind_slug" ON "catalog_items"  ("kind", "slug") WHERE "organization_id" IS NULL',
    );
    await queryRunner.query(
      'CREATE TABLE "catalog_item_versions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "item_id" uuid NOT NULL, "version" integer NOT NULL, "content" jsonb NOT NULL, "content_hash" text NOT NULL, "body_markdown" text, "body_html" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_catalog_item_versions_item_id_version" UNIQUE ("item_id", "version"), CONSTRAINT "pk_catalog_item_versions" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "curriculum_imports" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "source_hash" text NOT NULL, "summary" jsonb NOT NULL, "imported_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_curriculum_imports" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'ALTER TABLE "catalog_item_versions" ADD CONSTRAINT "fk_catalog_item_versions_item_id" FOREIGN KEY ("item_id") REFERENCES "catalog_items"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    // Full-text search over titles, summaries and lesson bodies (see SEARCH_DOCUMENT).
    await queryRunner.query(
      `CREATE INDEX "ix_catalog_item_versions_search" ON "catalog_item_versions" USING GIN (to_tsvector('english', coalesce(content->>'title', '') || ' ' || coalesce(content->>'summary', '') || ' ' || coalesce(body_markdown, '')))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "ix_catalog_item_versions_search"');
    await queryRunner.query(
      'ALTER TABLE "catalog_item_versions" DROP CONSTRAINT "fk_catalog_item_versions_item_id"',
    );
    await queryRunner.query('DROP TABLE "curriculum_imports"');
    await queryRunner.query('DROP TABLE "catalog_item_versions"');
    await queryRunner.query('DROP INDEX "public"."uq_catalog_items_shipped_kind_slug"');
    await queryRunner.query('DROP INDEX "public"."uq_catalog_items_organization_id_kind_slug"');
    await queryRunner.query('DROP INDEX "public"."ix_catalog_items_kind_parent_slug"');
    await queryRunner.query('DROP TABLE "catalog_items"');
  }
}
