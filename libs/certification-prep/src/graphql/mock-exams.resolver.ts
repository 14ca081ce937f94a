import { Inject } from '@nestjs/common';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import {
  CurrentActor,
  Permission,
  personOf,
  RequirePermission,
  type Actor,
} from '@academy/identity';
import { OWN_LEARNING } from '@academy/learning';
import { MockExamService } from '../mock-exams/mock-exam.service.js';
import {
  MockExamArgs,
  SaveMockExamAnswerInput,
  SubmitMockExamInput,
  TrackArgs,
} from './certification-prep.inputs.js';
import { MockExam } from './certification-prep.objects.js';

/** Timed mock exams, drawn, held and graded by the server. */
@Resolver()
export class MockExamsResolver {
  constructor(@Inject(MockExamService) private readonly exams: MockExamService) {}

  @RequirePermission(Permission.SELF)
  @Mutation(() => MockExam, {
    description:
      "Start a mock exam of a certification-prep track (or resume the open one): questions drawn per domain by the blueprint's weights, unseen ones first, without answers.",
  })
  startMockExam(@CurrentActor() actor: Actor, @Args() args: TrackArgs): Promise<MockExam> {
    return this.exams.start(personOf(actor, OWN_LEARNING), args.trackSlug);
  }

  @RequirePermission(Permission.SELF)
  @Mutation(() => MockExam, { description: 'Save one answer of an open mock exam.' })
  saveMockExamAnswer(
    @CurrentActor() actor: Actor,
    @Args('input') input: SaveMockExamAnswerInput,
  ): Promise<MockExam> {
    return this.exams.saveAnswer(personOf(actor, OWN_LEARNING), input.examId, input.answer);
  }

  @RequirePermission(Permission.SELF)
  @Mutation(() => MockExam, {
    description:
      'Submit and grade a mock exam, once; a retry with the same key gets the same result.',
  })
  submitMockExam(
    @CurrentActor() actor: Actor,
    @Args('input') input: SubmitMockExamInput,
  ): Promise<MockExam> {
    return this.exams.submit(
      personOf(actor, OWN_LEARNING),
      input.examId,
      input.answers,
      input.idempotencyKey,
    );
  }

  @RequirePermission(Permission.SELF)
  @Query(() => MockExam, { description: 'One of your mock exams.' })
  mockExam(@CurrentActor() actor: Actor, @Args() args: MockExamArgs): Promise<MockExam> {
    return this.exams.get(personOf(actor, OWN_LEARNING), args.id);
  }
}
