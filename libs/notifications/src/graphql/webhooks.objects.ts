import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { WebhookEvent } from '../webhooks/webhook-events.js';

registerEnumType(WebhookEvent, {
  name: 'WebhookEvent',
  description:
    "Events a webhook endpoint may receive. The body's `type` is the wire name given with each value.",
  valuesMap: {
    ENROLLMENT_COMPLETED: {
      description:
        '`enrollment.completed`: a person completed a course or track (who, what, when).',
    },
    LEARNING_ASSIGNED: {
      description:
        '`learning.assigned`: learning was assigned; one message per assignment change, with the number of people per item.',
    },
  },
});

@ObjectType({
  description:
    "Where the organization receives webhooks (e.g. a chat tool). Each message is signed with the endpoint's secret as Standard Webhooks specifies (webhook-id, webhook-timestamp, webhook-signature headers); the secret is never shown here.",
})
export class WebhookEndpoint {
  @Field(() => ID, { description: 'Also the `endpointId` of its `webhook.ping` messages.' })
  id!: string;

  @Field({ description: 'Where messages are POSTed (https; http outside production).' })
  url!: string;

  @Field({ description: 'A note for admins, e.g. which channel it feeds.' })
  description!: string;

  @Field(() => [WebhookEvent], { description: 'The events it receives.' })
  events!: WebhookEvent[];

  @Field({
    description:
      'Whether it receives messages. An admin may pause it; it is switched off when the receiver answers 410 Gone.',
  })
  active!: boolean;

  @Field({ description: 'When it was added.' })
  createdAt!: Date;
}

@ObjectType({ description: 'An endpoint with its signing secret, shown only in this answer.' })
export class WebhookEndpointWithSecret {
  @Field(() => WebhookEndpoint, { description: 'The endpoint as it now stands.' })
  endpoint!: WebhookEndpoint;

  @Field({
    description:
      'The signing secret (`whsec_` + base64 of the HMAC key), for the receiver to verify webhook-signature. It cannot be shown again.',
  })
  secret!: string;
}
