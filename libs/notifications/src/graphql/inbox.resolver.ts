import { Inject } from '@nestjs/common';
import { Args, ArgsType, Field, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { PageArgs, type Connection } from '@academy/common';
import {
  CurrentActor,
  Permission,
  Public,
  RequirePermission,
  personOf,
  type Actor,
} from '@academy/identity';
import { ArrayMaxSize, IsOptional, IsUUID } from 'class-validator';
import type { NotificationEntity } from '../entities/notification.entity.js';
import { InboxService } from '../inbox/inbox.service.js';
import { NotificationPreferences } from '../preferences/notification-preferences.js';
import { NotificationPreferenceInput } from './notifications.inputs.js';
import { NotificationConnection, NotificationPreference } from './notifications.objects.js';

@ArgsType()
class MarkNotificationsReadArgs {
  @Field(() => [ID], { nullable: true, description: 'At most 100; omit to mark all read.' })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  ids?: string[] | null;
}

/** A person's in-app notifications and their channel choices for optional notices. */
@Resolver()
export class InboxResolver {
  constructor(
    @Inject(InboxService) private readonly inbox: InboxService,
    @Inject(NotificationPreferences) private readonly preferences: NotificationPreferences,
  ) {}

  @RequirePermission(Permission.SELF)
  @Query(() => NotificationConnection, { description: 'Your in-app notifications, newest first.' })
  myNotifications(
    @CurrentActor() actor: Actor,
    @Args() page: PageArgs,
    @Args('unreadOnly', { defaultValue: false }) unreadOnly: boolean,
  ): Promise<Connection<NotificationEntity>> {
    return this.inbox.list(personOf(actor, 'notifications'), page.first, page.after, unreadOnly);
  }

  @RequirePermission(Permission.SELF)
  @Query(() => Int, { description: 'How many of your notifications are unread.' })
  unreadNotificationCount(@CurrentActor() actor: Actor): Promise<number> {
    return this.inbox.unreadCount(personOf(actor, 'notifications'));
  }

  @RequirePermission(Permission.SELF)
  @Mutation(() => Int, {
    description:
      'Marks your notifications read (all of them when ids is omitted); returns how many changed.',
  })
  markNotificationsRead(
    @CurrentActor() actor: Actor,
    @Args() { ids }: MarkNotificationsReadArgs,
  ): Promise<number> {
    return this.inbox.markRead(personOf(actor, 'notifications'), ids ?? null);
  }

  @RequirePermission(Permission.SELF)
  @Query(() => [NotificationPreference], {
    description: 'Your channels for each kind of optional notice (all on until you change them).',
  })
  notificationPreferences(@CurrentActor() actor: Actor): Promise<NotificationPreference[]> {
    return this.preferences.mine(personOf(actor, 'notifications'));
  }

  @RequirePermission(Permission.SELF)
  @Mutation(() => NotificationPreference, {
    description: 'Chooses the channels of one kind of optional notice.',
  })
  setNotificationPreference(
    @CurrentActor() actor: Actor,
    @Args('input') input: NotificationPreferenceInput,
  ): Promise<NotificationPreference> {
    return this.preferences.set(personOf(actor, 'notifications'), input);
  }

  @Public()
  @Mutation(() => Boolean, {
    description:
      "Switches off email for the notice kind of an unsubscribe link (the token from the link's fragment).",
  })
  async unsubscribe(@Args('token') token: string): Promise<boolean> {
    await this.preferences.unsubscribe(token);
    return true;
  }
}
