import { Inject } from '@nestjs/common';
import { Args, ArgsType, Field, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { PageArgs, type Connection } from '@academy/common';
import {
  CurrentActor,
  Meta,
  Permission,
  RequirePermission,
  type Actor,
  type RequestMeta,
} from '@academy/identity';
import { IsEmail, IsInt, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { DeadLetters, type DeadLetter as DeadLetterRecord } from '../delivery/dead-letters.js';
import { ReminderPolicyService } from '../reminders/reminder-policy.service.js';
import {
  ReminderPreview,
  type PlannedDigest as PlannedDigestRecord,
} from '../reminders/reminder-preview.js';
import { ReminderPolicyInput } from './notifications.inputs.js';
import {
  BouncedAddress,
  DeadLetterConnection,
  PlannedDigestConnection,
  ReminderPolicy,
} from './notifications.objects.js';

@ArgsType()
class PreviewArgs extends PageArgs {
  @Field(() => Int, { defaultValue: 14, description: 'How many days ahead (1 to 90).' })
  @IsInt()
  @Min(1)
  @Max(90)
  days!: number;
}

@ArgsType()
class MessageIdArgs {
  @Field(() => ID)
  @IsUUID()
  id!: string;
}

@ArgsType()
class EmailArgs {
  @Field()
  @IsEmail()
  @MaxLength(320)
  email!: string;
}

/** For admins: the reminder policy and its preview, dead-lettered messages, bounced addresses. */
@Resolver()
export class NotificationsAdminResolver {
  constructor(
    @Inject(ReminderPolicyService) private readonly policies: ReminderPolicyService,
    @Inject(ReminderPreview) private readonly preview: ReminderPreview,
    @Inject(DeadLetters) private readonly letters: DeadLetters,
  ) {}

  @RequirePermission(Permission.NOTIFICATIONS_MANAGE)
  @Query(() => ReminderPolicy, { description: "The organization's reminder policy." })
  reminderPolicy(@CurrentActor() actor: Actor): Promise<ReminderPolicy> {
    return this.policies.get(actor);
  }

  @RequirePermission(Permission.NOTIFICATIONS_MANAGE)
  @Mutation(() => ReminderPolicy, {
    description: 'Replaces the reminder policy and moves every planned reminder to it.',
  })
  updateReminderPolicy(
    @CurrentActor() actor: Actor,
    @Meta() meta: RequestMeta,
    @Args('input') input: ReminderPolicyInput,
  ): Promise<ReminderPolicy> {
    return this.policies.update(actor, input, meta);
  }

  @RequirePermission(Permission.NOTIFICATIONS_MANAGE)
  @Query(() => PlannedDigestConnection, {
    description:
      'Who will be reminded when over the coming days, by day and person; sends nothing.',
  })
  reminderPreview(
    @CurrentActor() actor: Actor,
    @Args() args: PreviewArgs,
  ): Promise<Connection<PlannedDigestRecord>> {
    return this.preview.upcoming(actor, args.days, args.first, args.after);
  }

  @RequirePermission(Permission.NOTIFICATIONS_MANAGE)
  @Query(() => DeadLetterConnection, {
    description: 'Messages that failed their last delivery attempt, most recent first.',
  })
  deadLetters(
    @CurrentActor() actor: Actor,
    @Args() page: PageArgs,
  ): Promise<Connection<DeadLetterRecord>> {
    return this.letters.list(actor, page.first, page.after);
  }

  @RequirePermission(Permission.NOTIFICATIONS_MANAGE)
  @Mutation(() => Boolean, {
    description: 'Sends a dead-lettered message again, with fresh attempts.',
  })
  async retryDeadLetter(
    @CurrentActor() actor: Actor,
    @Meta() meta: RequestMeta,
    @Args() { id }: MessageIdArgs,
  ): Promise<boolean> {
    await this.letters.retry(actor, id, meta);
    return true;
  }

  @RequirePermission(Permission.NOTIFICATIONS_MANAGE)
  @Query(() => [BouncedAddress], {
    description: 'Addresses the mail server refused for good, most recent first (at most 500).',
  })
  bouncedAddresses(@CurrentActor() actor: Actor): Promise<BouncedAddress[]> {
    return this.letters.bounces(actor);
  }

  @RequirePermission(Permission.NOTIFICATIONS_MANAGE)
  @Mutation(() => Boolean, { description: 'Lets email go to a bounced address again.' })
  async clearBouncedAddress(
    @CurrentActor() actor: Actor,
    @Meta() meta: RequestMeta,
    @Args() { email }: EmailArgs,
  ): Promise<boolean> {
    await this.letters.clearBounce(actor, email, meta);
    return true;
  }
}
