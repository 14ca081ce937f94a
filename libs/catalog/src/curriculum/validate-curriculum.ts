import { checkReferences } from './check-references.js';
import { lintContent } from './lint-content.js';
import { loadCurriculum } from './load-curriculum.js';
import { parseCurriculum, type ParsedCurriculum } from './parse-files.js';
import type { Problem } from './source-file.js';

export interface ValidationResult {
  curriculum: ParsedCurriculum;
  problems: Problem[];
}

/**
 * Every problem of the curriculum under `root`, in file and line order; files are named
 * relative to `displayRoot`.
 */
export function validateCurriculum(root: string, displayRoot?: string): ValidationResult {
  const curriculum = parseCurriculum(loadCurriculum(root, displayRoot));
  const problems = [
    ...curriculum.problems,
    ...checkReferences(curriculum),
    ...lintContent(curriculum),
  ];
  problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  return { curriculum, problems };
}
