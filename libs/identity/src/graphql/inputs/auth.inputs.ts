import { Field, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';

@InputType('SignInInput')
export class SignInInput {
  @Field({ description: 'The organization’s slug, e.g. `acme`.' })
  @IsString()
  @Length(1, 100)
  organizationSlug!: string;

  @Field()
  @IsString()
  @Length(1, 320)
  email!: string;

  @Field()
  @IsString()
  @Length(1, 1024)
  password!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The 6-digit code of the authenticator app.',
  })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'totpCode must be 6 digits' })
  totpCode?: string | null;

  @Field(() => String, { nullable: true, description: 'One of the one-time recovery codes.' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  recoveryCode?: string | null;
}

@InputType('SetPasswordInput', {
  description: 'A token from an invitation or reset message, and the new password.',
})
export class SetPasswordInput {
  @Field()
  @IsString()
  @Length(1, 200)
  token!: string;

  @Field({
    description:
      'At least 15 characters (by default); no other rules, but not a common or breached one.',
  })
  @IsString()
  @Length(1, 1024)
  password!: string;
}

@InputType('RequestPasswordResetInput')
export class RequestPasswordResetInput {
  @Field()
  @IsString()
  @Length(1, 100)
  organizationSlug!: string;

  @Field()
  @IsString()
  @Length(1, 320)
  email!: string;
}

@InputType('ChangePasswordInput')
export class ChangePasswordInput {
  @Field()
  @IsString()
  @Length(1, 1024)
  currentPassword!: string;

  @Field()
  @IsString()
  @Length(1, 1024)
  newPassword!: string;
}

@InputType('UpdateMyProfileInput')
export class UpdateMyProfileInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  displayName?: string | null;

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
}
