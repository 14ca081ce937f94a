import { Inject } from '@nestjs/common';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { type Connection, IdArg, mapConnection, PageArgs } from '@academy/common';
import {
  CurrentActor,
  Meta,
  Permission,
  RequirePermission,
  type Actor,
  type RequestMeta,
} from '@academy/identity';
import { AssignmentService } from '../assignments/assignment.service.js';
import { AssignLearningInput, AssignmentRuleInput, DueDateInput } from './learning.inputs.js';
import { toAssignment } from './learning.mappers.js';
import { Assignment, AssignmentConnection, AssignmentResult } from './learning.objects.js';

@Resolver(() => Assignment)
export class AssignmentsResolver {
  constructor(@Inject(AssignmentService) private readonly service: AssignmentService) {}

  @RequirePermission(Permission.LEARNING_ASSIGN)
  @Query(() => AssignmentConnection, {
    description: 'Assignments, newest first: all for admins, their own for managers.',
  })
  async assignments(
    @CurrentActor() actor: Actor,
    @Args() page: PageArgs,
  ): Promise<Connection<Assignment>> {
    const connection = await this.service.list(actor, page.first, page.after);
    return mapConnection(connection, toAssignment);
  }

  @RequirePermission(Permission.LEARNING_ASSIGN)
  @Mutation(() => AssignmentResult, {
    description:
      'Assign a course or track to people and groups (managers: their reporting line only). Assigning again does not duplicate.',
  })
  async assignLearning(
    @CurrentActor() actor: Actor,
    @Args('input') input: AssignLearningInput,
    @Meta() meta: RequestMeta,
  ): Promise<AssignmentResult> {
    const result = await this.service.assign(actor, input, meta);
    return { assignment: toAssignment(result.assignment), peopleEnrolled: result.peopleEnrolled };
  }

  @RequirePermission(Permission.LEARNING_RULES_MANAGE)
  @Mutation(() => AssignmentResult, {
    description: 'A standing rule: everyone who joins a group, or the organization, gets the item.',
  })
  async createAssignmentRule(
    @CurrentActor() actor: Actor,
    @Args('input') input: AssignmentRuleInput,
    @Meta() meta: RequestMeta,
  ): Promise<AssignmentResult> {
    const result = await this.service.createRule(actor, input, meta);
    return { assignment: toAssignment(result.assignment), peopleEnrolled: result.peopleEnrolled };
  }

  @RequirePermission(Permission.LEARNING_ASSIGN)
  @Mutation(() => Assignment, {
    description: 'Withdraw an assignment (or rule): open enrollments close; completed ones stay.',
  })
  async withdrawAssignment(
    @CurrentActor() actor: Actor,
    @IdArg('id') id: string,
    @Meta() meta: RequestMeta,
  ): Promise<Assignment> {
    return toAssignment(await this.service.withdraw(actor, id, meta));
  }

  @RequirePermission(Permission.LEARNING_ASSIGN)
  @Mutation(() => Assignment, {
    description: 'Move the due date of an assignment and of its open enrollments.',
  })
  async changeAssignmentDueDate(
    @CurrentActor() actor: Actor,
    @IdArg('id') id: string,
    @Args('due') due: DueDateInput,
    @Meta() meta: RequestMeta,
  ): Promise<Assignment> {
    return toAssignment(await this.service.changeDueDate(actor, id, due, meta));
  }
}
