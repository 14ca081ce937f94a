import type { MigrationInterface, QueryRunner } from 'typeorm';

export class IndexReviewCardsByDue1795678870918 implements MigrationInterface {
  name = 'IndexReviewCardsByDue1795678870918';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX "ix_review_cards_due" ON "review_cards"  ("due") ');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."ix_review_cards_due"');
  }
}
