import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { GraphQLJSONObject } from '@academy/common';

@ObjectType('DrillScore', { description: 'Points earned over points possible.' })
export class DrillScore {
  @Field(() => Float, { description: 'Points earned.' })
  earned!: number;

  @Field(() => Float, { description: 'Points possible.' })
  possible!: number;

  @Field(() => Float, { description: 'Earned over possible, 0 to 100.' })
  percent!: number;
}

@ObjectType('DrillPhaseScore', { description: 'The team score in one NIST SP 800-61 phase.' })
export class DrillPhaseScore extends DrillScore {
  @Field({ description: 'The phase.' })
  phase!: string;
}

@ObjectType('DrillCriterionScore', {
  description: 'The team score on one criterion of the scenario.',
})
export class DrillCriterionScore extends DrillScore {
  @Field({ description: "The criterion's slug." })
  criterion!: string;

  @Field({ description: "The criterion's title." })
  title!: string;
}

@ObjectType('DrillParticipantScore', { description: "A participant's score in a run." })
export class DrillParticipantScore extends DrillScore {
  @Field(() => ID, { description: "The person's id." })
  userId!: string;

  @Field({ description: "The person's display name." })
  displayName!: string;

  @Field({ description: 'Their role.' })
  roleSlug!: string;

  @Field(() => Float, {
    nullable: true,
    description: 'Average seconds from release to their answers.',
  })
  averageResponseSeconds!: number | null;
}

@ObjectType('DrillReportOption', {
  description: 'An option with its score and rationale (reports only).',
})
export class DrillReportOption {
  @Field({ description: 'The option id.' })
  id!: string;

  @Field({ description: 'What the option says.' })
  text!: string;

  @Field(() => Int, { description: 'Its score, 0 to 3.' })
  score!: number;

  @Field({ description: 'Why it scores so.' })
  rationale!: string;
}

@ObjectType('DrillReportResponse', { description: 'An answer given, as scored.' })
export class DrillReportResponse {
  @Field(() => ID, { description: 'Who answered.' })
  userId!: string;

  @Field({ description: 'Their display name.' })
  displayName!: string;

  @Field({ description: 'The role they answered in.' })
  roleSlug!: string;

  @Field({ description: 'The chosen option.' })
  optionId!: string;

  @Field({ description: "The chosen option's text." })
  optionText!: string;

  @Field(() => Int, { description: "The chosen option's score." })
  optionScore!: number;

  @Field(() => Float, { description: 'Points awarded (the late factor applied when late).' })
  points!: number;

  @Field({ description: 'Whether it came after the response window.' })
  late!: boolean;

  @Field({ description: 'When it was given (ISO 8601).' })
  submittedAt!: string;

  @Field(() => Float, { description: 'Seconds from the release to the answer.' })
  responseSeconds!: number;

  @Field({ description: "The chosen option's rationale." })
  rationale!: string;
}

@ObjectType('DrillReportDecision', {
  description: 'A decision point of the run, with what was chosen and what was better.',
})
export class DrillReportDecision {
  @Field({ description: 'The inject.' })
  injectSlug!: string;

  @Field({ description: "The inject's title." })
  title!: string;

  @Field({ description: 'Its NIST SP 800-61 phase.' })
  phase!: string;

  @Field({ description: 'The criterion it scores.' })
  criterion!: string;

  @Field({ description: 'The question.' })
  prompt!: string;

  @Field({ description: 'When the inject was released (ISO 8601).' })
  releasedAt!: string;

  @Field({ description: 'When its response window closed (ISO 8601).' })
  closesAt!: string;

  @Field(() => [DrillReportResponse], { description: 'The answers given.' })
  responses!: DrillReportResponse[];

  @Field(() => [String], { description: 'Roles or people who were to answer and did not.' })
  missingRespondents!: string[];

  @Field(() => [DrillReportOption], {
    description: 'Options scoring above the weakest answer (the best ones when nobody answered).',
  })
  betterOptions!: DrillReportOption[];
}

@ObjectType('DrillTimelineEntry', { description: 'A moment of the run.' })
export class DrillTimelineEntry {
  @Field({ description: 'When (ISO 8601).' })
  at!: string;

  @Field({
    description:
      'opened, inject-released, response, paused, resumed, skipped-ahead, ended or scored.',
  })
  kind!: string;

  @Field({ description: 'What happened.' })
  text!: string;
}

@ObjectType('DrillMissedInject', {
  description: 'An inject that was never released, or that nobody answered.',
})
export class DrillMissedInject {
  @Field({ description: 'The inject.' })
  injectSlug!: string;

  @Field({ description: "The inject's title." })
  title!: string;

  @Field({ description: 'not-released or unanswered.' })
  reason!: string;
}

@ObjectType('DrillRemedialAssignment', {
  description: 'Remedial learning assigned for a poor choice.',
})
export class DrillRemedialAssignment {
  @Field(() => ID, { description: 'Who got it.' })
  userId!: string;

  @Field({ description: 'Their display name.' })
  displayName!: string;

  @Field({ description: 'The remedial lesson the scenario names.' })
  lessonSlug!: string;

  @Field({ description: 'The course assigned, which teaches the lesson.' })
  courseSlug!: string;

  @Field(() => ID, { description: 'The learning assignment.' })
  assignmentId!: string;
}

@ObjectType('DrillReport', { description: 'The after-action report of a scored drill run.' })
export class DrillReport {
  @Field(() => ID, { description: 'The run.' })
  runId!: string;

  @Field({ description: "The scenario's title." })
  title!: string;

  @Field(() => DrillScore, { description: "The team's score." })
  team!: DrillScore;

  @Field(() => [DrillPhaseScore], { description: 'Team scores by NIST SP 800-61 phase.' })
  byPhase!: DrillPhaseScore[];

  @Field(() => [DrillCriterionScore], { description: 'Team scores by criterion.' })
  byCriterion!: DrillCriterionScore[];

  @Field(() => [DrillParticipantScore], { description: "Each participant's score." })
  participants!: DrillParticipantScore[];

  @Field(() => [DrillReportDecision], { description: 'Each decision beside the better options.' })
  decisions!: DrillReportDecision[];

  @Field(() => [DrillTimelineEntry], { description: 'What happened when.' })
  timeline!: DrillTimelineEntry[];

  @Field(() => [DrillMissedInject], { description: 'Injects never released or never answered.' })
  missedInjects!: DrillMissedInject[];

  @Field(() => [String], { description: 'Criteria the team scored at least 75% on.' })
  strengths!: string[];

  @Field(() => [String], { description: 'Criteria the team scored under 50% on.' })
  gaps!: string[];

  @Field(() => [DrillRemedialAssignment], {
    description: 'Remedial learning assigned after the run.',
  })
  remedialAssignments!: DrillRemedialAssignment[];

  @Field({ description: 'The whole report as a Markdown document.' })
  markdown!: string;

  @Field(() => GraphQLJSONObject, { description: 'The whole report as JSON, for export.' })
  json!: Record<string, unknown>;
}
