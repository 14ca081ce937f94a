import { apportion } from './apportion.js';
import type { Question } from './format.js';
import type { ParsedCurriculum } from './parse-files.js';
import type { Problem, YamlPath, YamlSource } from './source-file.js';

/** The answer rules of each question type. */
function checkQuestion(
  source: YamlSource,
  path: YamlPath,
  question: Question,
  problems: Problem[],
) {
  const at = (message: string, suffix: YamlPath = []) =>
    problems.push(source.problemAt([...path, ...suffix], message));
  const ids = question.options.map((option) => option.id);
  const duplicate = ids.find((id, index) => ids.indexOf(id) !== index);
  if (duplicate)
    at(`question "${question.id}" has two options with id "${duplicate}"`, ['options']);
  const correct = question.options.filter((option) => option.correct).length;
  switch (question.type) {
    case 'single-choice':
      if (correct !== 1)
        at(
          `single-choice question "${question.id}" needs exactly one correct option, has ${correct}`,
          ['options'],
        );
      break;
    case 'multiple-choice':
      if (correct < 2)
        at(
          `multiple-choice question "${question.id}" needs at least two correct options, has ${correct}`,
          ['options'],
        );
      if (correct === question.options.length)
        at(`multiple-choice question "${question.id}" marks every option correct`, ['options']);
      break;
    case 'true-false':
      if (ids.join(',') !== 'true,false' || correct !== 1) {
        at(
          `true-false question "${question.id}" needs options "true" and "false" with one correct`,
          ['options'],
        );
      }
      break;
    case 'ordering':
      if (correct > 0)
        at(`ordering question "${question.id}" lists options in order and marks none correct`, [
          'options',
        ]);
      break;
  }
}

/**
 * Cross-file rules: unique slugs and question ids, references to items that exist, answers that
 * are among the options, weights that sum to 100, quizzes and exams that can be drawn from their
 * pools, lesson bodies and links, and framework references that frameworks.yaml lists.
 */
export function checkReferences(curriculum: ParsedCurriculum): Problem[] {
  const problems: Problem[] = [];
  const courses = new Map(curriculum.courses.map((course) => [course.slug, course]));
  const tracks = new Map(curriculum.tracks.map((track) => [track.slug, track]));
  const lessonsBySlug = new Map<string, (typeof curriculum.lessons)[number]>();
  for (const lesson of curriculum.lessons) {
    const earlier = lessonsBySlug.get(lesson.slug);
    if (earlier) {
      problems.push(
        lesson.source.problemAt(
          [],
          `duplicate lesson slug "${lesson.slug}" (also in ${earlier.lesson.file})`,
        ),
      );
    } else {
      lessonsBySlug.set(lesson.slug, lesson);
    }
  }

  // Tracks
  for (const track of curriculum.tracks) {
    track.data.courses.forEach((course, index) => {
      if (!curriculum.present.courses.has(course))
        problems.push(
          track.source.problemAt(['courses', index], `course "${course}" does not exist`),
        );
    });
    const exam = track.data.exam;
    if (track.data.kind === 'certification-prep' && !exam) {
      problems.push(
        track.source.problemAt(['kind'], 'a certification-prep track needs an exam blueprint'),
      );
    }
    if (exam) {
      const total = exam.domains.reduce((sum, domain) => sum + domain.weight, 0);
      if (total !== 100)
        problems.push(
          track.source.problemAt(['exam', 'domains'], `domain weights sum to ${total}, not 100`),
        );
      const bankDomains = curriculum.bankDomains.filter((domain) => domain.parent === exam.bank);
      if (!curriculum.banks.some((bank) => bank.slug === exam.bank)) {
        problems.push(
          track.source.problemAt(['exam', 'bank'], `bank "${exam.bank}" does not exist`),
        );
      } else if (total === 100) {
        const counts = apportion(
          exam.length,
          exam.domains.map((domain) => domain.weight),
        );
        exam.domains.forEach((domain, index) => {
          const pool =
            bankDomains.find((file) => file.slug === domain.slug)?.data.questions.length ?? 0;
          const needed = counts[index] ?? 0;
          if (pool < needed) {
            problems.push(
              track.source.problemAt(
                ['exam', 'domains', index],
                `a mock exam draws ${needed} "${domain.slug}" questions but the bank holds ${pool}`,
              ),
            );
          }
        });
      }
    }
  }

  // Courses, modules, quizzes
  const moduleOwners = new Map<string, string>();
  const usedLessons = new Set<string>();
  for (const course of curriculum.courses) {
    course.data.prerequisites.forEach((prerequisite, index) => {
      if (!curriculum.present.courses.has(prerequisite))
        problems.push(
          course.source.problemAt(
            ['prerequisites', index],
            `prerequisite course "${prerequisite}" does not exist`,
          ),
        );
    });
    course.data.modules.forEach((module, moduleIndex) => {
      const owner = moduleOwners.get(module.slug);
      if (owner)
        problems.push(
          course.source.problemAt(
            ['modules', moduleIndex, 'slug'],
            `duplicate module slug "${module.slug}" (also in course ${owner})`,
          ),
        );
      moduleOwners.set(module.slug, course.slug);
      if (
        !curriculum.quizzes.some((quiz) => quiz.parent === course.slug && quiz.slug === module.slug)
      ) {
        problems.push(
          course.source.problemAt(
            ['modules', moduleIndex, 'slug'],
            `module "${module.slug}" has no quiz file quizzes/${module.slug}.yaml`,
          ),
        );
      }
      module.lessons.forEach((lesson, lessonIndex) => {
        usedLessons.add(lesson);
        if (!curriculum.present.lessons.has(`${course.slug}/${lesson}`)) {
          problems.push(
            course.source.problemAt(
              ['modules', moduleIndex, 'lessons', lessonIndex],
              `lesson "${lesson}" does not exist in this course's lessons/`,
            ),
          );
        }
      });
    });
  }
  for (const lesson of curriculum.lessons) {
    // A lesson of a course whose course.yaml is itself invalid is not reported a second time.
    if (!courses.has(lesson.parent ?? '')) continue;
    if (!usedLessons.has(lesson.slug))
      problems.push(
        lesson.source.problemAt([], `lesson "${lesson.slug}" is in no module of its course`),
      );
  }

  const questionOwners = new Map<string, string>();
  const checkPool = (source: YamlSource, questions: Question[], pathPrefix: YamlPath) => {
    questions.forEach((question, index) => {
      const owner = questionOwners.get(question.id);
      if (owner)
        problems.push(
          source.problemAt(
            [...pathPrefix, index, 'id'],
            `duplicate question id "${question.id}" (also in ${owner})`,
          ),
        );
      questionOwners.set(question.id, source.file);
      checkQuestion(source, [...pathPrefix, index], question, problems);
    });
  };
  for (const quiz of curriculum.quizzes) {
    const owner = courses.get(quiz.parent ?? '');
    if (owner && !owner.data.modules.some((module) => module.slug === quiz.slug)) {
      problems.push(
        quiz.source.problemAt(
          [],
          `quiz "${quiz.slug}" matches no module of course "${quiz.parent ?? ''}"`,
        ),
      );
    }
    checkPool(quiz.source, quiz.data.questions, ['questions']);
    const pool = quiz.data.questions.length;
    if (quiz.data.draw > pool)
      problems.push(
        quiz.source.problemAt(
          ['draw'],
          `the quiz draws ${quiz.data.draw} questions but its pool holds ${pool}`,
        ),
      );
    const quotaTotal = quiz.data.quotas.reduce((sum, quota) => sum + quota.count, 0);
    if (quotaTotal > quiz.data.draw)
      problems.push(
        quiz.source.problemAt(
          ['quotas'],
          `the quotas ask for ${quotaTotal} questions but the quiz draws ${quiz.data.draw}`,
        ),
      );
    quiz.data.quotas.forEach((quota, index) => {
      const tagged = quiz.data.questions.filter((question) =>
        question.tags.includes(quota.tag),
      ).length;
      if (tagged < quota.count)
        problems.push(
          quiz.source.problemAt(
            ['quotas', index],
            `the quota asks for ${quota.count} "${quota.tag}" questions but the pool has ${tagged}`,
          ),
        );
    });
  }

  // Banks
  for (const bank of curriculum.banks) {
    const track = tracks.get(bank.data.track);
    if (!track)
      problems.push(bank.source.problemAt(['track'], `track "${bank.data.track}" does not exist`));
    else if (track.data.exam?.bank !== bank.slug)
      problems.push(
        bank.source.problemAt(
          ['track'],
          `track "${bank.data.track}" does not use bank "${bank.slug}"`,
        ),
      );
  }
  for (const domain of curriculum.bankDomains) {
    const track = curriculum.tracks.find(
      (candidate) => candidate.data.exam?.bank === domain.parent,
    );
    if (track && !track.data.exam?.domains.some((entry) => entry.slug === domain.slug)) {
      problems.push(
        domain.source.problemAt([], `"${domain.slug}" is not a domain of track "${track.slug}"`),
      );
    }
    domain.data.questions.forEach((question, index) => {
      if (question.domain !== undefined && question.domain !== domain.slug) {
        problems.push(
          domain.source.problemAt(
            ['questions', index, 'domain'],
            `question domain "${question.domain}" differs from its file's domain "${domain.slug}"`,
          ),
        );
      }
    });
    checkPool(domain.source, domain.data.questions, ['questions']);
  }

  // Drills
  for (const drill of curriculum.drills) {
    const roles = new Set(drill.data.roles.map((role) => role.slug));
    const criteria = new Set(drill.data.criteria.map((criterion) => criterion.slug));
    drill.data.injects.forEach((inject, index) => {
      const checkRoles = (list: string[] | undefined, path: YamlPath) =>
        list?.forEach((role, roleIndex) => {
          if (!roles.has(role))
            problems.push(
              drill.source.problemAt(
                [...path, roleIndex],
                `role "${role}" is not a role of this scenario`,
              ),
            );
        });
      checkRoles(inject.roles, ['injects', index, 'roles']);
      const decision = inject.decision;
      if (!decision) return;
      checkRoles(decision.roles, ['injects', index, 'decision', 'roles']);
      if (!criteria.has(decision.criterion))
        problems.push(
          drill.source.problemAt(
            ['injects', index, 'decision', 'criterion'],
            `criterion "${decision.criterion}" is not a criterion of this scenario`,
          ),
        );
      decision.remedialLessons.forEach((lesson, lessonIndex) => {
        if (!lessonsBySlug.has(lesson))
          problems.push(
            drill.source.problemAt(
              ['injects', index, 'decision', 'remedialLessons', lessonIndex],
              `lesson "${lesson}" does not exist`,
            ),
          );
      });
    });
  }

  // Coverage
  const coverage = curriculum.coverage;
  const drills = new Set(curriculum.drills.map((drill) => drill.slug));
  coverage?.data.items.forEach((item, index) => {
    const missing = (
      list: string[],
      field: string,
      exists: (slug: string) => boolean,
      kind: string,
    ) => {
      list.forEach((slug, position) => {
        if (!exists(slug))
          problems.push(
            coverage.source.problemAt(
              ['items', index, field, position],
              `${kind} "${slug}" does not exist`,
            ),
          );
      });
    };
    missing(item.lessons, 'lessons', (slug) => lessonsBySlug.has(slug), 'lesson');
    missing(item.drills, 'drills', (slug) => drills.has(slug), 'drill');
    missing(item.tracks, 'tracks', (slug) => tracks.has(slug), 'track');
  });

  // Framework references
  const known = new Set(
    Object.entries(curriculum.frameworks?.data.frameworks ?? {}).flatMap(([prefix, framework]) =>
      Object.keys(framework.references).map((id) => `${prefix}:${id}`),
    ),
  );
  const checkRefs = (source: YamlSource, refs: string[], path: YamlPath) => {
    refs.forEach((ref, index) => {
      if (!known.has(ref))
        problems.push(
          source.problemAt(
            [...path, index],
            `unknown framework reference "${ref}" (not in frameworks.yaml)`,
          ),
        );
    });
  };
  for (const lesson of curriculum.lessons)
    checkRefs(lesson.source, lesson.data.frameworks, ['frameworks']);
  for (const drill of curriculum.drills)
    checkRefs(drill.source, drill.data.frameworks, ['frameworks']);
  for (const pool of [...curriculum.quizzes, ...curriculum.bankDomains]) {
    pool.data.questions.forEach((question, index) => {
      checkRefs(pool.source, question.frameworks, ['questions', index, 'frameworks']);
    });
  }

  // Lesson bodies: not empty, links to lessons and courses that exist
  for (const { lesson } of curriculum.lessons) {
    if (!lesson.body.trim()) {
      problems.push({
        file: lesson.file,
        line: lesson.bodyLine,
        column: 1,
        message: 'the lesson body is empty',
      });
      continue;
    }
    lesson.body.split('\n').forEach((line, index) => {
      for (const link of line.matchAll(/\]\(\/(lessons|courses)\/([^)\s#]*)[^)]*\)/g)) {
        const [, kind, target = ''] = link;
        const exists = kind === 'lessons' ? lessonsBySlug.has(target) : courses.has(target);
        if (!exists) {
          problems.push({
            file: lesson.file,
            line: lesson.bodyLine + index,
            column: link.index + 2,
            message: `broken link: no ${kind === 'lessons' ? 'lesson' : 'course'} "${target}"`,
          });
        }
      }
    });
  }
  return problems;
}
