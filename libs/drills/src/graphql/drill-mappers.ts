import type { DrillRunEntity } from '../entities/drill-run.entity.js';
import type { PinnedScenario } from '../scenario/drill-scenarios.js';
import type { InjectView } from '../running/run-reader.js';
import type { AfterActionReport } from '../scoring/after-action-report.js';
import { reportMarkdown } from '../scoring/report-markdown.js';
import type { DrillReport } from './drill-report.objects.js';
import type { DrillInject, DrillRun, DrillScenarioSummary } from './drills.objects.js';

export function toDrillRun(run: DrillRunEntity, myRole: string | null): DrillRun {
  return {
    id: run.id,
    scenarioSlug: run.scenarioSlug,
    title: run.title,
    status: run.status,
    startsAt: run.startsAt,
    openedAt: run.openedAt,
    pausedAt: run.pausedAt,
    endedAt: run.endedAt,
    scoredAt: run.scoredAt,
    facilitatorId: run.facilitatorId,
    mode: run.mode,
    missedPolicy: run.missedPolicy,
    seriesId: run.seriesId,
    myRole,
  };
}

export function toDrillInject(view: InjectView): DrillInject {
  return {
    id: view.releaseId,
    runId: view.runId,
    slug: view.slug,
    title: view.title,
    phase: view.phase,
    body: view.body,
    releasedAt: view.releasedAt,
    decision: view.decision && {
      ...view.decision,
      myResponse: view.decision.myResponse && {
        ...view.decision.myResponse,
        injectSlug: view.slug,
      },
    },
  };
}

export function toDrillReport(report: AfterActionReport): DrillReport {
  return {
    ...report,
    markdown: reportMarkdown(report),
    json: report as unknown as Record<string, unknown>,
  };
}

export function toDrillScenario({ slug, content }: PinnedScenario): DrillScenarioSummary {
  return {
    slug,
    title: content.title,
    summary: content.summary,
    durationMinutes: content.durationMinutes,
    responseMode: content.responseMode,
    injectCount: content.injects.length,
    roles: content.roles,
    frameworks: content.frameworks,
  };
}
