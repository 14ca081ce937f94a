import type { INestApplicationContext } from '@nestjs/common';
import { PracticeNudges } from '@academy/certification-prep';
import {
  ManualClock,
  importCertificationPrepFixture,
  invitePerson,
  rightPrepOption,
  seedOrganization,
  startSmtpSink,
  startTestApi,
  startTestWorker,
  waitFor,
  type SeededOrganization,
  type SignedInPerson,
  type SmtpSink,
  type TestApi,
} from '@academy/testing';
import { DataSource } from 'typeorm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

const DAY = 86_400_000;
const NUDGE = 'practice questions due for review';

/** The first Wednesday at least two days from now, at `time` UTC (the organization's zone). */
function nextWednesdayAt(time: string): Date {
  const day = new Date(Date.now() + 2 * DAY);
  while (day.getUTCDay() !== 3) day.setTime(day.getTime() + DAY);
  return new Date(`${day.toISOString().slice(0, 10)}T${time}:00Z`);
}

/**
 * Certification prep's worker jobs. The daily practice nudge: people with reviews due are handed
 * to the reminder planner, which adds a line to the daily digest of those who opted in, under
 * the default reminder policy (sent at 09:00, quiet hours 20:00-08:00, Monday to Friday, UTC).
 * The expiry sweep: mock exams left open past their deadline are graded.
 */
describe('certification prep in the worker', () => {
  const clock = new ManualClock();
  let smtp: SmtpSink;
  let api: TestApi;
  let worker: INestApplicationContext;
  let org: SeededOrganization;
  let db: DataSource;
  let counter = 0;

  const gql = async (
    person: SignedInPerson,
    query: string,
    variables?: Record<string, unknown>,
  ) => {
    const { body } = await api.graphql(query, variables, person.auth);
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    return body.data as Record<string, unknown>;
  };
  const newLearner = async () => {
    counter += 1;
    return invitePerson(api, org.slug, org.admin, {
      email: `nudged-${counter}@nudge.test`,
      displayName: `Nudged Learner ${counter}`,
      role: 'LEARNER',
    });
  };
  const choose = (person: SignedInPerson, on: boolean) =>
    gql(
      person,
      `mutation P($input: NotificationPreferenceInput!) { setNotificationPreference(input: $input) { kind } }`,
      { input: { kind: 'PRACTICE_REVIEWS_DUE', email: on, inApp: on } },
    );
  /** Misses one practice question, so it is due for review a day later; returns the question. */
  const missOne = async (person: SignedInPerson) => {
    const started = await gql(
      person,
      'mutation { startPracticeSession(input: { trackSlug: "e2e-prep", mode: ADAPTIVE }) { id questions { id } } }',
    );
    const session = started.startPracticeSession as { id: string; questions: { id: string }[] };
    const question = session.questions[0]?.id as string;
    await gql(
      person,
      `mutation A($input: AnswerPracticeQuestionInput!) { answerPracticeQuestion(input: $input) { correct } }`,
      {
        input: {
          sessionId: session.id,
          questionId: question,
          optionIds: [rightPrepOption(question) === 'a' ? 'b' : 'a'],
        },
      },
    );
    return question;
  };
  /** Answers every review due right and surely, so none is due any more. */
  const clearReviews = async (person: SignedInPerson) => {
    const started = await gql(
      person,
      'mutation { startPracticeSession(input: { trackSlug: "e2e-prep", mode: REVIEW }) { id questions { id } } }',
    );
    const session = started.startPracticeSession as { id: string; questions: { id: string }[] };
    for (const { id } of session.questions) {
      await gql(
        person,
        `mutation A($input: AnswerPracticeQuestionInput!) { answerPracticeQuestion(input: $input) { correct } }`,
        {
          input: {
            sessionId: session.id,
            questionId: id,
            optionIds: [rightPrepOption(id)],
            confidence: 'HIGH',
          },
        },
      );
    }
    const queue = await gql(person, '{ reviewQueue(trackSlug: "e2e-prep") { totalCount } }');
    expect(queue.reviewQueue).toEqual({ totalCount: 0 });
  };
  /** Digest emails received by `person` (their invitation came by email too). */
  const emailsTo = (person: SignedInPerson) =>
    smtp.received.filter(
      (email) =>
        email.to.includes(person.email.toLowerCase()) && email.raw.includes('Training reminder'),
    );
  const nudgesOf = (person: SignedInPerson) =>
    db.query<{ send_on: string; status: string }[]>(
      `SELECT to_char(send_on, 'YYYY-MM-DD') AS send_on, status FROM reminders
        WHERE recipient_id = $1 AND kind = 'practice-reviews-due' ORDER BY send_on`,
      [person.id],
    );
  const advanceTo = async (instant: Date) => {
    clock.set(instant);
    // The relay polls every 100 ms.
    await new Promise((resolve) => setTimeout(resolve, 600));
  };

  beforeAll(async () => {
    smtp = await startSmtpSink();
    const overrides = {
      SMTP_URL: smtp.url,
      OUTBOX_RELAY_INTERVAL_MS: '100',
      QUIZ_EXPIRY_SWEEP_MS: '200',
    };
    api = await startTestApi(overrides, undefined, clock);
    worker = await startTestWorker(overrides, undefined, clock);
    db = api.app.get(DataSource);
    await importCertificationPrepFixture(api);
    org = await seedOrganization(api, 'nudge');
  });

  afterEach(() => {
    clock.reset();
  });

  afterAll(async () => {
    await worker.close();
    await api.close();
    await smtp.close();
  });

  it('joins the next morning digest of learners who opted in, once a day, and never of others', async () => {
    const optedIn = await newLearner();
    const silent = await newLearner();
    await choose(optedIn, true);
    await missOne(optedIn);
    await missOne(silent);
    const wednesday = nextWednesdayAt('07:00');
    const today = wednesday.toISOString().slice(0, 10);

    // Quiet hours until 08:00 and the digest at 09:00: planned, but nothing goes out yet.
    await advanceTo(wednesday);
    expect(await worker.get(PracticeNudges).planDue()).toBe(1);
    expect(await nudgesOf(optedIn)).toEqual([{ send_on: today, status: 'pending' }]);
    expect(await nudgesOf(silent)).toEqual([]);
    await advanceTo(new Date(wednesday.getTime() + 30 * 60_000));
    expect(emailsTo(optedIn)).toHaveLength(0);

    await advanceTo(new Date(wednesday.getTime() + 2 * 3_600_000 + 60_000));
    await waitFor(() => emailsTo(optedIn).length === 1, 'the digest with the nudge');
    expect(emailsTo(optedIn)[0]?.raw).toContain(NUDGE);
    const inbox = await gql(optedIn, '{ myNotifications { edges { node { summary link } } } }');
    expect(JSON.stringify(inbox)).toContain(NUDGE);
    expect(await nudgesOf(optedIn)).toEqual([{ send_on: today, status: 'sent' }]);

    // Running again the same day plans tomorrow's digest, not a second message today.
    await advanceTo(new Date(wednesday.getTime() + 3 * 3_600_000));
    expect(await worker.get(PracticeNudges).planDue()).toBe(1);
    expect(await worker.get(PracticeNudges).planDue()).toBe(0);
    const thursday = new Date(wednesday.getTime() + DAY).toISOString().slice(0, 10);
    expect((await nudgesOf(optedIn)).map((nudge) => nudge.send_on)).toEqual([today, thursday]);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(emailsTo(optedIn)).toHaveLength(1);
    expect(emailsTo(silent)).toHaveLength(0);
  });

  it('holds a digest that comes due in quiet hours until they end', async () => {
    const learner = await newLearner();
    await choose(learner, true);
    await missOne(learner);
    const morning = nextWednesdayAt('06:00');
    await advanceTo(morning);
    await worker.get(PracticeNudges).planDue();
    expect((await nudgesOf(learner)).map((nudge) => nudge.status)).toEqual(['pending']);
    // Nothing reaches the worker until 21:00 (as if it had been down all day): quiet hours.
    await advanceTo(new Date(morning.getTime() + 15 * 3_600_000));
    expect(emailsTo(learner)).toHaveLength(0);
    // Quiet hours end at 08:00 the next (working) day.
    await advanceTo(new Date(morning.getTime() + DAY + 2 * 3_600_000 + 60_000));
    await waitFor(() => emailsTo(learner).length === 1, 'the digest after quiet hours');
    expect(emailsTo(learner)[0]?.raw).toContain(NUDGE);
  });

  it.each([
    ['opted out', (learner: SignedInPerson) => choose(learner, false)],
    ['cleared their reviews', (learner: SignedInPerson) => clearReviews(learner)],
  ])('sends nothing to a learner who %s after the nudge was planned', async (_, change) => {
    const learner = await newLearner();
    await choose(learner, true);
    await missOne(learner);
    const morning = nextWednesdayAt('06:00');
    await advanceTo(morning);
    await worker.get(PracticeNudges).planDue();
    expect((await nudgesOf(learner)).map((nudge) => nudge.status)).toEqual(['pending']);
    await change(learner);
    await advanceTo(new Date(morning.getTime() + 3 * 3_600_000 + 60_000));
    await waitFor(
      async () => (await nudgesOf(learner)).every((nudge) => nudge.status !== 'pending'),
      'the digest to be settled',
    );
    expect(emailsTo(learner)).toHaveLength(0);
    expect((await nudgesOf(learner)).map((nudge) => nudge.status)).toEqual(['cancelled']);
  });

  it('plans no nudge for reviews of a question retired from the bank', async () => {
    const learner = await newLearner();
    await choose(learner, true);
    const question = await missOne(learner);
    await importCertificationPrepFixture(api, [question]);
    try {
      await advanceTo(nextWednesdayAt('06:00'));
      await worker.get(PracticeNudges).planDue();
      expect(await nudgesOf(learner)).toEqual([]);
    } finally {
      await importCertificationPrepFixture(api);
    }
  });

  it('grades a mock exam left open past its deadline, on the answers saved in time', async () => {
    const learner = await newLearner();
    const started = await gql(
      learner,
      'mutation { startMockExam(trackSlug: "e2e-prep") { id deadlineAt questions { id } } }',
    );
    const exam = started.startMockExam as {
      id: string;
      deadlineAt: string;
      questions: { id: string }[];
    };
    const first = exam.questions[0]?.id as string;
    await gql(
      learner,
      `mutation S($input: SaveMockExamAnswerInput!) { saveMockExamAnswer(input: $input) { id } }`,
      {
        input: {
          examId: exam.id,
          answer: { questionId: first, optionIds: [rightPrepOption(first)] },
        },
      },
    );
    const row = async () =>
      (
        await db.query<{ status: string; graded_by: string | null; score: number | null }[]>(
          'SELECT status, graded_by, score FROM mock_exams WHERE id = $1',
          [exam.id],
        )
      )[0];
    await advanceTo(new Date(Date.parse(exam.deadlineAt) - 60_000));
    expect((await row())?.status).toBe('in-progress');
    await advanceTo(new Date(Date.parse(exam.deadlineAt) + 5_000));
    await waitFor(async () => (await row())?.status === 'graded', 'the expiry sweep');
    expect(await row()).toEqual({ status: 'graded', graded_by: 'deadline', score: 20 });
    // The one answer given joins the history; the four left unanswered are no evidence.
    const [recorded] = await db.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM prep_answers WHERE session_id = $1',
      [exam.id],
    );
    expect(recorded?.n).toBe(1);
  });
});
