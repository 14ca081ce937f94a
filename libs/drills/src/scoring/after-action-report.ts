/** A share of points: earned over possible, and as a percentage (0 when nothing was possible). */
export interface ScoreTally {
  earned: number;
  possible: number;
  percent: number;
}

export interface ReportOption {
  id: string;
  text: string;
  score: number;
  rationale: string;
}

export interface ReportResponse {
  userId: string;
  displayName: string;
  roleSlug: string;
  optionId: string;
  optionText: string;
  optionScore: number;
  /** Points awarded: the option's score, times the late factor when late. */
  points: number;
  late: boolean;
  submittedAt: string;
  /** Seconds from the inject's release to the answer. */
  responseSeconds: number;
  rationale: string;
}

export interface ReportDecision {
  injectSlug: string;
  title: string;
  phase: string;
  criterion: string;
  prompt: string;
  releasedAt: string;
  closesAt: string;
  responses: ReportResponse[];
  /** Roles (per-role mode) or people (per-participant mode) who were to answer and did not. */
  missingRespondents: string[];
  /** Options scoring higher than the weakest answer given (all the best ones when none was). */
  betterOptions: ReportOption[];
}

export interface ReportParticipant extends ScoreTally {
  userId: string;
  displayName: string;
  roleSlug: string;
  averageResponseSeconds: number | null;
  /** Decisions where this person chose an option scoring at most the scenario's poor mark. */
  poorChoices: { injectSlug: string; optionId: string; remedialLessons: string[] }[];
}

export interface ReportTimelineEntry {
  at: string;
  kind: string;
  text: string;
}

export interface ReportRemedialAssignment {
  userId: string;
  displayName: string;
  lessonSlug: string;
  courseSlug: string;
  assignmentId: string;
}

/** The after-action report of a scored run, as stored, queried and exported. */
export interface AfterActionReport {
  runId: string;
  title: string;
  scenarioSlug: string;
  responseMode: string;
  startsAt: string;
  openedAt: string | null;
  endedAt: string | null;
  team: ScoreTally;
  byPhase: (ScoreTally & { phase: string })[];
  byCriterion: (ScoreTally & { criterion: string; title: string })[];
  participants: ReportParticipant[];
  decisions: ReportDecision[];
  timeline: ReportTimelineEntry[];
  missedInjects: { injectSlug: string; title: string; reason: 'not-released' | 'unanswered' }[];
  /** Criteria the team scored at least STRENGTH_PERCENT on. */
  strengths: string[];
  /** Criteria the team scored under GAP_PERCENT on. */
  gaps: string[];
  remedialAssignments: ReportRemedialAssignment[];
}
