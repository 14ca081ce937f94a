import { join, resolve } from 'node:path';
import { PROJECT_ROOT } from '@academy/common';
import { formatProblem, validateCurriculum, writeJsonSchemas } from '@academy/catalog';
import { importCurriculum } from './import-curriculum.js';

const DEFAULT_DIR = join(PROJECT_ROOT, 'curriculum');

/**
 * `curriculum validate [dir]`: every problem at once as file:line:column, exit 1 if any.
 * `curriculum schema`: regenerate curriculum/schema/*.schema.json from the format.
 */
export function curriculum(args: string[]): Promise<number> {
  // `import` needs the database and so the configuration; validate and schema read files only.
  const [subcommand, dir] = args;
  if (subcommand === 'validate') {
    const root = resolve(dir ?? DEFAULT_DIR);
    const { problems, curriculum: parsed } = validateCurriculum(root);
    for (const problem of problems) process.stdout.write(`${formatProblem(problem)}\n`);
    const summary = `${parsed.tracks.length} tracks, ${parsed.courses.length} courses, ${parsed.lessons.length} lessons, ${parsed.quizzes.length} quizzes, ${parsed.bankDomains.length} bank domains, ${parsed.drills.length} drills`;
    process.stdout.write(
      problems.length
        ? `${problems.length} problem(s) in ${root} (${summary})\n`
        : `Curriculum is valid: ${summary}\n`,
    );
    return Promise.resolve(problems.length ? 1 : 0);
  }
  if (subcommand === 'import') return importCurriculum(resolve(dir ?? DEFAULT_DIR));
  if (subcommand === 'schema') {
    for (const file of writeJsonSchemas(join(DEFAULT_DIR, 'schema')))
      process.stdout.write(`Wrote ${file}\n`);
    return Promise.resolve(0);
  }
  process.stderr.write(
    'Usage: npm run cli -- curriculum validate [dir] | curriculum import [dir] | curriculum schema\n',
  );
  return Promise.resolve(2);
}
