import { Field, ID, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { GroupKind, Role, UserStatus } from '../objects/enums.js';

@InputType('UserFilter', { description: 'Narrow a list of people; all given conditions apply.' })
export class UserFilterInput {
  @Field(() => String, { nullable: true, description: 'Part of the email or display name.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string | null;

  @Field(() => Role, { nullable: true })
  @IsOptional()
  @IsEnum(Role)
  role?: Role | null;

  @Field(() => UserStatus, { nullable: true })
  @IsOptional()
  @IsEnum(UserStatus)
  status?: UserStatus | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  department?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only members of this group.' })
  @IsOptional()
  @IsUUID()
  groupId?: string | null;
}

@InputType('UpdateUserInput', { description: 'Fields to change; omitted fields stay as they are.' })
export class UpdateUserInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  displayName?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  jobTitle?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  department?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(35)
  locale?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  timezone?: string | null;

  @Field(() => ID, { nullable: true, description: 'The person’s manager; null removes it.' })
  @IsOptional()
  @IsUUID()
  managerId?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' })
  @IsOptional()
  @IsString()
  hiredOn?: string | null;
}

@InputType('InviteUserInput')
export class InviteUserInput extends UpdateUserInput {
  @Field()
  @IsString()
  @Length(3, 320)
  email!: string;

  @Field()
  @IsString()
  @Length(1, 200)
  declare displayName: string;

  @Field(() => Role, { defaultValue: Role.LEARNER })
  @IsEnum(Role)
  role: Role = Role.LEARNER;

  @Field(() => [ID], { nullable: true, description: 'Groups to add the person to.' })
  @IsOptional()
  @IsUUID('all', { each: true })
  @ArrayMaxSize(50)
  groupIds?: string[] | null;
}

@InputType('BulkInviteInput')
export class BulkInviteInput {
  @Field({
    description:
      'CSV text with a header row: email,name,department,manager_email,groups,role (email and name required; groups by name separated by ";").',
  })
  @IsString()
  @MaxLength(2_000_000)
  csv!: string;

  @Field({ description: 'When true, nothing is written if any row is bad.' })
  @IsBoolean()
  atomic!: boolean;
}

@InputType('GroupFilter')
export class GroupFilterInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string | null;

  @Field(() => GroupKind, { nullable: true })
  @IsOptional()
  @IsEnum(GroupKind)
  kind?: GroupKind | null;
}

@InputType('CreateGroupInput')
export class CreateGroupInput {
  @Field()
  @IsString()
  @Length(1, 100)
  name!: string;

  @Field(() => GroupKind, { defaultValue: GroupKind.TEAM })
  @IsEnum(GroupKind)
  kind: GroupKind = GroupKind.TEAM;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  description?: string | null;
}

@InputType('UpdateGroupInput')
export class UpdateGroupInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  name?: string;

  @Field(() => GroupKind, { nullable: true })
  @IsOptional()
  @IsEnum(GroupKind)
  kind?: GroupKind;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  description?: string | null;
}

@InputType('CreateApiKeyInput')
export class CreateApiKeyInput {
  @Field()
  @IsString()
  @Length(1, 100)
  name!: string;

  @Field(() => Role)
  @IsEnum(Role)
  role!: Role;

  @Field(() => Int, { description: 'Days until the key expires, 1 to 365.' })
  @IsInt()
  @Min(1)
  @Max(365)
  expiresInDays!: number;
}

@InputType('AuditEventFilter')
export class AuditEventFilterInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  actorId?: string | null;

  @Field(() => String, { nullable: true, description: 'Exact action, e.g. `auth.sign_in`.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  action?: string | null;

  @Field(() => Date, { nullable: true, description: 'Events at or after this time.' })
  @IsOptional()
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Events before this time.' })
  @IsOptional()
  to?: Date | null;
}

@InputType('OrganizationSettingsInput')
export class OrganizationSettingsInput {
  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  requireMfaForPrivilegedRoles?: boolean;
}

@InputType('UpdateOrganizationInput')
export class UpdateOrganizationInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  timezone?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(35)
  locale?: string | null;

  @Field(() => OrganizationSettingsInput, { nullable: true })
  @IsOptional()
  settings?: OrganizationSettingsInput | null;
}
