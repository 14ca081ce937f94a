import { Module } from '@nestjs/common';
import { CatalogReader } from './catalog/catalog-reader.js';
import { CurriculumImporter } from './import/curriculum-importer.js';

/** The catalog: the imported curriculum (and organizations' own content) and its import. */
@Module({
  providers: [CatalogReader, CurriculumImporter],
  exports: [CatalogReader, CurriculumImporter],
})
export class CatalogModule {}
