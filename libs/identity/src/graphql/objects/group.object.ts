import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '@academy/common';
import { GroupKind } from './enums.js';

@ObjectType('Group', { description: 'A department, team or other set of people.' })
export class Group {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Unique within the organization.' })
  name!: string;

  @Field(() => GroupKind)
  kind!: GroupKind;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field()
  createdAt!: Date;
}

export const GroupConnection = ConnectionType(Group, 'Group');
