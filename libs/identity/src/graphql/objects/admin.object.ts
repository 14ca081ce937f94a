import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType, GraphQLJSONObject } from '@academy/common';
import { BulkRowOutcome, Role } from './enums.js';
import { User } from './user.object.js';

@ObjectType('Invitation', { description: 'A person invited; the token travels by message only.' })
export class Invitation {
  @Field(() => User)
  user!: User;

  @Field()
  expiresAt!: Date;
}

@ObjectType('BulkInviteRow', { description: 'The outcome of one CSV row.' })
export class BulkInviteRow {
  @Field(() => Int, { description: 'Line number in the CSV (the header is line 1).' })
  line!: number;

  @Field()
  email!: string;

  @Field(() => BulkRowOutcome)
  outcome!: BulkRowOutcome;

  @Field(() => String, { nullable: true, description: 'Why the row was rejected.' })
  reason!: string | null;
}

@ObjectType('BulkInviteReport', { description: 'What a bulk invitation did, row by row.' })
export class BulkInviteReport {
  @Field({ description: 'False when an atomic upload had a bad row: then nothing was written.' })
  applied!: boolean;

  @Field(() => [BulkInviteRow])
  rows!: BulkInviteRow[];
}

@ObjectType('ApiKey', { description: 'A credential for an integration.' })
export class ApiKey {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => Role, { description: 'The role the key acts with.' })
  role!: Role;

  @Field()
  createdAt!: Date;

  @Field()
  expiresAt!: Date;

  @Field(() => Date, { nullable: true })
  revokedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  lastUsedAt!: Date | null;
}

@ObjectType('CreatedApiKey', { description: 'A new key and its secret, shown only this once.' })
export class CreatedApiKey {
  @Field(() => ApiKey)
  apiKey!: ApiKey;

  @Field({ description: 'Send as `Authorization: Bearer <secret>`. It cannot be shown again.' })
  secret!: string;
}

@ObjectType('AuditEvent', {
  description: 'One entry of the organization’s append-only audit trail.',
})
export class AuditEvent {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Position in the organization’s hash chain.' })
  sequence!: string;

  @Field()
  occurredAt!: Date;

  @Field({ description: 'USER, API_KEY, SYSTEM or ANONYMOUS.' })
  actorType!: string;

  @Field(() => ID, { nullable: true })
  actorId!: string | null;

  @Field({ description: 'What happened, e.g. `auth.sign_in` or `user.role_changed`.' })
  action!: string;

  @Field(() => String, { nullable: true })
  targetType!: string | null;

  @Field(() => String, { nullable: true })
  targetId!: string | null;

  @Field({ description: 'SUCCESS, FAILURE or DENIED.' })
  outcome!: string;

  @Field(() => String, { nullable: true })
  requestId!: string | null;

  @Field(() => GraphQLJSONObject, { description: 'Facts about the event.' })
  details!: Record<string, unknown>;
}

export const AuditEventConnection = ConnectionType(AuditEvent, 'AuditEvent');
