import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import {
  DRILL_CANARY,
  DRILL_FIXTURE,
  ManualClock,
  drillRunListeners,
  importLearningFixture,
  invitePerson,
  seedOrganization,
  startSmtpSink,
  startTestApi,
  startTestWorker,
  subscribeLive,
  waitFor,
  type GraphqlResponse,
  type SeededOrganization,
  type SignedInPerson,
  type SmtpSink,
  type TestApi,
} from '@academy/testing';
import { StatementCounter } from '@academy/database';
import { REDIS } from '@academy/queue';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DrillNoticeHandler } from '../libs/notifications/src/jobs/drill-notice.handler.js';

const MINUTE = 60_000;
const RUN = `id status myRole openedAt pausedAt endedAt scoredAt participants { userId roleSlug }
  injects { id slug title phase body releasedAt decision { prompt answeredBy responseWindowMinutes closesAt
    options { id text } myResponse { optionId userId roleSlug submittedAt late } } }`;
const DRILL_RUN = `query R($runId: ID!) { drillRun(runId: $runId) { ${RUN} } }`;
const SCHEDULE = `mutation S($input: ScheduleDrillInput!) { scheduleDrill(input: $input) { id status startsAt myRole } }`;
const SUBMIT = `mutation D($input: SubmitDrillDecisionInput!) {
  submitDrillDecision(input: $input) { injectSlug optionId roleSlug submittedAt late } }`;
const STEER = (operation: string) =>
  `mutation M($runId: ID!) { ${operation}(runId: $runId) { id status pausedAt endedAt myRole } }`;
const REPORT = `query P($runId: ID!) { drillReport(runId: $runId) {
  runId title team { earned possible percent }
  byPhase { phase earned possible percent } byCriterion { criterion title earned possible percent }
  participants { userId roleSlug earned possible percent averageResponseSeconds }
  decisions { injectSlug prompt missingRespondents
    responses { userId roleSlug optionId optionScore points late responseSeconds rationale }
    betterOptions { id score rationale } }
  timeline { at kind text } missedInjects { injectSlug reason } strengths gaps
  remedialAssignments { userId lessonSlug courseSlug assignmentId } markdown json } }`;

interface Inject {
  slug: string;
  decision: { closesAt: string; myResponse: { optionId: string; late: boolean } | null } | null;
}
interface Run {
  id: string;
  status: string;
  myRole: string | null;
  pausedAt: string | null;
  injects: Inject[];
}

describe('incident-response drills', () => {
  const clock = new ManualClock();
  let smtp: SmtpSink;
  let api: TestApi;
  let worker: INestApplicationContext;
  let db: DataSource;
  let org: SeededOrganization;
  let other: SeededOrganization;
  let lead2: SignedInPerson;
  let analyst: SignedInPerson;
  let comms: SignedInPerson;
  let outsider: SignedInPerson;
  let t0: number;

  const gql = async <T = Record<string, unknown>>(
    person: SignedInPerson,
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphqlResponse<T>['body']> =>
    (await api.graphql<T>(query, variables, person.auth)).body;
  const codeOf = (body: { errors?: { extensions?: Record<string, unknown> }[] }) =>
    body.errors?.[0]?.extensions?.code;
  const reasonOf = (body: { errors?: { extensions?: Record<string, unknown> }[] }) =>
    body.errors?.[0]?.extensions?.reason;
  const at = (minutes: number) => new Date(t0 + minutes * MINUTE);
  /** Moves the clock and lets the worker's relay (every 100 ms) see it. */
  const advanceTo = async (minutes: number) => {
    clock.set(at(minutes));
    await new Promise((resolve) => setTimeout(resolve, 500));
  };
  const groupOf = async (admin: SignedInPerson, name: string, userIds: string[]) => {
    const created = await gql<{ createGroup: { id: string } }>(
      admin,
      'mutation G($input: CreateGroupInput!) { createGroup(input: $input) { id } }',
      { input: { name } },
    );
    const groupId = created.data?.createGroup.id ?? '';
    await gql(
      admin,
      'mutation A($g: ID!, $u: [ID!]!) { addGroupMembers(groupId: $g, userIds: $u) { id } }',
      { g: groupId, u: userIds },
    );
    return groupId;
  };
  const runOf = async (person: SignedInPerson, runId: string) => {
    const body = await gql<{ drillRun: Run }>(person, DRILL_RUN, { runId });
    expect(body.errors).toBeUndefined();
    return body.data?.drillRun as Run;
  };
  const released = async (person: SignedInPerson, runId: string) =>
    (await runOf(person, runId)).injects.map((inject) => inject.slug);
  const submit = (person: SignedInPerson, runId: string, injectSlug: string, optionId: string) =>
    gql<{ submitDrillDecision: { late: boolean; roleSlug: string } }>(person, SUBMIT, {
      input: { runId, injectSlug, optionId },
    });
  const count = async (table: string) =>
    Number((await db.query<{ n: string }[]>(`SELECT count(*) AS n FROM ${table}`))[0]?.n);
  /** Subjects of the person's drill notifications, newest first. */
  const notices = async (person: SignedInPerson) =>
    (
      await gql<{ myNotifications: { edges: { node: { kind: string; subject: string } }[] } }>(
        person,
        '{ myNotifications { edges { node { kind subject } } } }',
      )
    ).data?.myNotifications.edges
      .filter((edge) => edge.node.kind === 'drill-notice')
      .map((edge) => edge.node.subject) ?? [];
  const participants = () => [
    { userId: org.learner.id, roleSlug: 'lead' },
    { userId: lead2.id, roleSlug: 'lead' },
    { userId: analyst.id, roleSlug: 'analyst' },
    { userId: comms.id, roleSlug: 'comms' },
  ];
  const schedule = async (startsAt: Date) => {
    const body = await gql<{ scheduleDrill: { id: string; status: string } }>(org.admin, SCHEDULE, {
      input: {
        scenarioSlug: 'canary-drill',
        startsAt: startsAt.toISOString(),
        participants: participants(),
        facilitatorId: lead2.id,
      },
    });
    expect(body.errors).toBeUndefined();
    return body.data?.scheduleDrill.id ?? '';
  };

  beforeAll(async () => {
    smtp = await startSmtpSink();
    const overrides = {
      SMTP_URL: smtp.url,
      OUTBOX_RELAY_INTERVAL_MS: '100',
      OUTBOX_RECONCILE_INTERVAL_MS: '2000',
      DRILL_REMINDER_MINUTES_BEFORE: '30',
    };
    api = await startTestApi(overrides, undefined, clock);
    worker = await startTestWorker(overrides, undefined, clock);
    db = api.app.get(DataSource);
    await importLearningFixture(api, DRILL_FIXTURE);
    org = await seedOrganization(api, 'drills');
    other = await seedOrganization(api, 'drills-other');
    const person = (name: string) =>
      invitePerson(api, org.slug, org.admin, {
        email: `${name}@drills.test`,
        displayName: `${name[0]?.toUpperCase()}${name.slice(1)} Person`,
        role: 'LEARNER',
      });
    lead2 = await person('lead');
    analyst = await person('analyst');
    comms = await person('comms');
    outsider = await person('outsider');
    t0 = Date.now() + 60 * MINUTE;
  });

  afterAll(async () => {
    await worker.close();
    await api.close();
    await smtp.close();
  });

  it('refuses bad schedules with a clear error and writes nothing', async () => {
    const before = await Promise.all(
      ['drill_runs', 'drill_participants', 'outbox_messages'].map((table) => count(table)),
    );
    const attempt = async (input: Record<string, unknown>) =>
      gql(org.admin, SCHEDULE, {
        input: {
          scenarioSlug: 'canary-drill',
          startsAt: at(0).toISOString(),
          participants: participants(),
          ...input,
        },
      });
    const unknownRole = await attempt({
      participants: [{ userId: org.learner.id, roleSlug: 'janitor' }],
    });
    expect(codeOf(unknownRole)).toBe('BAD_USER_INPUT');
    expect(unknownRole.errors?.[0]?.message).toContain('no role "janitor"');
    const past = await attempt({ startsAt: new Date(Date.now() - MINUTE).toISOString() });
    expect(past.errors?.[0]?.message).toBe('The start time must be in the future.');
    expect(reasonOf(await attempt({ scenarioSlug: 'no-such-drill' }))).toBe('DRILLS_NOT_FOUND');
    const twice = await attempt({
      participants: [...participants(), { userId: org.learner.id, roleSlug: 'comms' }],
    });
    expect(codeOf(twice)).toBe('BAD_USER_INPUT');
    const foreign = await attempt({
      participants: [{ userId: other.learner.id, roleSlug: 'lead' }],
    });
    expect(reasonOf(foreign)).toBe('DRILLS_NOT_FOUND');
    const facilitatorOutside = await attempt({ facilitatorId: outsider.id });
    expect(codeOf(facilitatorOutside)).toBe('BAD_USER_INPUT');
    const after = await Promise.all(
      ['drill_runs', 'drill_participants', 'outbox_messages'].map((table) => count(table)),
    );
    expect(after).toEqual(before);
  });

  it('runs a drill from scheduling through injects, decisions on time and late, pause, resume, skip and end to a scored report with remedial learning', async () => {
    const runId = await schedule(at(0));
    const scheduled = await runOf(org.learner, runId);
    expect(scheduled).toMatchObject({ status: 'SCHEDULED', myRole: 'lead', injects: [] });
    const upcoming = await gql<{
      myUpcomingDrills: { edges: { node: { id: string; myRole: string } }[] };
    }>(org.learner, '{ myUpcomingDrills { edges { node { id myRole } } } }');
    expect(upcoming.data?.myUpcomingDrills.edges.map((edge) => edge.node)).toContainEqual({
      id: runId,
      myRole: 'lead',
    });
    // Not a participant, another organization: exactly as if the run did not exist.
    expect(reasonOf(await gql(outsider, DRILL_RUN, { runId }))).toBe('DRILLS_NOT_FOUND');
    expect(reasonOf(await gql(other.admin, DRILL_RUN, { runId }))).toBe('DRILLS_NOT_FOUND');
    expect(reasonOf(await submit(org.learner, runId, 'alert', 'a'))).toBe('DRILLS_RUN_NOT_RUNNING');
    // Practising alone would show the better options before the team plays them.
    expect(
      reasonOf(
        await gql(
          org.learner,
          'mutation { startSelfPacedDrill(scenarioSlug: "canary-drill") { id } }',
        ),
      ),
    ).toBe('DRILLS_TEAM_RUN_AHEAD');
    // Everyone is invited at once, and reminded 30 minutes before the start (in-app and email).
    await waitFor(
      async () =>
        (await notices(analyst)).some((subject) => subject.includes('invited to a drill')),
      'the invitation',
    );
    expect(await notices(analyst)).toEqual(['You are invited to a drill: “Canary drill”']);
    await advanceTo(-29);
    await waitFor(async () => (await notices(comms)).length === 2, 'the reminder');
    expect((await notices(comms))[0]).toMatch(/^Reminder: drill “Canary drill” starts /);
    // Both by email too, each under its outbox message's stable Message-ID.
    const noticeIds = await db.query<{ id: string }[]>(
      `SELECT id FROM outbox_messages WHERE topic = 'drills.participant-notice'
          AND payload->>'userId' = $1::text`,
      [comms.id],
    );
    await waitFor(
      () =>
        smtp.received.filter((email) =>
          noticeIds.some((notice) => email.messageId.startsWith(`<${notice.id}.email.`)),
        ).length === 2,
      'the invitation and reminder emails',
    );

    // Minute 0: the worker opens the run and releases the two injects at offset 0.
    const analystLive = subscribeLive(
      api,
      `subscription { drillInjectReleased(runId: "${runId}") { slug title decision { options { id text } } } }`,
      analyst.auth,
    );
    await waitFor(async () => (await drillRunListeners(api, runId)) > 0, 'the live subscription');
    await advanceTo(0.05);
    await waitFor(async () => (await released(analyst, runId)).length === 2, 'the first injects');
    expect((await runOf(org.learner, runId)).status).toBe('RUNNING');
    expect(await released(org.learner, runId)).toEqual(['alert']);
    expect((await released(analyst, runId)).sort()).toEqual(['alert', 'analyst-note']);
    const first = await analystLive.message(0);
    await analystLive.message(1);
    expect(first.kind).toBe('next');
    expect(JSON.stringify(analystLive.messages)).toContain('Option a text');
    await analystLive.dispose();
    // Participants never see scores or rationales before the run is scored.
    const seen = JSON.stringify(await gql(analyst, DRILL_RUN, { runId }));
    expect(seen).toContain('Option a text');
    expect(seen).not.toContain(DRILL_CANARY);
    expect(JSON.stringify(analystLive.messages)).not.toContain(DRILL_CANARY);

    // Minute 2: a lead answers on time; the role has answered, so the other lead cannot.
    await advanceTo(2);
    const leadAnswer = await submit(org.learner, runId, 'alert', 'b');
    expect(leadAnswer.errors).toBeUndefined();
    expect(leadAnswer.data?.submitDrillDecision).toMatchObject({ roleSlug: 'lead', late: false });
    expect(JSON.stringify(leadAnswer)).not.toContain('score');
    expect(reasonOf(await submit(lead2, runId, 'alert', 'a'))).toBe('DRILLS_ALREADY_ANSWERED');
    const afterLead = await runOf(lead2, runId);
    expect(afterLead.injects[0]?.decision?.myResponse).toMatchObject({ optionId: 'b' });
    // Bad answers get a clear error and change nothing.
    const responsesBefore = await count('drill_responses');
    expect(reasonOf(await submit(comms, runId, 'alert', 'a'))).toBe('DRILLS_NOT_YOUR_DECISION');
    expect(reasonOf(await submit(analyst, runId, 'alert', 'z'))).toBe('DRILLS_INVALID_INPUT');
    expect(reasonOf(await submit(analyst, runId, 'analyst-note', 'a'))).toBe(
      'DRILLS_INVALID_INPUT',
    );
    expect(reasonOf(await submit(comms, runId, 'press', 'a'))).toBe('DRILLS_NOT_FOUND');
    expect(reasonOf(await submit(org.learner, runId, 'analyst-note', 'a'))).toBe(
      'DRILLS_NOT_FOUND',
    );
    expect(reasonOf(await submit(outsider, runId, 'alert', 'a'))).toBe('DRILLS_NOT_FOUND');
    expect(reasonOf(await submit(other.admin, runId, 'alert', 'a'))).toBe('DRILLS_NOT_FOUND');
    expect(await count('drill_responses')).toBe(responsesBefore);

    const closesBefore = afterLead.injects[0]?.decision?.closesAt;
    // Minute 3: only the facilitator (or an admin) pauses; nothing is answered or released while paused.
    await advanceTo(3);
    expect(reasonOf(await gql(org.learner, STEER('pauseDrill'), { runId }))).toBe(
      'DRILLS_NOT_FACILITATOR',
    );
    expect(reasonOf(await gql(outsider, STEER('pauseDrill'), { runId }))).toBe('DRILLS_NOT_FOUND');
    const paused = await gql<{ pauseDrill: { status: string; myRole: string } }>(
      lead2,
      STEER('pauseDrill'),
      { runId },
    );
    // The facilitator takes part: the run they steered shows their role.
    expect(paused.data?.pauseDrill).toMatchObject({ status: 'PAUSED', myRole: 'lead' });
    expect(reasonOf(await submit(analyst, runId, 'alert', 'a'))).toBe('DRILLS_RUN_NOT_RUNNING');
    expect(reasonOf(await gql(lead2, STEER('pauseDrill'), { runId }))).toBe(
      'DRILLS_RUN_NOT_RUNNING',
    );
    await advanceTo(20);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await released(comms, runId)).toEqual(['alert']);

    // Minute 20: resumed after 17 minutes; the alert's window (minute 5) moves to minute 22.
    const resumed = await gql<{ resumeDrill: { status: string } }>(lead2, STEER('resumeDrill'), {
      runId,
    });
    expect(resumed.data?.resumeDrill.status).toBe('RUNNING');
    const alert = (await runOf(analyst, runId)).injects.find((inject) => inject.slug === 'alert');
    const moved = Date.parse(alert?.decision?.closesAt ?? '') - Date.parse(closesBefore ?? '');
    // The manual clock keeps ticking between its settings, so allow the seconds the test took.
    expect(Math.abs(moved - 17 * MINUTE)).toBeLessThan(5000);
    await advanceTo(21);
    const analystAnswer = await submit(analyst, runId, 'alert', 'a');
    expect(analystAnswer.data?.submitDrillDecision.late).toBe(false);

    // Minute 28: "press" (offset 10) comes out 17 minutes late; comms answer after its window.
    await advanceTo(28);
    await waitFor(async () => (await released(comms, runId)).includes('press'), 'the press inject');
    await advanceTo(34);
    const late = await submit(comms, runId, 'press', 'a');
    expect(late.data?.submitDrillDecision.late).toBe(true);

    // Minute 35: skip ahead to "wrap" (due at minute 47); then the admin ends the run.
    const skipped = await gql(lead2, STEER('skipDrillAhead'), { runId });
    expect(skipped.errors).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 300));
    await waitFor(async () => (await released(comms, runId)).includes('wrap'), 'the wrap inject');
    expect(reasonOf(await gql(lead2, STEER('skipDrillAhead'), { runId }))).toBe(
      'DRILLS_NOTHING_TO_SKIP',
    );
    await advanceTo(36);
    expect((await submit(lead2, runId, 'wrap', 'b')).errors).toBeUndefined();
    expect(reasonOf(await gql(org.admin, REPORT, { runId }))).toBe('DRILLS_REPORT_NOT_READY');
    const ended = await gql<{ endDrill: { status: string } }>(org.admin, STEER('endDrill'), {
      runId,
    });
    expect(ended.data?.endDrill.status).toBe('ENDED');
    expect(reasonOf(await submit(analyst, runId, 'wrap', 'a'))).toBe('DRILLS_RUN_NOT_RUNNING');
    await waitFor(async () => (await runOf(org.admin, runId)).status === 'SCORED', 'scoring');

    const body = await gql<{ drillReport: Record<string, unknown> }>(analyst, REPORT, { runId });
    expect(body.errors).toBeUndefined();
    const report = body.data?.drillReport as {
      team: unknown;
      byPhase: unknown[];
      byCriterion: { criterion: string; percent: number }[];
      participants: { userId: string; earned: number; possible: number; percent: number }[];
      decisions: {
        injectSlug: string;
        missingRespondents: string[];
        responses: { roleSlug: string; points: number; late: boolean; rationale: string }[];
        betterOptions: { id: string; rationale: string }[];
      }[];
      timeline: { kind: string }[];
      missedInjects: unknown[];
      strengths: string[];
      gaps: string[];
      remedialAssignments: { userId: string; lessonSlug: string; courseSlug: string }[];
      markdown: string;
      json: { runId: string };
    };
    // alert: lead 0 + analyst 3 of 6; press: comms 3 x 0.5 late of 3; wrap: lead 2 of 9 (3 roles).
    expect(report.team).toEqual({ earned: 6.5, possible: 18, percent: 36.11 });
    expect(report.byPhase).toEqual([
      { phase: 'detection-analysis', earned: 3, possible: 6, percent: 50 },
      { phase: 'containment-eradication-recovery', earned: 1.5, possible: 3, percent: 50 },
      { phase: 'post-incident', earned: 2, possible: 9, percent: 22.22 },
    ]);
    expect(report.byCriterion.map((row) => [row.criterion, row.percent])).toEqual([
      ['containment', 50],
      ['communications', 50],
      ['lessons-learned', 22.22],
    ]);
    expect(report.gaps).toEqual(['Lessons learned']);
    const scoreOf = (userId: string) => report.participants.find((p) => p.userId === userId);
    expect(scoreOf(org.learner.id)).toMatchObject({ earned: 2, possible: 6, percent: 33.33 });
    expect(scoreOf(analyst.id)).toMatchObject({ earned: 3, possible: 6, percent: 50 });
    expect(scoreOf(comms.id)).toMatchObject({ earned: 1.5, possible: 6, percent: 25 });
    const alertDecision = report.decisions.find((d) => d.injectSlug === 'alert');
    expect(alertDecision?.betterOptions.map((option) => option.id)).toEqual(['a', 'c']);
    expect(alertDecision?.betterOptions[0]?.rationale).toBe(`${DRILL_CANARY} a`);
    const press = report.decisions.find((d) => d.injectSlug === 'press');
    expect(press?.responses).toEqual([
      expect.objectContaining({ roleSlug: 'comms', points: 1.5, late: true }),
    ]);
    const wrap = report.decisions.find((d) => d.injectSlug === 'wrap');
    expect(wrap?.missingRespondents.sort()).toEqual(['analyst', 'comms']);
    expect(report.missedInjects).toEqual([]);
    expect(report.timeline.map((entry) => entry.kind)).toEqual([
      'opened',
      'inject-released',
      'inject-released',
      'response',
      'paused',
      'resumed',
      'response',
      'inject-released',
      'response',
      'skipped-ahead',
      'inject-released',
      'response',
      'ended',
    ]);
    // The lead who chose option b (score 0) gets the decision's remedial lesson as its course.
    expect(report.remedialAssignments).toEqual([
      expect.objectContaining({
        userId: org.learner.id,
        lessonSlug: 'acceptable-use',
        courseSlug: 'policy',
      }),
    ]);
    const learning = await gql<{ myLearning: unknown }>(
      org.learner,
      '{ myLearning { enrollments { itemSlug dueAt } } }',
    );
    expect(JSON.stringify(learning)).toContain('policy');
    expect(report.markdown).toContain('# After-action report: Canary drill');
    expect(report.markdown).toContain('## Scores by NIST SP 800-61 phase');
    expect(report.markdown).toContain(`${DRILL_CANARY} a`);
    expect(report.json.runId).toBe(runId);

    // Everything the facilitator and the worker did is in the audit trail.
    const actions = await db.query<{ action: string; actor_type: string }[]>(
      `SELECT action, actor_type FROM audit_events WHERE target_id = $1 ORDER BY sequence`,
      [runId],
    );
    expect(actions.map((row) => row.action)).toEqual([
      'drills.run_scheduled',
      'drills.run_opened',
      'drills.run_paused',
      'drills.run_resumed',
      'drills.run_skipped_ahead',
      'drills.run_ended',
      'drills.run_scored',
    ]);
    expect(reasonOf(await gql(outsider, REPORT, { runId }))).toBe('DRILLS_NOT_FOUND');
    expect(reasonOf(await gql(other.admin, REPORT, { runId }))).toBe('DRILLS_NOT_FOUND');
  });

  it('reports drill participation and scores per group and month', async () => {
    const group = (name: string, userIds: string[]) => groupOf(org.admin, name, userIds);
    const responders = await group('Responders', [org.learner.id, analyst.id]);
    await group('Press office', [comms.id, outsider.id]);
    const query =
      'query P($groupId: ID) { drillParticipation(groupId: $groupId) { groupName month runs participants responded averageScorePercent } }';
    const all = await gql<{ drillParticipation: Record<string, unknown>[] }>(org.admin, query, {});
    expect(all.errors).toBeUndefined();
    const month = `${at(0).toISOString().slice(0, 7)}-01T00:00:00.000Z`;
    expect(all.data?.drillParticipation).toEqual([
      {
        groupName: 'Press office',
        month,
        runs: 1,
        participants: 1,
        responded: 1,
        averageScorePercent: 25,
      },
      {
        groupName: 'Responders',
        month,
        runs: 1,
        participants: 2,
        responded: 2,
        averageScorePercent: 41.67,
      },
    ]);
    const one = await gql<{ drillParticipation: unknown[] }>(org.admin, query, {
      groupId: responders,
    });
    expect(one.data?.drillParticipation).toHaveLength(1);
    expect(reasonOf(await gql(other.admin, query, { groupId: responders }))).toBe(
      'DRILLS_NOT_FOUND',
    );
    expect(codeOf(await gql(org.admin, 'query { drillParticipation(months: 99) { runs } }'))).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('lets a learner practise a scenario alone, advancing through its injects, scored the same way', async () => {
    const scenarios = await gql<{ drillScenarios: { slug: string; roles: { slug: string }[] }[] }>(
      outsider,
      '{ drillScenarios { slug title summary durationMinutes responseMode injectCount roles { slug title description } frameworks } }',
    );
    const canary = scenarios.data?.drillScenarios.find(
      (scenario) => scenario.slug === 'canary-drill',
    );
    expect(canary?.roles.map((role) => role.slug)).toEqual(['lead', 'analyst', 'comms']);
    expect(JSON.stringify(scenarios)).not.toContain(DRILL_CANARY);

    const started = await gql<{
      startSelfPacedDrill: { id: string; mode: string; myRole: string };
    }>(
      outsider,
      'mutation { startSelfPacedDrill(scenarioSlug: "canary-drill") { id mode myRole status } }',
    );
    expect(started.errors).toBeUndefined();
    const runId = started.data?.startSelfPacedDrill.id ?? '';
    expect(started.data?.startSelfPacedDrill).toMatchObject({ mode: 'SELF_PACED', myRole: '*' });
    expect(await released(outsider, runId)).toEqual(['alert']);
    const advance = () =>
      gql(outsider, 'mutation A($runId: ID!) { advanceSelfPacedDrill(runId: $runId) { status } }', {
        runId,
      });
    // Someone else's practice is not there for them; a timeline that follows the learner cannot pause.
    expect(
      reasonOf(
        await gql(
          comms,
          'mutation A($runId: ID!) { advanceSelfPacedDrill(runId: $runId) { status } }',
          { runId },
        ),
      ),
    ).toBe('DRILLS_NOT_FOUND');
    expect(reasonOf(await gql(outsider, STEER('pauseDrill'), { runId }))).toBe(
      'DRILLS_INVALID_INPUT',
    );

    // Like a team run's, the injects reach the run's live subscription as the learner advances.
    const live = subscribeLive(
      api,
      `subscription { drillInjectReleased(runId: "${runId}") { slug } }`,
      outsider.auth,
    );
    await waitFor(async () => (await drillRunListeners(api, runId)) > 0, 'the live subscription');
    expect((await submit(outsider, runId, 'alert', 'c')).errors).toBeUndefined();
    await advance();
    expect(await released(outsider, runId)).toEqual(['alert', 'analyst-note']);
    expect(await live.message(0)).toEqual({
      kind: 'next',
      result: { data: { drillInjectReleased: { slug: 'analyst-note' } } },
    });
    await live.dispose();
    await advance();
    expect((await submit(outsider, runId, 'press', 'a')).errors).toBeUndefined();
    await advance();
    expect((await submit(outsider, runId, 'wrap', 'a')).errors).toBeUndefined();
    expect(JSON.stringify(await gql(outsider, DRILL_RUN, { runId }))).not.toContain(DRILL_CANARY);
    await advance();
    await waitFor(async () => (await runOf(outsider, runId)).status === 'SCORED', 'scoring');
    const report = await gql<{
      drillReport: {
        team: unknown;
        remedialAssignments: unknown[];
        participants: { poorChoices?: unknown }[];
      };
    }>(outsider, REPORT, { runId });
    // alert 1 of 3, press 3 of 3, wrap 3 of 3; practice assigns nothing.
    expect(report.data?.drillReport.team).toEqual({ earned: 7, possible: 9, percent: 77.78 });
    expect(report.data?.drillReport.remedialAssignments).toEqual([]);
    expect(reasonOf(await advance())).toBe('DRILLS_RUN_NOT_RUNNING');
  });

  it('lists upcoming drills with their participants and injects in the same number of SQL statements, however many', async () => {
    const counter = api.app.get(StatementCounter);
    const query =
      '{ myUpcomingDrills { totalCount edges { node { id participants { userId } injects { id } } } } }';
    const statementsFor = async () => {
      const before = counter.total;
      const body = await gql<{ myUpcomingDrills: { totalCount: number } }>(comms, query);
      expect(body.errors).toBeUndefined();
      return { statements: counter.total - before, runs: body.data?.myUpcomingDrills.totalCount };
    };
    await schedule(at(24 * 60));
    const few = await statementsFor();
    await schedule(at(25 * 60));
    await schedule(at(26 * 60));
    const many = await statementsFor();
    expect(many.runs).toBe((few.runs ?? 0) + 2);
    expect(many.statements).toBe(few.statements);
  });

  it("schedules groups: their active members play the group's role, unless named in another", async () => {
    const analysts = await groupOf(org.admin, 'Drill analysts', [analyst.id, comms.id]);
    const scheduled = await gql<{ scheduleDrill: { id: string; myRole: string | null } }>(
      org.admin,
      SCHEDULE,
      {
        input: {
          scenarioSlug: 'canary-drill',
          startsAt: at(300).toISOString(),
          participants: [
            { userId: org.learner.id, roleSlug: 'lead' },
            { userId: comms.id, roleSlug: 'comms' },
          ],
          groups: [{ groupId: analysts, roleSlug: 'analyst' }],
        },
      },
    );
    expect(scheduled.errors).toBeUndefined();
    const runId = scheduled.data?.scheduleDrill.id ?? '';
    expect((await runOf(analyst, runId)).myRole).toBe('analyst');
    expect((await runOf(comms, runId)).myRole).toBe('comms');
    expect((await runOf(org.learner, runId)).myRole).toBe('lead');
    expect(reasonOf(await gql(outsider, DRILL_RUN, { runId }))).toBe('DRILLS_NOT_FOUND');

    // A group of another organization is no group; a group alone is a team.
    const foreign = await groupOf(other.admin, 'Their analysts', [other.learner.id]);
    const refused = await gql(org.admin, SCHEDULE, {
      input: {
        scenarioSlug: 'canary-drill',
        startsAt: at(300).toISOString(),
        groups: [{ groupId: foreign, roleSlug: 'analyst' }],
      },
    });
    expect(reasonOf(refused)).toBe('DRILLS_NOT_FOUND');
    const groupOnly = await gql(org.admin, SCHEDULE, {
      input: {
        scenarioSlug: 'canary-drill',
        startsAt: at(300).toISOString(),
        groups: [{ groupId: analysts, roleSlug: 'analyst' }],
      },
    });
    expect(groupOnly.errors).toBeUndefined();
    const nobody = await gql(org.admin, SCHEDULE, {
      input: { scenarioSlug: 'canary-drill', startsAt: at(300).toISOString() },
    });
    expect(codeOf(nobody)).toBe('BAD_USER_INPUT');
  });

  it('drops a drill notice that is no longer true, and sends none to someone no longer active', async () => {
    const leaver = await invitePerson(api, org.slug, org.admin, {
      email: 'leaver@drills.test',
      displayName: 'Leaver Person',
      role: 'LEARNER',
    });
    const scheduled = await gql<{ scheduleDrill: { id: string } }>(org.admin, SCHEDULE, {
      input: {
        scenarioSlug: 'canary-drill',
        startsAt: at(60).toISOString(),
        participants: [
          { userId: analyst.id, roleSlug: 'analyst' },
          { userId: leaver.id, roleSlug: 'comms' },
        ],
      },
    });
    expect(scheduled.errors).toBeUndefined();
    const runId = scheduled.data?.scheduleDrill.id ?? '';
    // The worker's handler, given a message as the outbox would claim it: did it notify anyone?
    const handler = worker.get(DrillNoticeHandler);
    const notifies = async (
      stage: 'invitation' | 'reminder',
      person: SignedInPerson,
      organizationId = org.id,
    ) => {
      const id = randomUUID();
      await handler.handle({
        id,
        organizationId,
        topic: 'drills.participant-notice',
        payload: { runId, userId: person.id, stage },
        attempts: 0,
        firstClaim: true,
        createdAt: new Date(),
      });
      const [row] = await db.query<{ n: string }[]>(
        'SELECT count(*) AS n FROM notifications WHERE source_message_id = $1',
        [id],
      );
      return Number(row?.n) > 0;
    };

    // Scheduled: invited and reminded; no one outside the run or the organization is told.
    expect(await notifies('invitation', analyst)).toBe(true);
    expect(await notifies('reminder', analyst)).toBe(true);
    expect(await notifies('invitation', leaver)).toBe(true);
    expect(await notifies('invitation', outsider)).toBe(false);
    expect(await notifies('invitation', analyst, other.id)).toBe(false);
    // Someone deactivated since is told nothing.
    const deactivated = await gql(
      org.admin,
      'mutation($id: ID!) { deactivateUser(id: $id) { id } }',
      {
        id: leaver.id,
      },
    );
    expect(deactivated.errors).toBeUndefined();
    expect(await notifies('invitation', leaver)).toBe(false);
    // Once the run has opened, a reminder is moot; an invitation still brings people in.
    await advanceTo(60.05);
    await waitFor(async () => (await runOf(analyst, runId)).status === 'RUNNING', 'the opening');
    expect(await notifies('reminder', analyst)).toBe(false);
    expect(await notifies('invitation', analyst)).toBe(true);
    // Once it is over, neither.
    const ended = await gql(org.admin, STEER('endDrill'), { runId });
    expect(ended.errors).toBeUndefined();
    expect(await notifies('invitation', analyst)).toBe(false);
  });

  it('announces a released inject once Redis takes it again: its message is retried, and releases nothing twice', async () => {
    const runId = await schedule(at(90));
    const live = subscribeLive(
      api,
      `subscription { drillInjectReleased(runId: "${runId}") { id slug } }`,
      analyst.auth,
    );
    await waitFor(async () => (await drillRunListeners(api, runId)) > 0, 'the live subscription');
    const releaseMessages = () =>
      db.query<{ status: string; attempts: number }[]>(
        `SELECT status, attempts FROM outbox_messages
          WHERE topic = 'drills.inject-release' AND payload->>'runId' = $1::text
            AND payload->>'injectSlug' IN ('alert', 'analyst-note')`,
        [runId],
      );
    // The worker's client for its own keys and announcements is cut off: every publish fails.
    const workerRedis = worker.get<Redis>(REDIS);
    workerRedis.disconnect();
    try {
      // Minute 0: both injects at offset 0 are released, but neither could be announced.
      await advanceTo(90.05);
      await waitFor(
        async () =>
          (await releaseMessages()).filter((message) => message.attempts > 0).length === 2,
        'the failed announcements',
      );
      expect((await released(analyst, runId)).sort()).toEqual(['alert', 'analyst-note']);
      expect(live.messages).toEqual([]);
    } finally {
      await workerRedis.connect();
    }
    // The retries release nothing again and announce what the first attempts could not.
    await live.message(1);
    const arrived = live.messages.map(
      (message) =>
        message.kind === 'next' &&
        (message.result.data as { drillInjectReleased: { slug: string } }).drillInjectReleased.slug,
    );
    expect(arrived.sort()).toEqual(['alert', 'analyst-note']);
    await waitFor(
      async () => (await releaseMessages()).every((message) => message.status === 'done'),
      'the retried messages',
    );
    const releases = await db.query<{ inject_slug: string; announced: boolean }[]>(
      `SELECT inject_slug, announced_at IS NOT NULL AS announced FROM drill_inject_releases
        WHERE run_id = $1 ORDER BY inject_slug`,
      [runId],
    );
    expect(releases).toEqual([
      { inject_slug: 'alert', announced: true },
      { inject_slug: 'analyst-note', announced: true },
    ]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(live.messages).toHaveLength(2);
    await live.dispose();
  });
});
