import type { z } from 'zod';
import {
  FILE_SCHEMAS,
  type BankDomainFile,
  type BankFile,
  type CourseFile,
  type CoverageFile,
  type DrillFile,
  type FileKind,
  type FrameworksFile,
  type LessonFrontMatter,
  type QuizFile,
  type TrackFile,
} from './format.js';
import type { CurriculumSources, LessonSource } from './load-curriculum.js';
import type { Problem, YamlSource } from './source-file.js';

export interface Parsed<T> {
  slug: string;
  parent?: string;
  data: T;
  source: YamlSource;
}

/** Every file that passed its schema, by kind; files that did not are only in `problems`. */
export interface ParsedCurriculum {
  tracks: Parsed<TrackFile>[];
  courses: Parsed<CourseFile>[];
  quizzes: Parsed<QuizFile>[];
  banks: Parsed<BankFile>[];
  bankDomains: Parsed<BankDomainFile>[];
  drills: Parsed<DrillFile>[];
  frameworks?: Parsed<FrameworksFile>;
  coverage?: Parsed<CoverageFile>;
  lessons: (Parsed<LessonFrontMatter> & { lesson: LessonSource })[];
  /**
   * Items that exist as files, valid or not (lessons as `course/lesson`), so that a file with a
   * problem of its own is not also reported missing wherever it is referenced.
   */
  present: { courses: Set<string>; lessons: Set<string> };
  problems: Problem[];
}

function describe(issue: z.core.$ZodIssue): string {
  const field = issue.path.length ? `"${issue.path.join('.')}": ` : '';
  return `${field}${issue.message}`;
}

/** Checks one document against its schema, reporting each issue where it is in the file. */
function parseWith<T>(
  schema: z.ZodType<T>,
  source: YamlSource,
  problems: Problem[],
): T | undefined {
  if (source.syntaxProblems.length) {
    problems.push(...source.syntaxProblems);
    return undefined;
  }
  const result = schema.safeParse(source.data ?? {});
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        problems.push(
          source.problemAtKey(issue.path as (string | number)[], key, `unknown field "${key}"`),
        );
      }
    } else {
      problems.push(source.problemAt(issue.path as (string | number)[], describe(issue)));
    }
  }
  return undefined;
}

export function parseCurriculum(sources: CurriculumSources): ParsedCurriculum {
  const parsed: ParsedCurriculum = {
    tracks: [],
    courses: [],
    quizzes: [],
    banks: [],
    bankDomains: [],
    drills: [],
    lessons: [],
    present: {
      courses: new Set(
        sources.yaml.filter((file) => file.kind === 'course').map((file) => file.slug),
      ),
      lessons: new Set(sources.lessons.map((lesson) => `${lesson.course}/${lesson.slug}`)),
    },
    problems: [...sources.problems],
  };
  const lists: Partial<Record<FileKind, Parsed<unknown>[]>> = {
    track: parsed.tracks,
    course: parsed.courses,
    quiz: parsed.quizzes,
    bank: parsed.banks,
    'bank-domain': parsed.bankDomains,
    drill: parsed.drills,
  };
  for (const { kind, slug, parent, source } of sources.yaml) {
    const data = parseWith(FILE_SCHEMAS[kind] as z.ZodType, source, parsed.problems);
    if (data === undefined) continue;
    const entry = { slug, parent, data, source };
    if (kind === 'frameworks') parsed.frameworks = entry as Parsed<FrameworksFile>;
    else if (kind === 'coverage') parsed.coverage = entry as Parsed<CoverageFile>;
    else lists[kind]?.push(entry);
  }
  for (const lesson of sources.lessons) {
    const data = parseWith(
      FILE_SCHEMAS['lesson-front-matter'],
      lesson.frontMatter,
      parsed.problems,
    );
    if (data)
      parsed.lessons.push({
        slug: lesson.slug,
        parent: lesson.course,
        data,
        source: lesson.frontMatter,
        lesson,
      });
  }
  return parsed;
}
