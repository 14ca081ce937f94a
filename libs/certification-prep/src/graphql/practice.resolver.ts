import { Inject } from '@nestjs/common';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Clock, mapConnection, type Connection } from '@academy/common';
import {
  CurrentActor,
  Permission,
  personOf,
  RequirePermission,
  type Actor,
} from '@academy/identity';
import { OWN_LEARNING } from '@academy/learning';
import { PracticeService } from '../practice/practice.service.js';
import { DueReviews } from '../reviews/due-reviews.js';
import {
  AnswerPracticeQuestionInput,
  ReviewQueueArgs,
  StartPracticeSessionInput,
} from './certification-prep.inputs.js';
import {
  PracticeFeedback,
  PracticeSession,
  ReviewItemConnection,
  type ReviewItem,
} from './certification-prep.objects.js';

/** Adaptive and review practice, and the daily review queue. */
@Resolver()
export class PracticeResolver {
  constructor(
    @Inject(PracticeService) private readonly practice: PracticeService,
    @Inject(DueReviews) private readonly dueReviews: DueReviews,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  @RequirePermission(Permission.SELF)
  @Mutation(() => PracticeSession, {
    description:
      'Start a practice session of up to 10 questions: ADAPTIVE (weak domains, questions near your level) or REVIEW (what is due).',
  })
  startPracticeSession(
    @CurrentActor() actor: Actor,
    @Args('input') input: StartPracticeSessionInput,
  ): Promise<PracticeSession> {
    return this.practice.start(personOf(actor, OWN_LEARNING), input.trackSlug, input.mode);
  }

  @RequirePermission(Permission.SELF)
  @Mutation(() => PracticeFeedback, {
    description:
      'Answer one question of a practice session, once: graded at once, with its key and explanations, and scheduled for review when missed or unsure.',
  })
  answerPracticeQuestion(
    @CurrentActor() actor: Actor,
    @Args('input') input: AnswerPracticeQuestionInput,
  ): Promise<PracticeFeedback> {
    return this.practice.answer(personOf(actor, OWN_LEARNING), {
      sessionId: input.sessionId,
      questionId: input.questionId,
      optionIds: input.optionIds,
      confidence: input.confidence ?? null,
    });
  }

  @RequirePermission(Permission.SELF)
  @Query(() => ReviewItemConnection, {
    description:
      "Your daily review queue of a track: questions of the track's bank due for review now, soonest first.",
  })
  async reviewQueue(
    @CurrentActor() actor: Actor,
    @Args() args: ReviewQueueArgs,
  ): Promise<Connection<ReviewItem>> {
    const learner = personOf(actor, OWN_LEARNING);
    const page = await this.dueReviews.queue(
      { organizationId: learner.organizationId, userId: learner.id },
      args.trackSlug,
      this.clock.now(),
      args.first,
      args.after,
    );
    return mapConnection(page, (card) => ({
      id: card.id,
      questionId: card.questionSlug,
      domain: card.domainSlug,
      dueAt: card.due,
      lapses: card.lapses,
      reviews: card.reps,
    }));
  }
}
