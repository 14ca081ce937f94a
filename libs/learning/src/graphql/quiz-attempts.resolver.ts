import { Inject } from '@nestjs/common';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { IdArg } from '@academy/common';
import {
  CurrentActor,
  Permission,
  RequirePermission,
  personOf,
  type Actor,
} from '@academy/identity';
import { QuizAttemptService } from '../quizzes/quiz-attempt.service.js';
import { QuizAnswerInput, SubmitQuizAttemptInput } from './learning.inputs.js';
import { OWN_LEARNING, toAnswerResult, toStartResult, toSubmitResult } from './learning.mappers.js';
import {
  QuizAttempt,
  SaveQuizAnswerResult,
  StartQuizAttemptResult,
  SubmitQuizAttemptResult,
} from './learning.objects.js';

/** Quiz attempts, decided and graded by the server. */
@Resolver()
export class QuizAttemptsResolver {
  constructor(@Inject(QuizAttemptService) private readonly attempts: QuizAttemptService) {}

  @RequirePermission(Permission.SELF)
  @Query(() => QuizAttempt, { description: 'One of your attempts.' })
  async quizAttempt(@CurrentActor() actor: Actor, @IdArg('id') id: string): Promise<QuizAttempt> {
    return this.attempts.get(personOf(actor, OWN_LEARNING), id);
  }

  @RequirePermission(Permission.SELF)
  @Mutation(() => StartQuizAttemptResult, {
    description:
      'Start (or resume) an attempt: questions drawn by the quiz rules, without answers.',
  })
  async startQuizAttempt(@CurrentActor() actor: Actor, @Args('quizSlug') quizSlug: string) {
    return toStartResult(await this.attempts.start(personOf(actor, OWN_LEARNING), quizSlug));
  }

  @RequirePermission(Permission.SELF)
  @Mutation(() => SaveQuizAnswerResult, { description: 'Save one answer of an open attempt.' })
  async saveQuizAnswer(
    @CurrentActor() actor: Actor,
    @IdArg('attemptId') attemptId: string,
    @Args('answer') answer: QuizAnswerInput,
  ) {
    return toAnswerResult(
      await this.attempts.saveAnswer(personOf(actor, OWN_LEARNING), attemptId, answer),
    );
  }

  @RequirePermission(Permission.SELF)
  @Mutation(() => SubmitQuizAttemptResult, {
    description:
      'Submit and grade an attempt, once; a retry with the same key gets the same grade.',
  })
  async submitQuizAttempt(
    @CurrentActor() actor: Actor,
    @Args('input') input: SubmitQuizAttemptInput,
  ) {
    return toSubmitResult(
      await this.attempts.submit(
        personOf(actor, OWN_LEARNING),
        input.attemptId,
        input.answers,
        input.idempotencyKey,
      ),
    );
  }
}
