import { REDIS } from '@academy/queue';
import type { Redis } from 'ioredis';
import { RunChannel } from '../../drills/src/live/run-channel.js';
import type { TestApi } from './test-apps.js';

/**
 * Planted in every score-revealing part of the fixture scenario (rationales): a participant must
 * never receive it before the run is scored.
 */
export const DRILL_CANARY = 'CANARY-DRILL-RATIONALE-4b9e17';

const option = (id: string, score: number) =>
  `        - { id: ${id}, text: Option ${id} text, score: ${score}, rationale: ${DRILL_CANARY} ${id} }`;

/**
 * A per-role scenario over the learning fixture's lessons (import it with
 * importLearningFixture(api, DRILL_FIXTURE)). Roles lead, analyst and comms. Minute 0: "alert"
 * (everyone; leads and analysts decide, 5 minutes, remedial acceptable-use) and "analyst-note"
 * (analysts only, no decision); minute 10: "press" (comms decide, 5 minutes, remedial reporting);
 * minute 30: "wrap" (everyone decides, 10 minutes). Scores: a 3, b 2 (wrap) or 0, c 1.
 */
export const DRILL_FIXTURE: Record<string, string> = {
  'drills/canary-drill.yaml': `title: Canary drill
summary: A drill for tests.
durationMinutes: 60
responseMode: per-role
lateResponse: { scoreFactor: 0.5 }
poorScoreAtMost: 1
roles:
  - { slug: lead, title: Lead, description: Leads. }
  - { slug: analyst, title: Analyst, description: Analyses. }
  - { slug: comms, title: Comms, description: Speaks. }
criteria:
  - { slug: containment, title: Containment }
  - { slug: communications, title: Communications }
  - { slug: lessons-learned, title: Lessons learned }
injects:
  - slug: alert
    offsetMinutes: 0
    phase: detection-analysis
    title: Alert fires
    body: Something happened.
    decision:
      prompt: What now?
      roles: [lead, analyst]
      responseWindowMinutes: 5
      criterion: containment
      options:
${option('a', 3)}
${option('b', 0)}
${option('c', 1)}
      remedialLessons: [acceptable-use]
  - slug: analyst-note
    offsetMinutes: 0
    phase: detection-analysis
    title: Analyst note
    body: For analysts only.
    roles: [analyst]
  - slug: press
    offsetMinutes: 10
    phase: containment-eradication-recovery
    title: Press calls
    body: A journalist calls.
    decision:
      prompt: What do you say?
      roles: [comms]
      responseWindowMinutes: 5
      criterion: communications
      options:
${option('a', 3)}
${option('b', 0)}
      remedialLessons: [reporting]
  - slug: wrap
    offsetMinutes: 30
    phase: post-incident
    title: Hot wash
    body: What did we learn?
    decision:
      prompt: What goes into the report?
      responseWindowMinutes: 10
      criterion: lessons-learned
      options:
${option('a', 3)}
${option('b', 2)}
      remedialLessons: [first-lesson]
`,
};

/** How many Redis connections listen for the run's injects. */
export async function drillRunListeners(api: TestApi, runId: string): Promise<number> {
  const channel = api.app.get(RunChannel).of(runId);
  const [, count] = (await api.app.get<Redis>(REDIS).pubsub('NUMSUB', channel)) as [string, number];
  return count;
}
