import { randomUUID } from 'node:crypto';
import { CatalogReader } from '@academy/catalog';
import { SystemClock, type AppConfig } from '@academy/common';
import { PreparedQueries, StatementCounter } from '@academy/database';
import { AuditTrail } from '@academy/identity';
import { openPlatformDataSource } from '@academy/platform';
import { redisConnectionOptions } from '@academy/queue';
import { createClient, type Client } from 'graphql-ws';
import { Redis } from 'ioredis';
import type pg from 'pg';
import WebSocket, { WebSocketServer } from 'ws';
// The product's own statements and release path, so the baseline and the trigger cannot drift.
import { InjectAnnouncer } from '../../libs/drills/src/live/inject-announcer.js';
import { RunChannel } from '../../libs/drills/src/live/run-channel.js';
import { DecisionStatements } from '../../libs/drills/src/running/decision.service.js';
import { InjectReleaser } from '../../libs/drills/src/running/inject-releaser.js';
import { RunLedger } from '../../libs/drills/src/running/run-ledger.js';
import { DrillScenarios } from '../../libs/drills/src/scenario/drill-scenarios.js';
import { actorLookup } from './scenarios.js';
import { accessTokens, type BenchContext } from './seed.js';

/** Participants of the one run; each decision is answered by all of them at once. */
const PARTICIPANTS = 200;
/** A per-participant scenario whose model owner answers 7 of its 8 decisions. */
const SCENARIO = 'fraud-model-training-data-poisoning';
const ROLE = 'model-owner';

interface Bench {
  apiUrl: string;
  db: pg.Pool;
  config: AppConfig;
  context: BenchContext;
}

interface Team {
  runId: string;
  participants: { userId: string; sessionId: string; token: string }[];
  /** Injects whose decision the team's role answers, in scenario order. */
  decisions: { slug: string; optionId: string }[];
}

const ms = (started: bigint) => Number(process.hrtime.bigint() - started) / 1e6;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};

const summary = (values: number[]) =>
  `p50 ${percentile(values, 50).toFixed(1)} ms, p99 ${percentile(values, 99).toFixed(1)} ms, max ${Math.max(...values).toFixed(1)} ms over ${values.length}`;

/**
 * A running per-participant drill of 200 learners in one role, with every inject out and the
 * response windows open for an hour, and a session and access token for each participant.
 */
async function seedRunningDrill(
  db: pg.Pool,
  config: AppConfig,
  context: BenchContext,
): Promise<Team> {
  const { rows: scenarios } = await db.query<{
    version_id: string;
    content: {
      title: string;
      injects: { slug: string; decision?: { roles?: string[]; options: { id: string }[] } }[];
    };
  }>(
    `SELECT v.id AS version_id, v.content FROM catalog_items i
       JOIN catalog_item_versions v ON v.id = i.current_version_id
      WHERE i.kind = 'drill' AND i.slug = $1 AND i.organization_id IS NULL`,
    [SCENARIO],
  );
  const scenario = scenarios[0];
  if (!scenario) throw new Error(`the bench catalog has no drill ${SCENARIO}`);
  const runId = randomUUID();
  await db.query(
    `INSERT INTO drill_runs (id, organization_id, scenario_slug, scenario_version_id, title, starts_at,
                             status, opened_at, timeline_zero_at, plan_epoch, created_by)
     VALUES ($1, $2, $3, $4, $5, now(), 'running', now(), now(), 1, $6)`,
    [
      runId,
      context.organizationId,
      SCENARIO,
      scenario.version_id,
      scenario.content.title,
      context.adminId,
    ],
  );
  const { rows: people } = await db.query<{ user_id: string }>(
    `INSERT INTO drill_participants (organization_id, run_id, user_id, role_slug)
     SELECT organization_id, $2, id, $3 FROM users
      WHERE organization_id = $1 AND role = 'LEARNER' AND id <> $4 ORDER BY email LIMIT $5
     RETURNING user_id`,
    [context.organizationId, runId, ROLE, context.learnerId, PARTICIPANTS],
  );
  await db.query(
    `INSERT INTO drill_inject_releases (organization_id, run_id, inject_slug, released_at, responses_close_at)
     SELECT $1, $2, inject->>'slug', now(), now() + interval '1 hour'
       FROM jsonb_array_elements($3::jsonb) AS inject`,
    [context.organizationId, runId, JSON.stringify(scenario.content.injects)],
  );
  const tokens = accessTokens(config);
  const participants = await Promise.all(
    people.map(async ({ user_id: userId }) => {
      const sessionId = randomUUID();
      await db.query(
        `INSERT INTO sessions (id, organization_id, user_id, last_used_at, expires_at)
         VALUES ($1, $2, $3, now(), now() + interval '1 day')`,
        [sessionId, context.organizationId, userId],
      );
      const { token } = await tokens.issue({
        userId,
        organizationId: context.organizationId,
        sessionId,
      });
      return { userId, sessionId, token };
    }),
  );
  const decisions = scenario.content.injects.flatMap((inject) =>
    inject.decision?.roles?.includes(ROLE)
      ? [{ slug: inject.slug, optionId: inject.decision.options[0]?.id ?? 'a' }]
      : [],
  );
  return { runId, participants, decisions };
}

const SUBMIT = `mutation D($input: SubmitDrillDecisionInput!) { submitDrillDecision(input: $input) { late } }`;

/**
 * 200 participants of one run answering each of its decisions at the same moment, through the
 * API (each request: authentication, then the answer recorded with its context in one
 * statement) and, for the baseline, through a bare pg pool running the same two statements.
 * One unmeasured burst of `me` first opens the 200 connections and warms the token cache (and
 * the API's cache of the run's scenario), as wrk's warm-up does.
 */
export async function timeDrillDecisions({ apiUrl, db, config, context }: Bench) {
  const api = await seedRunningDrill(db, config, context);
  const bare = await seedRunningDrill(db, config, context);
  // Warm-up, unmeasured: every participant's connection, token and session once through the API.
  await Promise.all(
    api.participants.map(async (participant) => {
      const response = await fetch(`${apiUrl}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${participant.token}`,
        },
        body: JSON.stringify({ query: '{ me { id } }' }),
      });
      await response.text();
    }),
  );
  const apiLatencies: number[] = [];
  const baselineLatencies: number[] = [];
  const apiBursts: number[] = [];
  const baselineBursts: number[] = [];
  for (const [index, decision] of api.decisions.entries()) {
    const burst = process.hrtime.bigint();
    await Promise.all(
      api.participants.map(async (participant) => {
        const started = process.hrtime.bigint();
        const response = await fetch(`${apiUrl}/graphql`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${participant.token}`,
          },
          body: JSON.stringify({
            query: SUBMIT,
            variables: {
              input: { runId: api.runId, injectSlug: decision.slug, optionId: decision.optionId },
            },
          }),
        });
        const body = await response.text();
        apiLatencies.push(ms(started));
        if (!body.includes('"late":false'))
          throw new Error(`unexpected answer: ${body.slice(0, 300)}`);
      }),
    );
    apiBursts.push(ms(burst) / 1000);

    const answer = bare.decisions[index] ?? decision;
    const bareBurst = process.hrtime.bigint();
    await Promise.all(
      bare.participants.map(async (participant) => {
        const started = process.hrtime.bigint();
        const session = actorLookup(
          participant.sessionId,
          participant.userId,
          context.organizationId,
        );
        await db.query({ name: session.name, text: session.sql, values: session.params });
        // The product's one statement of an allowed answer; the roles that answer are the
        // team's one role (the product works them out from the cached scenario).
        const { rows } = await db.query<{ recorded_late: boolean | null }>({
          ...DecisionStatements.answer,
          values: [
            bare.runId,
            context.organizationId,
            participant.userId,
            answer.slug,
            answer.optionId,
            new Date(),
            false,
            [ROLE],
          ],
        });
        if (rows[0]?.recorded_late !== false)
          throw new Error('the baseline answer was not recorded on time');
        baselineLatencies.push(ms(started));
      }),
    );
    baselineBursts.push(ms(bareBurst) / 1000);
  }
  return {
    api: apiBursts,
    baseline: baselineBursts,
    note: `per decision request, ${PARTICIPANTS} at once, ${api.decisions.length} decisions: API ${summary(apiLatencies)} (target p99 < 100 ms); baseline ${summary(baselineLatencies)}`,
  };
}

/**
 * 200 participants subscribed to a run's injects over graphql-ws; the product's InjectReleaser
 * releases each inject (the worker's path without the outbox hop) and every client's arrival
 * is measured from the release's recorded time.
 */
export async function timeInjectFanOut({ apiUrl, db, config, context }: Bench) {
  const team = await seedRunningDrill(db, config, context);
  // Nothing released yet: the releases below are what the clients wait for.
  await db.query('DELETE FROM drill_inject_releases WHERE run_id = $1', [team.runId]);
  const dataSource = await openPlatformDataSource(config, 'academy-bench');
  const redis = new Redis(redisConnectionOptions(config.REDIS_URL));
  const clock = new SystemClock();
  const releaser = new InjectReleaser(
    dataSource,
    clock,
    new RunLedger(new AuditTrail(dataSource), clock),
    new DrillScenarios(
      new CatalogReader(dataSource, new PreparedQueries(dataSource, new StatementCounter())),
      dataSource,
    ),
    new InjectAnnouncer(dataSource, clock, redis, new RunChannel(config)),
  );
  const arrivals = new Map<string, number[]>();
  const clients: Client[] = [];
  const delays: number[] = [];
  const bursts: number[] = [];
  try {
    for (const participant of team.participants) {
      const client = createClient({
        url: `${apiUrl.replace(/^http/, 'ws')}/graphql`,
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${participant.token}` },
        retryAttempts: 0,
      });
      clients.push(client);
      client.subscribe(
        { query: `subscription { drillInjectReleased(runId: "${team.runId}") { slug } }` },
        {
          next: (result) => {
            const slug = (result.data as { drillInjectReleased?: { slug: string } } | undefined)
              ?.drillInjectReleased?.slug;
            if (slug) arrivals.set(slug, [...(arrivals.get(slug) ?? []), Date.now()]);
          },
          error: () => undefined,
          complete: () => undefined,
        },
      );
    }
    // The protocol acknowledges no subscription: give them a moment, then a first release
    // proves every client listens before anything is measured.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const slugs = team.decisions.map((decision) => decision.slug);
    for (const [index, slug] of slugs.entries()) {
      await releaser.releaseOnSchedule(context.organizationId, team.runId, slug, 1);
      const deadline = Date.now() + 10_000;
      while ((arrivals.get(slug)?.length ?? 0) < PARTICIPANTS && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      const arrived = arrivals.get(slug) ?? [];
      if (arrived.length < PARTICIPANTS)
        throw new Error(`${slug} reached ${arrived.length} of ${PARTICIPANTS} clients`);
      const { rows } = await db.query<{ released_at: Date }>(
        'SELECT released_at FROM drill_inject_releases WHERE run_id = $1 AND inject_slug = $2',
        [team.runId, slug],
      );
      const releasedAt = rows[0]?.released_at.getTime() ?? NaN;
      // The first release only proves the subscriptions; it is not measured.
      if (index > 0) {
        delays.push(...arrived.map((at) => at - releasedAt));
        bursts.push(Math.max(...arrived.map((at) => at - releasedAt)) / 1000);
      }
    }
  } finally {
    for (const client of clients) void client.dispose();
    redis.disconnect();
    await dataSource.destroy();
  }
  const baseline = await bareFanOut(config, bursts.length);
  return {
    api: bursts,
    baseline: baseline.bursts,
    note: `arrival after the release time at ${PARTICIPANTS} graphql-ws clients, ${bursts.length} injects: ${summary(delays)}, the slowest client per inject ${bursts.map((b) => `${(b * 1000).toFixed(0)} ms`).join(', ')} (target: all within 1 s); baseline (one Redis publish fanned out by a bare ws server to ${PARTICIPANTS} plain WebSocket clients): ${summary(baseline.delays)}`,
  };
}

/**
 * The same fan-out without GraphQL, authentication or database: one Redis subscriber in a bare
 * ws server relaying each published message to 200 plain WebSocket clients.
 */
async function bareFanOut(config: AppConfig, releases: number) {
  const server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as { port: number };
  const subscriber = new Redis(redisConnectionOptions(config.REDIS_URL));
  const publisher = new Redis(redisConnectionOptions(config.REDIS_URL));
  const channel = `${config.REDIS_KEY_PREFIX}:bench-fan-out:${randomUUID()}`;
  subscriber.on('message', (_channel: string, message: string) => {
    for (const socket of server.clients) socket.send(message);
  });
  await subscriber.subscribe(channel);
  const arrivals = new Map<string, number[]>();
  const sockets = await Promise.all(
    Array.from({ length: PARTICIPANTS }, async () => {
      const socket = new WebSocket(`ws://127.0.0.1:${port}`);
      socket.on('message', (data: Buffer) => {
        const id = data.toString();
        arrivals.set(id, [...(arrivals.get(id) ?? []), Date.now()]);
      });
      await new Promise((resolve) => socket.once('open', resolve));
      return socket;
    }),
  );
  const delays: number[] = [];
  const bursts: number[] = [];
  try {
    for (let release = 0; release < releases; release++) {
      const id = randomUUID();
      const publishedAt = Date.now();
      await publisher.publish(channel, id);
      const deadline = Date.now() + 10_000;
      while ((arrivals.get(id)?.length ?? 0) < PARTICIPANTS && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      const arrived = (arrivals.get(id) ?? []).map((at) => at - publishedAt);
      delays.push(...arrived);
      bursts.push(Math.max(...arrived) / 1000);
    }
  } finally {
    for (const socket of sockets) socket.close();
    server.close();
    subscriber.disconnect();
    publisher.disconnect();
  }
  return { delays, bursts };
}
