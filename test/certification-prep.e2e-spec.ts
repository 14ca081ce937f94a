import { randomUUID } from 'node:crypto';
import {
  ManualClock,
  PREP_CANARY,
  importCertificationPrepFixture,
  invitePerson,
  rightPrepOption,
  seedOrganization,
  startTestApi,
  type SeededOrganization,
  type SignedInPerson,
  type TestApi,
} from '@academy/testing';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const QUESTION = 'id domain type stem options { id text }';
const REVIEWED = `questionId domain chosenOptionIds correct correctOptionIds explanation
  options { id text correct explanation }`;
const EXAM = `id trackSlug trackTitle status startedAt deadlineAt
  questions { ${QUESTION} chosenOptionIds }
  result { score passed passingScore gradedBy domains { domain title questions correct score }
           review { ${REVIEWED} } }`;

interface ExamQuestion {
  id: string;
  domain: string;
  options: { id: string }[];
  chosenOptionIds: string[];
}
interface Exam {
  id: string;
  status: string;
  deadlineAt: string;
  questions: ExamQuestion[];
  result: {
    score: number;
    passed: boolean;
    passingScore: number;
    gradedBy: string;
    domains: { domain: string; title: string; questions: number; correct: number; score: number }[];
    review: { questionId: string; correct: boolean; explanation: string }[];
  } | null;
}
interface Feedback {
  correct: boolean;
  correctOptionIds: string[];
  explanation: string;
  nextReviewAt: string | null;
}

const DAY = 86_400_000;

describe('certification prep', () => {
  const clock = new ManualClock();
  let api: TestApi;
  let org: SeededOrganization;
  let otherOrg: SeededOrganization;
  let db: DataSource;
  let counter = 0;

  const call = async <T = Record<string, unknown>>(
    person: SignedInPerson,
    query: string,
    variables?: Record<string, unknown>,
  ) => {
    const response = await api.graphql<Record<string, T>>(query, variables, person.auth);
    return { ...response.body, raw: JSON.stringify(response.body) };
  };
  const codeOf = (body: { errors?: { extensions?: Record<string, unknown> }[] }) =>
    body.errors?.[0]?.extensions?.reason ?? body.errors?.[0]?.extensions?.code;
  const newLearner = async (organization = org) => {
    counter += 1;
    return invitePerson(api, organization.slug, organization.admin, {
      email: `prep-learner-${counter}@prep.test`,
      displayName: `Prep Learner ${counter}`,
      role: 'LEARNER',
    });
  };
  const startExam = async (person: SignedInPerson) => {
    const body = await call<Exam>(
      person,
      `mutation { startMockExam(trackSlug: "e2e-prep") { ${EXAM} } }`,
    );
    expect(body.errors).toBeUndefined();
    return { exam: body.data?.startMockExam as Exam, raw: body.raw };
  };
  const answers = (exam: Exam, right: (question: ExamQuestion) => boolean) =>
    exam.questions.map((question) => ({
      questionId: question.id,
      optionIds: [
        right(question)
          ? rightPrepOption(question.id)
          : (question.options.find((option) => option.id !== rightPrepOption(question.id))
              ?.id as string),
      ],
    }));
  const submit = (
    person: SignedInPerson,
    examId: string,
    given: { questionId: string; optionIds: string[] }[],
    idempotencyKey: string = randomUUID(),
  ) =>
    call<Exam>(
      person,
      `mutation S($input: SubmitMockExamInput!) { submitMockExam(input: $input) { ${EXAM} } }`,
      { input: { examId, answers: given, idempotencyKey } },
    );
  const examRow = async (id: string) =>
    (
      await db.query<{ status: string; answers: Record<string, string[]> }[]>(
        'SELECT status, answers FROM mock_exams WHERE id = $1',
        [id],
      )
    )[0];

  beforeAll(async () => {
    clock.reset();
    api = await startTestApi({}, undefined, clock);
    db = api.app.get(DataSource);
    org = await seedOrganization(api, 'prep-a');
    otherOrg = await seedOrganization(api, 'prep-b');
    await importCertificationPrepFixture(api);
  });

  afterAll(async () => {
    await api.close();
  });

  describe('mock exams', () => {
    it('draws by the blueprint weights without repeats, shows no answer key, and resumes', async () => {
      const learner = await newLearner();
      const { exam, raw } = await startExam(learner);
      expect(exam.status).toBe('IN_PROGRESS');
      expect(exam.questions).toHaveLength(5);
      expect(new Set(exam.questions.map((question) => question.id)).size).toBe(5);
      expect(exam.questions.filter((question) => question.domain === 'alpha')).toHaveLength(3);
      expect(exam.questions.filter((question) => question.domain === 'beta')).toHaveLength(2);
      expect(exam.result).toBeNull();
      expect(raw).not.toContain(PREP_CANARY);
      expect(Date.parse(exam.deadlineAt) - clock.now().getTime()).toBeGreaterThan(29 * 60_000);

      const again = await startExam(learner);
      expect(again.exam.id).toBe(exam.id);
      const read = await call(learner, `{ mockExam(id: "${exam.id}") { ${EXAM} } }`);
      expect(read.errors).toBeUndefined();
      expect(read.raw).not.toContain(PREP_CANARY);
    });

    it('opens one exam for ten concurrent starts by one person, each of them resuming it', async () => {
      const learner = await newLearner();
      const starts = await Promise.all(Array.from({ length: 10 }, () => startExam(learner)));
      expect(new Set(starts.map((started) => started.exam.id)).size).toBe(1);
      const [open] = await db.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM mock_exams WHERE user_id = $1 AND status = 'in-progress'`,
        [learner.id],
      );
      expect(open?.n).toBe(1);
    });

    it('grades once with a per-domain breakdown and pass or fail; a retry gets the same result', async () => {
      const learner = await newLearner();
      const { exam } = await startExam(learner);
      const key = randomUUID();
      // Every alpha question right, every beta one wrong: 3 of 5 = 60 %, which passes at 60 %.
      const given = answers(exam, (question) => question.domain === 'alpha');
      const graded = await submit(learner, exam.id, given, key);
      expect(graded.errors).toBeUndefined();
      const result = graded.data?.submitMockExam?.result;
      expect(result).toMatchObject({
        score: 60,
        passed: true,
        passingScore: 60,
        gradedBy: 'SUBMISSION',
      });
      expect(result?.domains).toEqual([
        { domain: 'alpha', title: 'Alpha governance', questions: 3, correct: 3, score: 100 },
        { domain: 'beta', title: 'Beta operations', questions: 2, correct: 0, score: 0 },
      ]);
      expect(result?.review.every((question) => question.explanation.includes(PREP_CANARY))).toBe(
        true,
      );

      const replay = await submit(learner, exam.id, given, key);
      expect(replay.data?.submitMockExam?.result?.score).toBe(60);
      const second = await submit(
        learner,
        exam.id,
        answers(exam, () => true),
      );
      expect(codeOf(second)).toBe('CERT_PREP_ALREADY_GRADED');
      expect((await examRow(exam.id))?.status).toBe('graded');
    });

    it('grades once when twenty submissions of one exam arrive at once, each caller told the outcome', async () => {
      const learner = await newLearner();
      const { exam } = await startExam(learner);
      // Beta wrong: its two questions become review cards, once each if graded once.
      const given = answers(exam, (question) => question.domain === 'alpha');
      // Half retry one key (a client's retries), half are separate submissions (other tabs).
      const shared = randomUUID();
      const keys = Array.from({ length: 20 }, (_, index) =>
        index % 2 === 0 ? shared : randomUUID(),
      );
      const bodies = await Promise.all(keys.map((key) => submit(learner, exam.id, given, key)));

      const [stored] = await db.query<{ status: string; submission_key: string; score: number }[]>(
        'SELECT status, submission_key, score FROM mock_exams WHERE id = $1',
        [exam.id],
      );
      expect(stored).toMatchObject({ status: 'graded', score: 60 });
      const winners = bodies.filter((_, index) => keys[index] === stored?.submission_key);
      const others = bodies.filter((_, index) => keys[index] !== stored?.submission_key);
      expect(winners.length).toBeGreaterThan(0);
      // Every caller with the key that graded it gets that one grade; every other is told the
      // exam is graded, and nobody gets anything else.
      const grades = new Set(winners.map((body) => JSON.stringify(body.data?.submitMockExam)));
      expect(winners.map((body) => body.errors)).toEqual(winners.map(() => undefined));
      expect(grades.size).toBe(1);
      expect(winners[0]?.data?.submitMockExam?.result).toMatchObject({ score: 60 });
      expect(others.map(codeOf)).toEqual(others.map(() => 'CERT_PREP_ALREADY_GRADED'));

      const evidence = await db.query<{ question_slug: string }[]>(
        'SELECT question_slug FROM prep_answers WHERE session_id = $1',
        [exam.id],
      );
      expect(evidence).toHaveLength(5);
      const cards = await db.query<{ question_slug: string; reps: number }[]>(
        'SELECT question_slug, reps FROM review_cards WHERE user_id = $1 ORDER BY question_slug',
        [learner.id],
      );
      expect(cards).toEqual(
        exam.questions
          .filter((question) => question.domain === 'beta')
          .map((question) => ({ question_slug: question.id, reps: 1 }))
          .sort((a, b) => a.question_slug.localeCompare(b.question_slug)),
      );
    });

    it('fails below the passing score', async () => {
      const learner = await newLearner();
      const { exam } = await startExam(learner);
      const graded = await submit(
        learner,
        exam.id,
        answers(exam, () => false),
      );
      expect(graded.data?.submitMockExam?.result).toMatchObject({ score: 0, passed: false });
    });

    it('draws questions the learner has not seen before those they have', async () => {
      const learner = await newLearner();
      const first = (await startExam(learner)).exam;
      await submit(
        learner,
        first.id,
        answers(first, () => true),
      );
      const second = (await startExam(learner)).exam;
      const seen = new Set(first.questions.map((question) => question.id));
      // The bank holds 6 alpha and 4 beta questions: exactly 3 and 2 were left unseen.
      expect(second.questions.filter((question) => seen.has(question.id))).toEqual([]);
    });

    it('keeps time on the server: after the deadline only answers saved in time count', async () => {
      const learner = await newLearner();
      const { exam } = await startExam(learner);
      const [first] = answers(exam, () => true);
      const saved = await call<Exam>(
        learner,
        `mutation S($input: SaveMockExamAnswerInput!) { saveMockExamAnswer(input: $input) { id questions { id chosenOptionIds } } }`,
        { input: { examId: exam.id, answer: first } },
      );
      expect(saved.errors).toBeUndefined();
      clock.set(new Date(Date.parse(exam.deadlineAt) + 5_000));
      try {
        const late = await call(
          learner,
          `mutation S($input: SaveMockExamAnswerInput!) { saveMockExamAnswer(input: $input) { id } }`,
          { input: { examId: exam.id, answer: first } },
        );
        expect(codeOf(late)).toBe('CERT_PREP_DEADLINE_PASSED');
        const graded = await submit(
          learner,
          exam.id,
          answers(exam, () => true),
        );
        expect(graded.data?.submitMockExam?.result).toMatchObject({
          gradedBy: 'DEADLINE',
          score: 20,
          passed: false,
        });
      } finally {
        clock.reset();
      }
    });

    it('refuses bad input with a clear error and changes nothing', async () => {
      const learner = await newLearner();
      const { exam } = await startExam(learner);
      const question = exam.questions[0] as ExamQuestion;
      const cases: [{ questionId: string; optionIds: string[] }[], string, string][] = [
        [[{ questionId: 'not-in-exam', optionIds: ['a'] }], randomUUID(), 'is not in this exam'],
        [[{ questionId: question.id, optionIds: ['z'] }], randomUUID(), 'are not its options'],
        [[{ questionId: question.id, optionIds: ['a', 'b'] }], randomUUID(), 'exactly one option'],
        [[{ questionId: question.id, optionIds: ['a'] }], 'short', 'idempotency'],
      ];
      for (const [given, key, message] of cases) {
        const body = await submit(learner, exam.id, given, key);
        expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
        expect(body.errors?.[0]?.message).toContain(message);
      }
      const notAnId = await call(learner, '{ mockExam(id: "not-a-uuid") { id } }');
      expect(notAnId.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      const notPrep = await call(
        learner,
        'mutation { startMockExam(trackSlug: "essentials") { id } }',
      );
      expect(codeOf(notPrep)).toBe('CERT_PREP_NOT_A_PREP_TRACK');
      expect(await examRow(exam.id)).toEqual({ status: 'in-progress', answers: {} });
    });

    it("answers another person's or organization's exam like one that does not exist", async () => {
      const owner = await newLearner();
      const { exam } = await startExam(owner);
      for (const stranger of [await newLearner(), await newLearner(otherOrg), otherOrg.admin]) {
        const read = await call(stranger, `{ mockExam(id: "${exam.id}") { id } }`);
        expect(codeOf(read)).toBe('CERT_PREP_NOT_FOUND');
        const submitted = await submit(stranger, exam.id, []);
        expect(codeOf(submitted)).toBe('CERT_PREP_NOT_FOUND');
      }
      expect((await examRow(exam.id))?.status).toBe('in-progress');
    });
  });

  describe('readiness', () => {
    const READINESS = `query R($track: String!) { readiness(trackSlug: $track) {
      trackSlug passingScore expectedScore scoreUncertainty passProbability
      domains { domain title answered correct estimate uncertainty low high }
      trend { at expectedScore passProbability } } }`;
    interface ReadinessResult {
      passProbability: number;
      expectedScore: number;
      domains: { domain: string; answered: number; correct: number; estimate: number }[];
      trend: { passProbability: number }[];
    }

    it('starts at 50 % per domain and moves with the answer history', async () => {
      const learner = await newLearner();
      const before = (await call<ReadinessResult>(learner, READINESS, { track: 'e2e-prep' })).data
        ?.readiness as ReadinessResult;
      expect(before.domains.map((domain) => domain.estimate)).toEqual([0.5, 0.5]);
      expect(before.trend).toHaveLength(8);

      const { exam } = await startExam(learner);
      await submit(
        learner,
        exam.id,
        answers(exam, (question) => question.domain === 'alpha'),
      );
      const after = (await call<ReadinessResult>(learner, READINESS, { track: 'e2e-prep' })).data
        ?.readiness as ReadinessResult;
      // alpha: 3 of 3 right, Beta(4, 1); beta: 0 of 2, Beta(1, 3).
      expect(after.domains).toMatchObject([
        { domain: 'alpha', answered: 3, correct: 3, estimate: 0.8 },
        { domain: 'beta', answered: 2, correct: 0, estimate: 0.25 },
      ]);
      expect(after.expectedScore).toBeCloseTo((3 * 0.8 + 2 * 0.25) / 5, 10);
      expect(after.trend.at(-1)?.passProbability).toBe(after.passProbability);
      expect(after.trend[0]?.passProbability).toBe(before.passProbability);
    });
  });

  describe('study plan', () => {
    const PLAN = `query P($track: String!, $examOn: DateTime!) { studyPlan(trackSlug: $track, examOn: $examOn) {
      trackSlug weeksLeft passProbability targets { domain title estimate totalQuestions questionsPerWeek } } }`;
    interface Plan {
      weeksLeft: number;
      targets: { domain: string; totalQuestions: number; questionsPerWeek: number }[];
    }
    const planOf = async (person: SignedInPerson, examOn: Date) => {
      const body = await call<Plan>(person, PLAN, {
        track: 'e2e-prep',
        examOn: examOn.toISOString(),
      });
      expect(body.errors).toBeUndefined();
      return body.data?.studyPlan as Plan;
    };
    const targets = (plan: Plan) =>
      plan.targets.map(({ domain, totalQuestions, questionsPerWeek }) => ({
        domain,
        totalQuestions,
        questionsPerWeek,
      }));

    it('sets weekly targets per domain to the exam date and adjusts them as readiness changes', async () => {
      const learner = await newLearner();
      const examOn = new Date(clock.now().getTime() + 4 * 7 * DAY - DAY);
      const fresh = await planOf(learner, examOn);
      expect(fresh.weeksLeft).toBe(4);
      // Nothing known: twice each domain's exam questions (3 and 2), over 4 weeks.
      expect(targets(fresh)).toEqual([
        { domain: 'alpha', totalQuestions: 6, questionsPerWeek: 2 },
        { domain: 'beta', totalQuestions: 4, questionsPerWeek: 1 },
      ]);

      const { exam } = await startExam(learner);
      await submit(
        learner,
        exam.id,
        answers(exam, (question) => question.domain === 'alpha'),
      );
      // alpha now 0.8 (less to do), beta 0.25 (more to do).
      expect(targets(await planOf(learner, examOn))).toEqual([
        { domain: 'alpha', totalQuestions: 3, questionsPerWeek: 1 },
        { domain: 'beta', totalQuestions: 6, questionsPerWeek: 2 },
      ]);
    });

    it('refuses an exam date that has passed', async () => {
      const learner = await newLearner();
      const body = await call(learner, PLAN, {
        track: 'e2e-prep',
        examOn: new Date(clock.now().getTime() - DAY).toISOString(),
      });
      expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(body.errors?.[0]?.message).toContain('must be in the future');
    });
  });

  describe('practice and spaced repetition', () => {
    const START = `mutation P($input: StartPracticeSessionInput!) { startPracticeSession(input: $input) {
      id mode trackSlug questions { ${QUESTION} } } }`;
    const ANSWER = `mutation A($input: AnswerPracticeQuestionInput!) { answerPracticeQuestion(input: $input) {
      ${REVIEWED} nextReviewAt } }`;
    const QUEUE = `{ reviewQueue(trackSlug: "e2e-prep", first: 10) { totalCount
      edges { cursor node { id questionId domain dueAt lapses reviews } } pageInfo { hasNextPage } } }`;
    interface Session {
      id: string;
      questions: { id: string; domain: string }[];
    }
    interface Queue {
      totalCount: number;
      edges: { node: { questionId: string; dueAt: string } }[];
    }

    const start = async (person: SignedInPerson, mode: string) =>
      call<Session>(person, START, { input: { trackSlug: 'e2e-prep', mode } });
    const answer = async (
      person: SignedInPerson,
      sessionId: string,
      questionId: string,
      right: boolean,
      confidence: string | null,
    ) =>
      call<Feedback>(person, ANSWER, {
        input: {
          sessionId,
          questionId,
          optionIds: [
            right ? rightPrepOption(questionId) : rightPrepOption(questionId) === 'a' ? 'b' : 'a',
          ],
          confidence,
        },
      });
    const queue = async (person: SignedInPerson) =>
      (await call<Queue>(person, QUEUE)).data?.reviewQueue as Queue;

    it('gives immediate feedback, schedules missed and unsure questions, and reviews them when due', async () => {
      const learner = await newLearner();
      const started = await start(learner, 'ADAPTIVE');
      expect(started.errors).toBeUndefined();
      expect(started.raw).not.toContain(PREP_CANARY);
      const session = started.data?.startPracticeSession as Session;
      // Nothing known yet: 10 seats split 60/40 over the 6 alpha and 4 beta questions.
      expect(session.questions).toHaveLength(10);
      const [missed, known, unsure] = session.questions.map((question) => question.id) as [
        string,
        string,
        string,
      ];

      const wrong = await answer(learner, session.id, missed, false, 'HIGH');
      const feedback = wrong.data?.answerPracticeQuestion as Feedback;
      expect(feedback).toMatchObject({
        correct: false,
        correctOptionIds: [rightPrepOption(missed)],
      });
      expect(feedback.explanation).toContain(PREP_CANARY);
      expect(Date.parse(feedback.nextReviewAt as string) - clock.now().getTime()).toBeGreaterThan(
        DAY - 60_000,
      );
      const right = (await answer(learner, session.id, known, true, 'HIGH')).data
        ?.answerPracticeQuestion as Feedback;
      expect(right).toMatchObject({ correct: true, nextReviewAt: null });
      const lucky = (await answer(learner, session.id, unsure, true, 'LOW')).data
        ?.answerPracticeQuestion as Feedback;
      expect(lucky.nextReviewAt).not.toBeNull();

      const twice = await answer(learner, session.id, missed, true, 'HIGH');
      expect(codeOf(twice)).toBe('CERT_PREP_ALREADY_ANSWERED');
      expect(await queue(learner)).toMatchObject({ totalCount: 0 });
      const nothingDue = await start(learner, 'REVIEW');
      expect(codeOf(nothingDue)).toBe('CERT_PREP_NOTHING_TO_PRACTISE');

      clock.set(new Date(Date.now() + 2 * DAY));
      try {
        const due = await queue(learner);
        expect(due.totalCount).toBe(2);
        expect(due.edges.map((edge) => edge.node.questionId).sort()).toEqual(
          [missed, unsure].sort(),
        );
        const page = `query Q($after: String) { reviewQueue(trackSlug: "e2e-prep", first: 1, after: $after) {
          totalCount edges { node { questionId } } pageInfo { hasNextPage endCursor } } }`;
        type Page = {
          totalCount: number;
          edges: { node: { questionId: string } }[];
          pageInfo: { hasNextPage: boolean; endCursor: string };
        };
        const first = (await call<Page>(learner, page)).data?.reviewQueue as Page;
        expect(first).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true } });
        const second = (await call<Page>(learner, page, { after: first.pageInfo.endCursor })).data
          ?.reviewQueue as Page;
        expect(second.pageInfo.hasNextPage).toBe(false);
        // A forged cursor is bad input, not a failed cast in SQL.
        const forged = Buffer.from(JSON.stringify(['x', 'y'])).toString('base64url');
        expect(codeOf(await call(learner, page, { after: forged }))).toBe(
          'PAGINATION_INVALID_CURSOR',
        );
        expect(
          [...first.edges, ...second.edges].map((edge) => edge.node.questionId).sort(),
        ).toEqual(due.edges.map((edge) => edge.node.questionId).sort());
        const review = (await start(learner, 'REVIEW')).data?.startPracticeSession as Session;
        expect(review.questions.map((question) => question.id).sort()).toEqual(
          [missed, unsure].sort(),
        );
        const remembered = (await answer(learner, review.id, missed, true, 'HIGH')).data
          ?.answerPracticeQuestion as Feedback;
        // The interval grew: the next review is further out than the first one-day interval.
        expect(
          Date.parse(remembered.nextReviewAt as string) - clock.now().getTime(),
        ).toBeGreaterThan(DAY + 60_000);
        expect(await queue(learner)).toMatchObject({ totalCount: 1 });
      } finally {
        clock.reset();
      }
    });

    it('leaves a question retired from the bank out of the review queue, its count and review practice', async () => {
      const learner = await newLearner();
      const session = (await start(learner, 'ADAPTIVE')).data?.startPracticeSession as Session;
      const [retired, kept] = session.questions.map((question) => question.id) as [string, string];
      for (const question of [retired, kept]) {
        expect((await answer(learner, session.id, question, false, 'HIGH')).errors).toBeUndefined();
      }
      await importCertificationPrepFixture(api, [retired]);
      clock.set(new Date(Date.now() + 2 * DAY));
      try {
        const due = await queue(learner);
        expect(due.totalCount).toBe(1);
        expect(due.edges.map((edge) => edge.node.questionId)).toEqual([kept]);
        const review = (await start(learner, 'REVIEW')).data?.startPracticeSession as Session;
        expect(review.questions.map((question) => question.id)).toEqual([kept]);

        // Back in the bank, the question is due again on the schedule it had.
        await importCertificationPrepFixture(api);
        expect(await queue(learner)).toMatchObject({ totalCount: 2 });
      } finally {
        clock.reset();
        await importCertificationPrepFixture(api);
      }
    });

    it('applies first answers to one question given at once (several tabs) one after the other', async () => {
      const learner = await newLearner();
      // Nothing known yet, so every adaptive session holds all ten bank questions.
      const sessions = await Promise.all(
        Array.from(
          { length: 8 },
          async () => (await start(learner, 'ADAPTIVE')).data?.startPracticeSession as Session,
        ),
      );
      const question = sessions[0]?.questions[0]?.id as string;
      const given = await Promise.all(
        sessions.map((session) => answer(learner, session.id, question, false, 'HIGH')),
      );
      expect(given.map((body) => body.errors)).toEqual(given.map(() => undefined));
      // One card, reviewed by every answer: none was lost to another creating it at once.
      const cards = await db.query<{ question_slug: string; reps: number }[]>(
        'SELECT question_slug, reps FROM review_cards WHERE user_id = $1',
        [learner.id],
      );
      expect(cards).toEqual([{ question_slug: question, reps: sessions.length }]);
    });

    it('waits while a mock exam of the track is open, since its feedback would give the exam away', async () => {
      const learner = await newLearner();
      const session = (await start(learner, 'ADAPTIVE')).data?.startPracticeSession as Session;
      const { exam } = await startExam(learner);
      const during = await answer(learner, session.id, exam.questions[0]?.id ?? '', true, null);
      expect(codeOf(during)).toBe('CERT_PREP_EXAM_IN_PROGRESS');
      expect(during.raw).not.toContain(PREP_CANARY);
      expect(codeOf(await start(learner, 'ADAPTIVE'))).toBe('CERT_PREP_EXAM_IN_PROGRESS');

      expect(
        (
          await submit(
            learner,
            exam.id,
            answers(exam, () => true),
          )
        ).errors,
      ).toBeUndefined();
      const [first] = session.questions;
      const after = await answer(learner, session.id, first?.id ?? '', true, null);
      expect(after.errors).toBeUndefined();
    });

    it('favours the weak domain once the history shows one', async () => {
      const learner = await newLearner();
      const { exam } = await startExam(learner);
      // Alpha all right, beta all wrong: beta's points at stake outweigh alpha's despite its weight.
      await submit(
        learner,
        exam.id,
        answers(exam, (question) => question.domain === 'alpha'),
      );
      const session = (await start(learner, 'ADAPTIVE')).data?.startPracticeSession as Session;
      const beta = session.questions.filter((question) => question.domain === 'beta').length;
      expect(beta).toBe(4);
    });

    it('refuses bad practice input with a clear error and records nothing', async () => {
      const learner = await newLearner();
      const session = (await start(learner, 'ADAPTIVE')).data?.startPracticeSession as Session;
      const question = session.questions[0]?.id as string;
      const foreign = await answer(learner, session.id, 'nowhere-q1', true, null);
      expect(foreign.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      const badMode = await call(learner, START, {
        input: { trackSlug: 'e2e-prep', mode: 'EASY' },
      });
      expect(badMode.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      const tooMany = await call(learner, ANSWER, {
        input: { sessionId: session.id, questionId: question, optionIds: ['a', 'b'] },
      });
      expect(tooMany.errors?.[0]?.message).toContain('exactly one option');
      const stranger = await answer(await newLearner(otherOrg), session.id, question, true, null);
      expect(codeOf(stranger)).toBe('CERT_PREP_NOT_FOUND');
      const [recorded] = await db.query<{ n: number }[]>(
        'SELECT count(*)::int AS n FROM prep_answers WHERE session_id = $1',
        [session.id],
      );
      expect(recorded?.n).toBe(0);
    });
  });
});
