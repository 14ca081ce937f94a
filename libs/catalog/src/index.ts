export { apportion } from './curriculum/check-references.js';
export * as CurriculumFormat from './curriculum/format.js';
export { writeJsonSchemas } from './curriculum/json-schema.js';
export { countWords } from './curriculum/lint-content.js';
export { formatProblem, type Problem } from './curriculum/source-file.js';
export { validateCurriculum, type ValidationResult } from './curriculum/validate-curriculum.js';
export { CatalogModule } from './catalog.module.js';
export { catalogEntities } from './entities/index.js';
export { CatalogGraphqlModule } from './graphql/catalog-graphql.module.js';
export {
  CurriculumImporter,
  sourceHash,
  type ImportSummary,
} from './import/curriculum-importer.js';
