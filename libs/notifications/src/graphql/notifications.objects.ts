import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType } from '@academy/common';
import { OptionalNoticeKind } from '../preferences/notice-kinds.js';

registerEnumType(OptionalNoticeKind, {
  name: 'OptionalNoticeKind',
  description:
    'Kinds of notice a person may switch on or off per channel. Reminders of assigned learning are not optional.',
  valuesMap: {
    CERTIFICATE_ISSUED: {
      description: 'A certificate was issued to you; on until you switch it off.',
    },
    PRACTICE_REVIEWS_DUE: {
      description:
        'Certification-practice questions are due for review: a line in your daily digest; off until you switch it on.',
    },
  },
});

@ObjectType({ description: 'An in-app notification.' })
export class Notification {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'What it is about, e.g. reminder-digest or certificate-issued.' })
  kind!: string;

  @Field()
  subject!: string;

  @Field({ description: 'One line for a list.' })
  summary!: string;

  @Field({ description: 'The full text (plain).' })
  body!: string;

  @Field(() => String, { nullable: true, description: 'Where in the platform it leads (a path).' })
  link!: string | null;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  readAt!: Date | null;
}

@ObjectType('NotificationConnection')
export class NotificationConnection extends ConnectionType(Notification, 'Notification') {}

@ObjectType({ description: 'A choice of channels for one kind of optional notice.' })
export class NotificationPreference {
  @Field(() => OptionalNoticeKind)
  kind!: OptionalNoticeKind;

  @Field()
  email!: boolean;

  @Field()
  inApp!: boolean;
}

@ObjectType({
  description:
    "How the organization reminds its people. Days count in each recipient's own calendar and timezone.",
})
export class ReminderPolicy {
  @Field(() => [Int], { description: 'Remind this many days before the due date.' })
  daysBefore!: number[];

  @Field(() => [Int], { description: 'Remind this many days after the due date.' })
  daysOverdue!: number[];

  @Field(() => Int, {
    nullable: true,
    description: "Tell the learner's manager once learning is this many days overdue; null: never.",
  })
  escalateAfterDays!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: "ISO weekday (1 = Monday) of the admins' weekly overdue summary; null: none.",
  })
  adminSummaryWeekday!: number | null;

  @Field({ description: 'Local time of day reminders are sent (HH:MM).' })
  sendTime!: string;

  @Field({
    description: 'Start of local quiet hours (HH:MM); nothing is delivered until they end.',
  })
  quietHoursStart!: string;

  @Field({ description: 'End of local quiet hours (HH:MM).' })
  quietHoursEnd!: string;

  @Field(() => [Int], { description: 'ISO weekdays on which reminders are delivered.' })
  workingDays!: number[];
}

@ObjectType({ description: 'A digest that will go out: to whom, when and about what.' })
export class PlannedDigest {
  @Field(() => ID)
  recipientId!: string;

  @Field()
  recipientName!: string;

  @Field({ description: "The day in the recipient's calendar (YYYY-MM-DD)." })
  sendOn!: string;

  @Field(() => Date, {
    nullable: true,
    description: "When it becomes due; the recipient's quiet hours may still delay it.",
  })
  sendAt!: Date | null;

  @Field(() => Int)
  dueSoon!: number;

  @Field(() => Int)
  overdue!: number;

  @Field(() => Int, { description: "Direct reports' overdue learning (to a manager)." })
  escalations!: number;

  @Field({ description: 'Whether it carries the weekly overdue summary (to an admin).' })
  organizationSummary!: boolean;
}

@ObjectType('PlannedDigestConnection')
export class PlannedDigestConnection extends ConnectionType(PlannedDigest, 'PlannedDigest') {}

@ObjectType({ description: 'A message that failed its last delivery attempt.' })
export class DeadLetter {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'What the message was for, e.g. identity.invitation.' })
  topic!: string;

  @Field(() => Int)
  attempts!: number;

  @Field(() => String, { nullable: true, description: 'Why the last attempt failed.' })
  lastError!: string | null;

  @Field()
  createdAt!: Date;

  @Field()
  failedAt!: Date;
}

@ObjectType('DeadLetterConnection')
export class DeadLetterConnection extends ConnectionType(DeadLetter, 'DeadLetter') {}

@ObjectType({ description: 'An address the mail server refused for good; no email goes to it.' })
export class BouncedAddress {
  @Field()
  email!: string;

  @Field()
  bouncedAt!: Date;

  @Field({ description: "The mail server's reply." })
  reason!: string;
}
