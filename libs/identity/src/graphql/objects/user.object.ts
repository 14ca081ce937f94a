import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '@academy/common';
import { Role, UserStatus } from './enums.js';

@ObjectType('User', { description: 'A person of the organization.' })
export class User {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Unique within the organization, lower-cased.' })
  email!: string;

  @Field()
  displayName!: string;

  @Field(() => String, { nullable: true })
  jobTitle!: string | null;

  @Field(() => String, { nullable: true })
  department!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'BCP 47 language tag, e.g. `en` or `de-CH`.',
  })
  locale!: string | null;

  @Field(() => String, { nullable: true, description: 'IANA time zone, e.g. `Europe/Berlin`.' })
  timezone!: string | null;

  @Field(() => ID, { nullable: true, description: 'Id of the person this one reports to.' })
  managerId!: string | null;

  @Field(() => String, { nullable: true, description: 'Hire date, YYYY-MM-DD.' })
  hiredOn!: string | null;

  @Field(() => Role)
  role!: Role;

  @Field(() => UserStatus)
  status!: UserStatus;

  @Field({ description: 'Whether the person has accepted their invitation and set a password.' })
  invitationAccepted!: boolean;

  @Field({ description: 'Whether a second factor (TOTP) is enrolled.' })
  mfaEnabled!: boolean;

  @Field()
  createdAt!: Date;
}

export const UserConnection = ConnectionType(User, 'User');
