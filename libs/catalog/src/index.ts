export { CatalogModule } from './catalog.module.js';
export { CatalogErrors } from './catalog.errors.js';
export {
  CatalogReader,
  currentQuestionOf,
  type CatalogRecord,
  type QuestionRef,
} from './catalog/catalog-reader.js';
export { apportion } from './curriculum/apportion.js';
export type {
  CourseFile,
  DrillFile,
  LessonFrontMatter,
  Question,
  QuizFile,
  TrackFile,
} from './curriculum/format.js';
export { writeJsonSchemas } from './curriculum/json-schema.js';
export { formatProblem, type Problem } from './curriculum/source-file.js';
export { validateCurriculum, type ValidationResult } from './curriculum/validate-curriculum.js';
export { catalogEntities } from './entities/index.js';
export { CatalogGraphqlModule } from './graphql/catalog-graphql.module.js';
export { type ImportSummary } from './import/catalog-writer.js';
export { CurriculumImporter, sourceHash } from './import/curriculum-importer.js';
export { orderingOptionIds } from './import/desired-items.js';
