import { CatalogItemVersionEntity } from './catalog-item-version.entity.js';
import { CatalogItemEntity } from './catalog-item.entity.js';
import { CurriculumImportEntity } from './curriculum-import.entity.js';

export const catalogEntities = [
  CatalogItemEntity,
  CatalogItemVersionEntity,
  CurriculumImportEntity,
];
