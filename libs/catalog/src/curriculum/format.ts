import { z } from 'zod';

/**
 * The curriculum file format (curriculum/FORMAT.md), as the one source of truth for both the
 * validator and the JSON Schema in curriculum/schema/. Objects are strict: an unknown field is
 * a typo until proven otherwise.
 */
export const slug = z
  .string()
  .regex(/^[a-z][a-z0-9-]*$/, { error: 'expected a slug: lowercase letters, digits and hyphens' });

const text = z.string().trim().min(1, { error: 'expected non-empty text' });
const minutes = z.number().int().positive();
const percent = z.number().int().min(1).max(100);
const frameworkRef = z.string().regex(/^[a-z0-9-]+:[A-Za-z0-9.-]+$/, {
  error: 'expected a framework reference like owasp-llm:LLM01',
});

export const Audience = z.enum([
  'all-employees',
  'ml-practitioners',
  'security-architects',
  'security-professionals',
]);

export const trackFile = z.strictObject({
  title: text,
  kind: z.enum(['awareness', 'practitioner', 'certification-prep']),
  audience: Audience,
  summary: text,
  courses: z.array(slug),
  exam: z
    .strictObject({
      bank: slug,
      length: z.number().int().positive(),
      timeLimitMinutes: minutes,
      passingScore: percent,
      domains: z
        .array(z.strictObject({ slug, title: text, weight: z.number().int().positive() }))
        .min(1),
    })
    .optional(),
});

export const courseFile = z.strictObject({
  title: text,
  summary: text,
  audience: Audience,
  level: z.enum(['introductory', 'intermediate', 'advanced']),
  estimatedMinutes: minutes,
  tags: z.array(slug).default([]),
  prerequisites: z.array(slug).default([]),
  modules: z
    .array(
      z.strictObject({
        slug,
        title: text,
        summary: text.optional(),
        lessons: z.array(slug).min(1),
      }),
    )
    .min(1),
});

export const lessonFrontMatter = z.strictObject({
  title: text,
  estimatedMinutes: minutes,
  objectives: z.array(text).min(1),
  frameworks: z.array(frameworkRef).default([]),
  attestation: text.optional(),
});

const option = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/, { error: 'expected an option id like a, b or true' }),
  text,
  correct: z.boolean().optional(),
  explanation: text,
});

export const question = z.strictObject({
  id: slug,
  type: z.enum(['single-choice', 'multiple-choice', 'true-false', 'ordering']),
  stem: text,
  difficulty: z.enum(['easy', 'medium', 'hard']),
  cognitive: z.enum(['recall', 'apply', 'analyse']),
  tags: z.array(slug).default([]),
  domain: slug.optional(),
  frameworks: z.array(frameworkRef).default([]),
  options: z.array(option).min(2),
  explanation: text,
});

export const quizFile = z.strictObject({
  title: text,
  passingScore: percent,
  timeLimitMinutes: minutes.optional(),
  attemptsAllowed: z.number().int().positive().optional(),
  cooldownMinutes: z.number().int().min(0).default(0),
  draw: z.number().int().positive(),
  quotas: z.array(z.strictObject({ tag: slug, count: z.number().int().positive() })).default([]),
  shuffleOptions: z.boolean().default(true),
  review: z.enum(['after-submit', 'after-pass', 'after-last-attempt', 'never']),
  questions: z.array(question).min(1),
});

export const bankFile = z.strictObject({ title: text, track: slug });
export const bankDomainFile = z.strictObject({ questions: z.array(question).min(1) });

const phase = z.enum([
  'preparation',
  'detection-analysis',
  'containment-eradication-recovery',
  'post-incident',
]);

export const drillFile = z.strictObject({
  title: text,
  summary: text,
  durationMinutes: minutes,
  frameworks: z.array(frameworkRef).default([]),
  responseMode: z.enum(['per-role', 'per-participant']),
  lateResponse: z.strictObject({ scoreFactor: z.number().min(0).max(1) }),
  poorScoreAtMost: z.number().int().min(0).max(3),
  roles: z.array(z.strictObject({ slug, title: text, description: text })).min(1),
  criteria: z.array(z.strictObject({ slug, title: text })).min(1),
  injects: z
    .array(
      z.strictObject({
        slug,
        offsetMinutes: z.number().int().min(0),
        phase,
        title: text,
        body: text,
        roles: z.array(slug).optional(),
        decision: z
          .strictObject({
            prompt: text,
            roles: z.array(slug).optional(),
            responseWindowMinutes: minutes,
            criterion: slug,
            options: z
              .array(
                z.strictObject({
                  id: z.string().regex(/^[a-z0-9-]+$/),
                  text,
                  score: z.number().int().min(0).max(3),
                  rationale: text,
                }),
              )
              .min(2),
            remedialLessons: z.array(slug).default([]),
          })
          .optional(),
      }),
    )
    .min(1),
});

export const frameworksFile = z.strictObject({
  frameworks: z.record(
    slug,
    z.strictObject({
      title: text,
      version: z.string().optional(),
      /** Where the ids and names were checked, e.g. a data release. */
      source: z.string().optional(),
      references: z.record(z.string(), text),
    }),
  ),
});

/**
 * Each training-relevant seed phrase and what teaches it: lessons, and for skills practised
 * rather than read about, drills (decision-making under pressure) or certification-prep tracks.
 */
export const coverageFile = z.strictObject({
  items: z
    .array(
      z
        .strictObject({
          phrase: text,
          lessons: z.array(slug).default([]),
          drills: z.array(slug).default([]),
          tracks: z.array(slug).default([]),
        })
        .refine((item) => item.lessons.length + item.drills.length + item.tracks.length > 0, {
          error: 'name at least one lesson, drill or track that teaches this phrase',
        }),
    )
    .min(1),
});

export type TrackFile = z.infer<typeof trackFile>;
export type CourseFile = z.infer<typeof courseFile>;
export type LessonFrontMatter = z.infer<typeof lessonFrontMatter>;
export type Question = z.infer<typeof question>;
export type QuizFile = z.infer<typeof quizFile>;
export type BankFile = z.infer<typeof bankFile>;
export type BankDomainFile = z.infer<typeof bankDomainFile>;
export type DrillFile = z.infer<typeof drillFile>;
export type FrameworksFile = z.infer<typeof frameworksFile>;
export type CoverageFile = z.infer<typeof coverageFile>;

/** Each kind of file with its schema, for the validator and for JSON Schema generation. */
export const FILE_SCHEMAS = {
  track: trackFile,
  course: courseFile,
  'lesson-front-matter': lessonFrontMatter,
  quiz: quizFile,
  bank: bankFile,
  'bank-domain': bankDomainFile,
  drill: drillFile,
  frameworks: frameworksFile,
  coverage: coverageFile,
} as const;
export type FileKind = keyof typeof FILE_SCHEMAS;
