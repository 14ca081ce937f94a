export { apportion } from './curriculum/check-references.js';
export * as CurriculumFormat from './curriculum/format.js';
export { writeJsonSchemas } from './curriculum/json-schema.js';
export { countWords } from './curriculum/lint-content.js';
export { formatProblem, type Problem } from './curriculum/source-file.js';
export { validateCurriculum, type ValidationResult } from './curriculum/validate-curriculum.js';
