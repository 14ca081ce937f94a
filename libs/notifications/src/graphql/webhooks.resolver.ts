import { Inject } from '@nestjs/common';
import { Args, ArgsType, Field, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import {
  CurrentActor,
  Meta,
  Permission,
  RequirePermission,
  type Actor,
  type RequestMeta,
} from '@academy/identity';
import { IsUUID } from 'class-validator';
import { MAX_WEBHOOK_ENDPOINTS, WebhookEndpoints } from '../webhooks/webhook-endpoints.service.js';
import { CreateWebhookEndpointInput, UpdateWebhookEndpointInput } from './webhooks.inputs.js';
import { WebhookEndpoint, WebhookEndpointWithSecret } from './webhooks.objects.js';

@ArgsType()
class EndpointIdArgs {
  @Field(() => ID)
  @IsUUID()
  id!: string;
}

/** For admins: the organization's webhook endpoints. */
@Resolver(() => WebhookEndpoint)
export class WebhooksResolver {
  constructor(@Inject(WebhookEndpoints) private readonly endpoints: WebhookEndpoints) {}

  @RequirePermission(Permission.NOTIFICATIONS_MANAGE)
  @Query(() => [WebhookEndpoint], {
    description: `The organization's webhook endpoints, oldest first (at most ${MAX_WEBHOOK_ENDPOINTS}; never their secrets).`,
  })
  webhookEndpoints(@CurrentActor() actor: Actor): Promise<WebhookEndpoint[]> {
    return this.endpoints.list(actor);
  }

  @RequirePermission(Permission.NOTIFICATIONS_MANAGE)
  @Mutation(() => WebhookEndpointWithSecret, {
    description: 'Adds a webhook endpoint; its signing secret is in this answer only.',
  })
  createWebhookEndpoint(
    @CurrentActor() actor: Actor,
    @Meta() meta: RequestMeta,
    @Args('input') input: CreateWebhookEndpointInput,
  ): Promise<WebhookEndpointWithSecret> {
    return this.endpoints.create(actor, input, meta);
  }

  @RequirePermission(Permission.NOTIFICATIONS_MANAGE)
  @Mutation(() => WebhookEndpoint, {
    description: "Changes a webhook endpoint's events or description, or pauses or resumes it.",
  })
  updateWebhookEndpoint(
    @CurrentActor() actor: Actor,
    @Meta() meta: RequestMeta,
    @Args() { id }: EndpointIdArgs,
    @Args('input') input: UpdateWebhookEndpointInput,
  ): Promise<WebhookEndpoint> {
    return this.endpoints.update(actor, id, input, meta);
  }

  @RequirePermission(Permission.NOTIFICATIONS_MANAGE)
  @Mutation(() => Boolean, {
    description: 'Deletes a webhook endpoint; messages still waiting for it are dropped.',
  })
  async deleteWebhookEndpoint(
    @CurrentActor() actor: Actor,
    @Meta() meta: RequestMeta,
    @Args() { id }: EndpointIdArgs,
  ): Promise<boolean> {
    await this.endpoints.delete(actor, id, meta);
    return true;
  }

  @RequirePermission(Permission.NOTIFICATIONS_MANAGE)
  @Mutation(() => WebhookEndpointWithSecret, {
    description:
      'Gives a webhook endpoint a new signing secret, shown in this answer only. For 24 hours messages carry a signature with the old secret too, so receivers can switch without losing any.',
  })
  rotateWebhookSecret(
    @CurrentActor() actor: Actor,
    @Meta() meta: RequestMeta,
    @Args() { id }: EndpointIdArgs,
  ): Promise<WebhookEndpointWithSecret> {
    return this.endpoints.rotateSecret(actor, id, meta);
  }

  @RequirePermission(Permission.NOTIFICATIONS_MANAGE)
  @Mutation(() => String, {
    description:
      'Sends a `webhook.ping` message to an active endpoint; returns the webhook-id header it will carry.',
  })
  testWebhook(
    @CurrentActor() actor: Actor,
    @Meta() meta: RequestMeta,
    @Args() { id }: EndpointIdArgs,
  ): Promise<string> {
    return this.endpoints.test(actor, id, meta);
  }
}
