import { Module } from '@nestjs/common';
import { IdentityModule } from '@academy/identity';
import { CatalogReader } from './catalog/catalog-reader.js';
import { CatalogWriter } from './import/catalog-writer.js';
import { CurriculumImporter } from './import/curriculum-importer.js';
import { OrganizationContentService } from './organization-content/organization-content.service.js';

/** The catalog: the imported curriculum (and organizations' own content) and its import. */
@Module({
  imports: [IdentityModule],
  providers: [CatalogReader, CatalogWriter, CurriculumImporter, OrganizationContentService],
  exports: [CatalogReader, CurriculumImporter, OrganizationContentService],
})
export class CatalogModule {}
