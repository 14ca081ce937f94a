import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import type { FileKind } from './format.js';
import { YamlSource, type Problem } from './source-file.js';

export interface LessonSource {
  slug: string;
  course: string;
  file: string;
  frontMatter: YamlSource;
  body: string;
  /** File line on which the body starts. */
  bodyLine: number;
}

export interface CurriculumSources {
  root: string;
  yaml: { kind: FileKind; slug: string; parent?: string; source: YamlSource }[];
  lessons: LessonSource[];
  problems: Problem[];
}

const IGNORED = new Set(['README.md', 'FORMAT.md', 'schema', 'frameworks.d', 'coverage.d']);

function entries(directory: string): string[] {
  try {
    return readdirSync(directory)
      .filter((name) => !name.startsWith('.'))
      .sort();
  } catch {
    return [];
  }
}

const isDirectory = (path: string) =>
  statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;

/** Splits `---\nfront matter\n---\nbody` and returns the parts with the body's first line. */
function splitFrontMatter(
  text: string,
): { frontMatter: string; body: string; bodyLine: number } | null {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  if (!match?.[1] && match?.[1] !== '') return null;
  const frontMatter = match[1];
  return {
    frontMatter,
    body: text.slice(match[0].length),
    bodyLine: frontMatter.split('\n').length + 3,
  };
}

/**
 * Reads every curriculum file under `root`, noting files that are where no file belongs. Files
 * are named relative to `displayRoot` in problems.
 */
export function loadCurriculum(root: string, displayRoot = process.cwd()): CurriculumSources {
  const sources: CurriculumSources = { root, yaml: [], lessons: [], problems: [] };
  const rel = (path: string) => relative(displayRoot, path) || path;
  const addYaml = (kind: FileKind, path: string, slug: string, parent?: string) => {
    const text = readFileSync(path, { encoding: 'utf8', flag: 'r' });
    sources.yaml.push({ kind, slug, parent, source: new YamlSource(rel(path), text) });
  };
  const stray = (path: string, expected: string) =>
    sources.problems.push({
      file: rel(path),
      line: 1,
      column: 1,
      message: `unexpected file: ${expected}`,
    });

  for (const name of entries(root)) {
    const path = join(root, name);
    if (IGNORED.has(name)) continue;
    if (name === 'frameworks.yaml') addYaml('frameworks', path, 'frameworks');
    else if (name === 'coverage.yaml') addYaml('coverage', path, 'coverage');
    else if (name === 'tracks') {
      for (const file of entries(path)) {
        if (file.endsWith('.yaml')) addYaml('track', join(path, file), basename(file, '.yaml'));
        else stray(join(path, file), 'tracks/ holds <track>.yaml files');
      }
    } else if (name === 'drills') {
      for (const file of entries(path)) {
        if (file.endsWith('.yaml')) addYaml('drill', join(path, file), basename(file, '.yaml'));
        else stray(join(path, file), 'drills/ holds <scenario>.yaml files');
      }
    } else if (name === 'banks') {
      for (const bank of entries(path).filter((entry) => isDirectory(join(path, entry)))) {
        for (const file of entries(join(path, bank))) {
          const filePath = join(path, bank, file);
          if (file === 'bank.yaml') addYaml('bank', filePath, bank);
          else if (file.endsWith('.yaml'))
            addYaml('bank-domain', filePath, basename(file, '.yaml'), bank);
          else stray(filePath, 'a bank holds bank.yaml and <domain>.yaml files');
        }
      }
    } else if (name === 'courses') {
      for (const course of entries(path).filter((entry) => isDirectory(join(path, entry)))) {
        const coursePath = join(path, course);
        if (statSync(join(coursePath, 'course.yaml'), { throwIfNoEntry: false })) {
          addYaml('course', join(coursePath, 'course.yaml'), course);
        } else {
          stray(coursePath, 'a course directory needs a course.yaml');
        }
        for (const file of entries(join(coursePath, 'quizzes'))) {
          if (file.endsWith('.yaml'))
            addYaml('quiz', join(coursePath, 'quizzes', file), basename(file, '.yaml'), course);
          else stray(join(coursePath, 'quizzes', file), 'quizzes/ holds <module>.yaml files');
        }
        for (const file of entries(join(coursePath, 'lessons'))) {
          const lessonPath = join(coursePath, 'lessons', file);
          if (!file.endsWith('.md')) {
            stray(lessonPath, 'lessons/ holds <lesson>.md files');
            continue;
          }
          const text = readFileSync(lessonPath, 'utf8');
          const parts = splitFrontMatter(text);
          if (!parts) {
            sources.problems.push({
              file: rel(lessonPath),
              line: 1,
              column: 1,
              message: 'a lesson starts with YAML front matter between --- lines',
            });
            continue;
          }
          sources.lessons.push({
            slug: basename(file, '.md'),
            course,
            file: rel(lessonPath),
            frontMatter: new YamlSource(rel(lessonPath), parts.frontMatter, 2),
            body: parts.body,
            bodyLine: parts.bodyLine,
          });
        }
      }
    } else {
      stray(path, 'see curriculum/FORMAT.md for the layout');
    }
  }
  return sources;
}
