import { IdArg } from '@academy/common';
import { Inject } from '@nestjs/common';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor, RequestMeta } from '../../access/actor.js';
import { Permission } from '../../access/permissions.js';
import { ApiKeyService } from '../../api-keys/api-key.service.js';
import type { ApiKeyEntity } from '../../entities/api-key.entity.js';
import { CurrentActor, Meta, RequirePermission } from '../access.decorators.js';
import { CreateApiKeyInput } from '../inputs/admin.inputs.js';
import { ApiKey, CreatedApiKey } from '../objects/admin.object.js';

@Resolver(() => ApiKey)
export class ApiKeysResolver {
  constructor(@Inject(ApiKeyService) private readonly keys: ApiKeyService) {}

  @RequirePermission(Permission.API_KEYS_MANAGE)
  @Query(() => [ApiKey], {
    description: 'The organization’s API keys, newest first (never their secrets).',
  })
  apiKeys(@CurrentActor() actor: Actor): Promise<ApiKeyEntity[]> {
    return this.keys.list(actor);
  }

  @RequirePermission(Permission.API_KEYS_MANAGE)
  @Mutation(() => CreatedApiKey, {
    description: 'Create a key; its secret is in this answer only.',
  })
  createApiKey(
    @CurrentActor() actor: Actor,
    @Args('input') input: CreateApiKeyInput,
    @Meta() meta: RequestMeta,
  ): Promise<CreatedApiKey> {
    return this.keys.create(actor, input, meta);
  }

  @RequirePermission(Permission.API_KEYS_MANAGE)
  @Mutation(() => ApiKey, { description: 'Revoke a key at once.' })
  revokeApiKey(
    @CurrentActor() actor: Actor,
    @IdArg('id') id: string,
    @Meta() meta: RequestMeta,
  ): Promise<ApiKeyEntity> {
    return this.keys.revoke(actor, id, meta);
  }
}
