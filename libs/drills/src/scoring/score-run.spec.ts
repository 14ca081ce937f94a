import { describe, expect, it } from 'vitest';
import type { DrillScenario } from '../scenario/drill-scenario.js';
import { reportMarkdown } from './report-markdown.js';
import { scoreRun, type RunRecord } from './score-run.js';

const option = (id: string, score: number) => ({
  id,
  text: `${id} text`,
  score,
  rationale: `${id} why`,
});

const scenario = (responseMode: 'per-role' | 'per-participant'): DrillScenario => ({
  title: 'Scenario',
  summary: 'A scenario.',
  durationMinutes: 60,
  frameworks: [],
  responseMode,
  lateResponse: { scoreFactor: 0.5 },
  poorScoreAtMost: 1,
  roles: [
    { slug: 'lead', title: 'Lead', description: 'Leads.' },
    { slug: 'analyst', title: 'Analyst', description: 'Analyses.' },
  ],
  criteria: [
    { slug: 'triage', title: 'Triage' },
    { slug: 'comms', title: 'Comms' },
  ],
  injects: [
    {
      slug: 'one',
      offsetMinutes: 0,
      phase: 'detection-analysis',
      title: 'One',
      body: 'Body.',
      decision: {
        prompt: 'First?',
        responseWindowMinutes: 5,
        criterion: 'triage',
        options: [option('a', 3), option('b', 1), option('c', 0)],
        remedialLessons: ['lesson-one'],
      },
    },
    {
      slug: 'two',
      offsetMinutes: 10,
      phase: 'post-incident',
      title: 'Two',
      body: 'Body.',
      decision: {
        prompt: 'Second?',
        roles: ['lead'],
        responseWindowMinutes: 5,
        criterion: 'comms',
        options: [option('a', 2), option('b', 3)],
        remedialLessons: ['lesson-two'],
      },
    },
    { slug: 'three', offsetMinutes: 20, phase: 'post-incident', title: 'Three', body: 'Body.' },
  ],
});

const t = (minutes: number) => new Date(Date.UTC(2026, 0, 1, 9, minutes));

const record = (
  mode: 'per-role' | 'per-participant',
  responses: RunRecord['responses'],
): RunRecord => ({
  run: {
    id: 'run',
    title: 'Scenario',
    scenarioSlug: 'scenario',
    startsAt: t(0),
    openedAt: t(0),
    endedAt: t(30),
  },
  scenario: scenario(mode),
  participants: [
    { userId: 'u1', displayName: 'Ann', roleSlug: 'lead' },
    { userId: 'u2', displayName: 'Bob', roleSlug: 'lead' },
    { userId: 'u3', displayName: 'Cy', roleSlug: 'analyst' },
  ],
  releases: [
    { injectSlug: 'one', releasedAt: t(0), responsesCloseAt: t(5) },
    { injectSlug: 'two', releasedAt: t(10), responsesCloseAt: t(15) },
  ],
  responses,
  events: [{ kind: 'opened', occurredAt: t(0), actorId: null, injectSlug: null }],
});

const response = (
  injectSlug: string,
  respondentKey: string,
  userId: string,
  roleSlug: string,
  optionId: string,
  minute: number,
  late = false,
) => ({ injectSlug, respondentKey, userId, roleSlug, optionId, submittedAt: t(minute), late });

describe('scoreRun', () => {
  it('scores per role: every holder of a role shares its answer, late answers by the late factor', () => {
    const report = scoreRun(
      record('per-role', [
        response('one', 'lead', 'u1', 'lead', 'b', 2),
        response('one', 'analyst', 'u3', 'analyst', 'a', 8, true),
        response('two', 'lead', 'u2', 'lead', 'b', 11),
      ]),
    );
    // one: lead 1 + analyst 3 x 0.5 of 6; two: lead 3 of 3.
    expect(report.team).toEqual({ earned: 5.5, possible: 9, percent: 61.11 });
    expect(report.byCriterion).toEqual([
      { criterion: 'triage', title: 'Triage', earned: 2.5, possible: 6, percent: 41.67 },
      { criterion: 'comms', title: 'Comms', earned: 3, possible: 3, percent: 100 },
    ]);
    expect(report.byPhase.map((row) => [row.phase, row.percent])).toEqual([
      ['detection-analysis', 41.67],
      ['post-incident', 100],
    ]);
    expect(report.strengths).toEqual(['Comms']);
    expect(report.gaps).toEqual(['Triage']);
    const [ann, bob, cy] = report.participants;
    expect(ann).toMatchObject({ earned: 4, possible: 6, averageResponseSeconds: 120 });
    expect(bob).toMatchObject({ earned: 4, possible: 6, averageResponseSeconds: 60 });
    expect(cy).toMatchObject({ earned: 1.5, possible: 3, percent: 50 });
    // Ann chose b (score 1, at most the poor mark): her lesson, not Bob's.
    expect(ann?.poorChoices).toEqual([
      { injectSlug: 'one', optionId: 'b', remedialLessons: ['lesson-one'] },
    ]);
    expect(bob?.poorChoices).toEqual([]);
    expect(report.decisions[0]?.betterOptions.map((o) => o.id)).toEqual(['a']);
    expect(report.missedInjects).toEqual([
      { injectSlug: 'three', title: 'Three', reason: 'not-released' },
    ]);
  });

  it('scores per participant: each person answers for themselves, and silence counts as missing', () => {
    const report = scoreRun(
      record('per-participant', [response('one', 'u3', 'u3', 'analyst', 'c', 1)]),
    );
    // one: three people of 3 each, one answered 0; two: two leads of 3 each, none answered.
    expect(report.team).toEqual({ earned: 0, possible: 15, percent: 0 });
    expect(report.decisions[0]?.missingRespondents).toEqual(['Ann', 'Bob']);
    expect(report.decisions[0]?.betterOptions.map((o) => o.id)).toEqual(['a', 'b']);
    expect(report.decisions[1]?.betterOptions.map((o) => o.id)).toEqual(['b']);
    expect(report.missedInjects.map((m) => [m.injectSlug, m.reason])).toEqual([
      ['three', 'not-released'],
      ['two', 'unanswered'],
    ]);
    expect(report.participants[2]?.poorChoices).toHaveLength(1);
  });

  it('ignores answers from respondents the decision does not ask, and an empty run scores zero', () => {
    const report = scoreRun(
      record('per-role', [response('two', 'analyst', 'u3', 'analyst', 'b', 11)]),
    );
    expect(report.decisions[1]?.responses).toEqual([]);
    expect(scoreRun({ ...record('per-role', []), releases: [] }).team).toEqual({
      earned: 0,
      possible: 0,
      percent: 0,
    });
  });

  it('renders Markdown with every section, escaping table cells', () => {
    const base = record('per-role', [response('one', 'lead', 'u1', 'lead', 'a', 1)]);
    const scored = scoreRun({
      ...base,
      participants: [{ userId: 'u1', displayName: 'Ann | Admin', roleSlug: 'lead' }],
    });
    const markdown = reportMarkdown({ ...scored, remedialAssignments: [] });
    for (const heading of [
      '## Scores by NIST SP 800-61 phase',
      '## Scores by criterion',
      '## Participants',
      '## Strengths',
      '## Gaps',
      '## Decisions',
      '## Missed injects',
      '## Remedial assignments',
      '## Timeline',
    ]) {
      expect(markdown).toContain(heading);
    }
    expect(markdown).toContain('| Ann \\| Admin | lead |');
  });

  it('escapes the Markdown in names people typed themselves', () => {
    const base = record('per-role', [response('one', 'lead', 'u1', 'lead', 'a', 1)]);
    const name = '![x](https://attacker.test/pixel)';
    const scored = scoreRun({
      ...base,
      participants: [{ userId: 'u1', displayName: name, roleSlug: 'lead' }],
    });
    const markdown = reportMarkdown({ ...scored, remedialAssignments: [] });
    expect(markdown).not.toContain(name);
    expect(markdown).toContain('\\!\\[x\\]\\(https://attacker\\.test/pixel\\)');
  });
});
