import type { AfterActionReport, ScoreTally } from './after-action-report.js';

const score = (tally: ScoreTally) => `${tally.earned} / ${tally.possible} (${tally.percent}%)`;
/** Table cells: a pipe or a line break would break the row. */
const cell = (text: string) => text.replaceAll('|', '\\|').replace(/\s*\n\s*/g, ' ');
/**
 * Text people typed about themselves (their names): every Markdown character escaped, so that a
 * name cannot add links, images or markup to a report meant to be shared.
 */
const typed = (text: string) => cell(text.replace(/[\\`*_{}[\]()#+\-.!<>~]/g, '\\$&'));

/** The after-action report as a Markdown document, for sharing outside the platform. */
export function reportMarkdown(report: AfterActionReport): string {
  const lines: string[] = [
    `# After-action report: ${report.title}`,
    '',
    `- Scenario: \`${report.scenarioSlug}\` (${report.responseMode})`,
    `- Scheduled: ${report.startsAt}; opened: ${report.openedAt ?? 'never'}; ended: ${report.endedAt ?? 'never'}`,
    `- Team score: ${score(report.team)}`,
    '',
    '## Scores by NIST SP 800-61 phase',
    '',
    '| Phase | Score |',
    '| --- | --- |',
    ...report.byPhase.map((row) => `| ${row.phase} | ${score(row)} |`),
    '',
    '## Scores by criterion',
    '',
    '| Criterion | Score |',
    '| --- | --- |',
    ...report.byCriterion.map((row) => `| ${cell(row.title)} | ${score(row)} |`),
    '',
    '## Participants',
    '',
    '| Participant | Role | Score | Average response |',
    '| --- | --- | --- | --- |',
    ...report.participants.map(
      (p) =>
        `| ${typed(p.displayName)} | ${p.roleSlug} | ${score(p)} | ${p.averageResponseSeconds == null ? '-' : `${p.averageResponseSeconds} s`} |`,
    ),
    '',
    '## Strengths',
    '',
    ...(report.strengths.length ? report.strengths.map((s) => `- ${s}`) : ['- None recorded.']),
    '',
    '## Gaps',
    '',
    ...(report.gaps.length ? report.gaps.map((g) => `- ${g}`) : ['- None recorded.']),
    '',
    '## Decisions',
  ];
  for (const decision of report.decisions) {
    lines.push(
      '',
      `### ${decision.title}`,
      '',
      `${decision.prompt} (${decision.phase}, ${decision.criterion})`,
      '',
    );
    for (const response of decision.responses) {
      lines.push(
        `- ${typed(response.displayName)} (${response.roleSlug}) chose **${response.optionId}**: ${cell(response.optionText)} — ${response.points} points${response.late ? ', late' : ''}, after ${response.responseSeconds} s. ${cell(response.rationale)}`,
      );
    }
    if (decision.missingRespondents.length > 0) {
      lines.push(`- No answer from: ${decision.missingRespondents.join(', ')}`);
    }
    if (decision.betterOptions.length > 0) {
      lines.push('', 'Better options:', '');
      for (const option of decision.betterOptions) {
        lines.push(
          `- **${option.id}** (${option.score}): ${cell(option.text)} ${cell(option.rationale)}`,
        );
      }
    }
  }
  lines.push('', '## Missed injects', '');
  lines.push(
    ...(report.missedInjects.length
      ? report.missedInjects.map(
          (m) => `- ${m.title}: ${m.reason === 'not-released' ? 'not released' : 'unanswered'}`,
        )
      : ['- None.']),
  );
  lines.push('', '## Remedial assignments', '');
  lines.push(
    ...(report.remedialAssignments.length
      ? report.remedialAssignments.map(
          (a) =>
            `- ${typed(a.displayName)}: lesson \`${a.lessonSlug}\` (course \`${a.courseSlug}\`)`,
        )
      : ['- None.']),
  );
  lines.push('', '## Timeline', '', '| Time | Event |', '| --- | --- |');
  // Timeline entries name people, so they are escaped like names.
  lines.push(...report.timeline.map((entry) => `| ${entry.at} | ${typed(entry.text)} |`));
  return `${lines.join('\n')}\n`;
}
