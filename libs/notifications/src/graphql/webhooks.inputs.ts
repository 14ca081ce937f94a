import { Field, InputType } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsEnum,
  IsOptional,
  IsString,
  MaxLength,
} from 'class-validator';
import { MAX_WEBHOOK_DESCRIPTION_LENGTH } from '../webhooks/webhook-endpoints.service.js';
import { WebhookEvent, WEBHOOK_EVENTS } from '../webhooks/webhook-events.js';
import { MAX_WEBHOOK_URL_LENGTH } from '../webhooks/webhook-url.js';

@InputType({ description: 'A new webhook endpoint.' })
export class CreateWebhookEndpointInput {
  @Field({
    description: `Where to POST messages: https (http outside production), no user name or password, a public address; at most ${MAX_WEBHOOK_URL_LENGTH} characters.`,
  })
  @IsString()
  @MaxLength(MAX_WEBHOOK_URL_LENGTH)
  url!: string;

  @Field(() => String, {
    nullable: true,
    description: `A note for admins; at most ${MAX_WEBHOOK_DESCRIPTION_LENGTH} characters.`,
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_WEBHOOK_DESCRIPTION_LENGTH)
  description?: string | null;

  @Field(() => [WebhookEvent], { description: 'The events it receives (at least one).' })
  @ArrayMinSize(1)
  @ArrayMaxSize(WEBHOOK_EVENTS.length)
  @IsEnum(WebhookEvent, { each: true })
  events!: WebhookEvent[];
}

@InputType({ description: 'Changes to a webhook endpoint; omitted fields stay as they are.' })
export class UpdateWebhookEndpointInput {
  @Field(() => String, {
    nullable: true,
    description: `A note for admins; at most ${MAX_WEBHOOK_DESCRIPTION_LENGTH} characters.`,
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_WEBHOOK_DESCRIPTION_LENGTH)
  description?: string | null;

  @Field(() => [WebhookEvent], {
    nullable: true,
    description: 'The events it receives (at least one).',
  })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(WEBHOOK_EVENTS.length)
  @IsEnum(WebhookEvent, { each: true })
  events?: WebhookEvent[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Pause (false) or resume (true) it.' })
  @IsOptional()
  @IsBoolean()
  active?: boolean | null;
}
