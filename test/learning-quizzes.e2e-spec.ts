import { randomUUID } from 'node:crypto';
import {
  CANARY,
  FIXTURE_ANSWERS,
  importLearningFixture,
  invitePerson,
  seedOrganization,
  startTestApi,
  startTestWorker,
  waitFor,
  type SeededOrganization,
  type SignedInPerson,
  type TestApi,
} from '@academy/testing';
import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ATTEMPT = `id number status deadlineAt
  questions { id type stem options { id text } chosenOptionIds }
  result { score passed passingScore gradedBy attemptsUsed attemptsAllowed
           review { questionId correct correctOptionIds explanation options { id correct explanation } } }`;
const START = `mutation Start($quiz: String!) { startQuizAttempt(quizSlug: $quiz) {
  __typename
  ... on QuizAttemptStarted { resumed attempt { ${ATTEMPT} } }
  ... on AttemptLimitReached { attemptsAllowed }
  ... on QuizCooldown { retryAt }
  ... on QuizClosed { reason } } }`;
const SAVE = `mutation Save($id: ID!, $answer: QuizAnswerInput!) { saveQuizAnswer(attemptId: $id, answer: $answer) {
  __typename ... on AnswerSaved { attempt { ${ATTEMPT} } } ... on QuizDeadlinePassed { attemptId } ... on AttemptAlreadyGraded { attemptId } } }`;
const SUBMIT = `mutation Submit($input: SubmitQuizAttemptInput!) { submitQuizAttempt(input: $input) {
  __typename ... on QuizAttemptGraded { attempt { ${ATTEMPT} } } ... on AttemptAlreadyGraded { attemptId } } }`;

interface Question {
  id: string;
  type: string;
  options: { id: string }[];
  chosenOptionIds: string[];
}
interface Attempt {
  id: string;
  number: number;
  status: string;
  deadlineAt: string | null;
  questions: Question[];
  result: {
    score: number;
    passed: boolean;
    gradedBy: string;
    attemptsUsed: number;
    review: { questionId: string; explanation: string }[] | null;
  } | null;
}
type Outcome = {
  __typename: string;
  attempt?: Attempt;
  resumed?: boolean;
  reason?: string;
  retryAt?: string;
  attemptsAllowed?: number;
  attemptId?: string;
};

describe('quiz attempts', () => {
  let api: TestApi;
  let org: SeededOrganization;
  let db: DataSource;
  let responses: string[];
  let counter = 0;

  const call = async (
    person: SignedInPerson,
    query: string,
    variables?: Record<string, unknown>,
  ) => {
    const response = await api.graphql<Record<string, Outcome>>(query, variables, person.auth);
    responses.push(JSON.stringify(response.body));
    return response.body;
  };
  const newLearner = async () => {
    counter += 1;
    const person = await invitePerson(api, org.slug, org.admin, {
      email: `quiz-learner-${counter}@quizzes.test`,
      displayName: `Quiz Learner ${counter}`,
      role: 'LEARNER',
    });
    const enrolled = await call(person, 'mutation { enrollInCourse(courseSlug: "policy") { id } }');
    expect(enrolled.errors).toBeUndefined();
    return person;
  };
  const start = async (person: SignedInPerson) =>
    (await call(person, START, { quiz: 'policy-basics' })).data?.startQuizAttempt as Outcome;
  const answersFor = (attempt: Attempt, right: boolean) =>
    attempt.questions.map((question) => {
      const key = FIXTURE_ANSWERS[question.id] ?? [];
      const wrong = question.options.map((option) => option.id).filter((id) => !key.includes(id));
      return {
        questionId: question.id,
        optionIds: right
          ? key
          : question.type === 'ORDERING'
            ? [...key].reverse()
            : wrong.slice(0, 1),
      };
    });
  const submit = async (
    person: SignedInPerson,
    attempt: Attempt,
    right: boolean,
    key = randomUUID(),
  ) =>
    (
      await call(person, SUBMIT, {
        input: { attemptId: attempt.id, answers: answersFor(attempt, right), idempotencyKey: key },
      })
    ).data?.submitQuizAttempt as Outcome;

  beforeAll(async () => {
    api = await startTestApi();
    org = await seedOrganization(api, 'quizzes');
    db = api.app.get(DataSource);
    await importLearningFixture(api);
    responses = [];
  });

  afterAll(async () => {
    await api.close();
  });

  it('draws by the rules, shuffles options, and shows no answers', async () => {
    const learner = await newLearner();
    const started = await start(learner);
    expect(started.__typename).toBe('QuizAttemptStarted');
    const attempt = started.attempt as Attempt;
    expect(attempt.questions).toHaveLength(3);
    expect(new Set(attempt.questions.map((question) => question.id)).size).toBe(3);
    // The quota: at least one question tagged "reporting" (p3, p4, p6).
    expect(attempt.questions.some((question) => ['p3', 'p4', 'p6'].includes(question.id))).toBe(
      true,
    );
    expect(attempt.deadlineAt).not.toBeNull();
    expect(attempt.result).toBeNull();
    const [row] = await db.query<{ questions: { slug: string; optionOrder: string[] }[] }[]>(
      'SELECT questions FROM quiz_attempts WHERE id = $1',
      [attempt.id],
    );
    // What the learner sees is what the server stored: the drawn set, in the drawn order.
    expect(attempt.questions.map((question) => question.id)).toEqual(
      row?.questions.map((q) => q.slug),
    );
    expect(
      attempt.questions.map((question) => question.options.map((option) => option.id)),
    ).toEqual(row?.questions.map((question) => question.optionOrder));
    // Starting again resumes the open attempt.
    const again = await start(learner);
    expect(again).toMatchObject({ __typename: 'QuizAttemptStarted', resumed: true });
    expect(again.attempt?.id).toBe(attempt.id);
  });

  it("saves answers, refuses bad ones without changing anything, and hides other people's attempts", async () => {
    const learner = await newLearner();
    const attempt = (await start(learner)).attempt as Attempt;
    const question = attempt.questions[0] as Question;
    const saved = (
      await call(learner, SAVE, {
        id: attempt.id,
        answer: answersFor(attempt, true)[0],
      })
    ).data?.saveQuizAnswer as Outcome;
    expect(saved.__typename).toBe('AnswerSaved');
    expect(saved.attempt?.questions[0]?.chosenOptionIds).toEqual(FIXTURE_ANSWERS[question.id]);

    for (const answer of [
      { questionId: 'not-drawn', optionIds: ['a'] },
      { questionId: question.id, optionIds: ['zz'] },
      { questionId: question.id, optionIds: [question.options[0]?.id, question.options[0]?.id] },
    ]) {
      const refused = await call(learner, SAVE, { id: attempt.id, answer });
      expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    const [row] = await db.query<{ answers: Record<string, string[]> }[]>(
      'SELECT answers FROM quiz_attempts WHERE id = $1',
      [attempt.id],
    );
    expect(row?.answers).toEqual({ [question.id]: FIXTURE_ANSWERS[question.id] });

    const intruder = await newLearner();
    for (const body of [
      await call(intruder, SAVE, { id: attempt.id, answer: answersFor(attempt, true)[0] }),
      await call(intruder, SUBMIT, {
        input: { attemptId: attempt.id, answers: [], idempotencyKey: randomUUID() },
      }),
      await call(intruder, `query { quizAttempt(id: "${attempt.id}") { id } }`),
    ]) {
      expect(body.errors?.[0]?.extensions?.reason).toBe('LEARNING_NOT_FOUND');
    }
  });

  it('grades on the server; a replay gets the same grade, another submission does not grade again', async () => {
    const learner = await newLearner();
    const attempt = (await start(learner)).attempt as Attempt;
    const key = randomUUID();
    const graded = await submit(learner, attempt, true, key);
    expect(graded.__typename).toBe('QuizAttemptGraded');
    expect(graded.attempt?.result).toMatchObject({
      score: 100,
      passed: true,
      gradedBy: 'SUBMISSION',
    });
    // review: after-pass, so a pass shows the explanations.
    expect(graded.attempt?.result?.review?.[0]?.explanation).toContain(CANARY.questionExplanation);

    const replay = await submit(learner, attempt, false, key);
    expect(replay).toEqual(graded);
    const other = await submit(learner, attempt, false);
    expect(other).toEqual({ __typename: 'AttemptAlreadyGraded', attemptId: attempt.id });
    const [row] = await db.query<{ score: number }[]>(
      'SELECT score FROM quiz_attempts WHERE id = $1',
      [attempt.id],
    );
    expect(row?.score).toBe(100);
  });

  it('never shows keys or explanations before the review policy allows (canary)', async () => {
    const learner = await newLearner();
    const before = responses.length;
    const attempt = (await start(learner)).attempt as Attempt;
    await call(learner, SAVE, { id: attempt.id, answer: answersFor(attempt, false)[0] });
    const failed = await submit(learner, attempt, false);
    expect(failed.attempt?.result).toMatchObject({ passed: false, review: null });
    await call(learner, `query { quizAttempt(id: "${attempt.id}") { ${ATTEMPT} } }`);
    await call(learner, '{ myLearning { recentResults { kind title score passed } } }');
    await call(learner, '{ transcript { attempts { quizTitle score passed } } }');
    const seen = responses.slice(before).join('\n');
    expect(seen).not.toContain(CANARY.questionExplanation);
    expect(seen).not.toContain(CANARY.optionExplanation);
    expect(seen).not.toMatch(/"correct(OptionIds)?":/);
  });

  it('limits attempts and enforces the cool-down after a failed one', async () => {
    const learner = await newLearner();
    await submit(learner, (await start(learner)).attempt as Attempt, false);
    const cooling = await start(learner);
    expect(cooling.__typename).toBe('QuizCooldown');
    expect(new Date(cooling.retryAt as string).getTime()).toBeGreaterThan(Date.now() + 29 * 60_000);
    // Thirty minutes later (moved in the data: the clock is the database's).
    await db.query(
      `UPDATE quiz_attempts SET graded_at = graded_at - interval '31 minutes'
        WHERE user_id = $1`,
      [learner.id],
    );
    const second = await start(learner);
    expect(second.__typename).toBe('QuizAttemptStarted');
    await submit(learner, second.attempt as Attempt, false);
    await db.query(
      `UPDATE quiz_attempts SET graded_at = graded_at - interval '31 minutes' WHERE user_id = $1`,
      [learner.id],
    );
    expect(await start(learner)).toEqual({ __typename: 'AttemptLimitReached', attemptsAllowed: 2 });
    // After the last attempt the review opens (after-pass does not; after-last-attempt would).
    const [count] = await db.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM quiz_attempts WHERE user_id = $1',
      [learner.id],
    );
    expect(count?.n).toBe(2);
  });

  it('closes the quiz to people not enrolled in its course', async () => {
    const outsider = await invitePerson(api, org.slug, org.admin, {
      email: 'outsider@quizzes.test',
      displayName: 'Out Sider',
      role: 'LEARNER',
    });
    expect(await start(outsider)).toEqual({ __typename: 'QuizClosed', reason: 'NOT_ENROLLED' });
    const unknown = await call(outsider, START, { quiz: 'no-such-quiz' });
    expect(unknown.errors?.[0]?.extensions?.reason).toBe('CATALOG_NOT_FOUND');
  });

  it('refuses answers after the deadline and grades the attempt as it stood', async () => {
    const learner = await newLearner();
    const attempt = (await start(learner)).attempt as Attempt;
    const [first, ...rest] = answersFor(attempt, true);
    await call(learner, SAVE, { id: attempt.id, answer: first });
    await db.query(
      `UPDATE quiz_attempts SET deadline_at = now() - interval '1 minute' WHERE id = $1`,
      [attempt.id],
    );
    const late = (await call(learner, SAVE, { id: attempt.id, answer: rest[0] })).data
      ?.saveQuizAnswer as Outcome;
    expect(late).toEqual({ __typename: 'QuizDeadlinePassed', attemptId: attempt.id });
    const graded = await submit(learner, attempt, true);
    expect(graded.attempt?.result).toMatchObject({
      gradedBy: 'DEADLINE',
      score: 33,
      passed: false,
    });
    const [row] = await db.query<{ answers: Record<string, string[]> }[]>(
      'SELECT answers FROM quiz_attempts WHERE id = $1',
      [attempt.id],
    );
    expect(Object.keys(row?.answers ?? {})).toEqual([first?.questionId]);
  });

  it('grades an expired attempt when the learner comes back, and a pass there completes the course', async () => {
    const learner = await newLearner();
    const [enrollment] = await db.query<{ id: string }[]>(
      'SELECT id FROM enrollments WHERE user_id = $1',
      [learner.id],
    );
    for (const [lesson, acknowledged] of [
      ['acceptable-use', true],
      ['reporting', null],
    ] as const) {
      const done = await call(
        learner,
        'mutation($input: CompleteLessonInput!) { completeLesson(input: $input) { progress { lessonSlug } } }',
        { input: { enrollmentId: enrollment?.id, lessonSlug: lesson, acknowledged } },
      );
      expect(done.errors).toBeUndefined();
    }
    const attempt = (await start(learner)).attempt as Attempt;
    for (const answer of answersFor(attempt, true)) {
      await call(learner, SAVE, { id: attempt.id, answer });
    }
    await db.query(
      `UPDATE quiz_attempts SET deadline_at = now() - interval '1 minute' WHERE id = $1`,
      [attempt.id],
    );
    expect(await start(learner)).toEqual({ __typename: 'QuizClosed', reason: 'COURSE_COMPLETED' });
    const [row] = await db.query<{ status: string; graded_by: string; passed: boolean }[]>(
      'SELECT a.graded_by, a.passed, e.status FROM quiz_attempts a JOIN enrollments e ON e.id = a.enrollment_id WHERE a.id = $1',
      [attempt.id],
    );
    expect(row).toEqual({ graded_by: 'deadline', passed: true, status: 'completed' });
  });

  it('grades expired attempts in the worker', async () => {
    const learner = await newLearner();
    const attempt = (await start(learner)).attempt as Attempt;
    await db.query(
      `UPDATE quiz_attempts SET deadline_at = now() - interval '1 minute' WHERE id = $1`,
      [attempt.id],
    );
    let worker: INestApplicationContext | undefined;
    try {
      worker = await startTestWorker({ QUIZ_EXPIRY_SWEEP_MS: '200' });
      await waitFor(async () => {
        const [row] = await db.query<{ status: string }[]>(
          'SELECT status FROM quiz_attempts WHERE id = $1',
          [attempt.id],
        );
        return row?.status === 'graded';
      }, 'the expired attempt to be graded');
    } finally {
      await worker?.close();
    }
    const view = await call(learner, `query { quizAttempt(id: "${attempt.id}") { ${ATTEMPT} } }`);
    expect((view.data?.quizAttempt as unknown as Attempt).result).toMatchObject({
      gradedBy: 'DEADLINE',
      score: 0,
    });
    expect(await submit(learner, attempt, true)).toEqual({
      __typename: 'AttemptAlreadyGraded',
      attemptId: attempt.id,
    });
  });

  it('grades an attempt exactly once under 50 parallel submissions', async () => {
    const learner = await newLearner();
    const attempt = (await start(learner)).attempt as Attempt;
    const key = randomUUID();
    const sameKey = await Promise.all(
      Array.from({ length: 25 }, () => submit(learner, attempt, true, key)),
    );
    const otherKeys = await Promise.all(
      Array.from({ length: 25 }, () => submit(learner, attempt, true)),
    );
    // Every retry with the key gets the one grade; every other submission is turned away.
    for (const outcome of sameKey) expect(outcome).toEqual(sameKey[0]);
    expect(sameKey[0]?.__typename).toBe('QuizAttemptGraded');
    expect(otherKeys.every((outcome) => outcome.__typename === 'AttemptAlreadyGraded')).toBe(true);

    const learner2 = await newLearner();
    const attempt2 = (await start(learner2)).attempt as Attempt;
    const racing = await Promise.all(
      Array.from({ length: 50 }, () => submit(learner2, attempt2, true)),
    );
    expect(racing.filter((outcome) => outcome.__typename === 'QuizAttemptGraded')).toHaveLength(1);
    expect(racing.filter((outcome) => outcome.__typename === 'AttemptAlreadyGraded')).toHaveLength(
      49,
    );
    // One grade: the course completed once, one certificate (the lessons are not done yet, so
    // none) and one graded row.
    const [row] = await db.query<{ graded: number }[]>(
      `SELECT count(*)::int AS graded FROM quiz_attempts WHERE user_id = $1 AND status = 'graded'`,
      [learner2.id],
    );
    expect(row?.graded).toBe(1);
  });
});
