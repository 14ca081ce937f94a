import { Field, ID, ObjectType, createUnionType } from '@nestjs/graphql';
import { User } from './user.object.js';

@ObjectType('AuthTokens', { description: 'Credentials of a signed-in session.' })
export class AuthTokens {
  @Field({ description: 'Send as `Authorization: Bearer <accessToken>`; short-lived.' })
  accessToken!: string;

  @Field()
  accessTokenExpiresAt!: Date;

  @Field({
    description:
      'Exchange for a new pair with refreshSession before the access token expires. Single use: presenting a used one ends the session.',
  })
  refreshToken!: string;

  @Field(() => ID)
  sessionId!: string;
}

@ObjectType('SignInSuccess', { description: 'Signed in.' })
export class SignInSuccess {
  @Field(() => AuthTokens)
  tokens!: AuthTokens;

  @Field(() => User)
  user!: User;

  @Field({
    description:
      'The organization requires a second factor for this role and none is enrolled: until one is, only enrolment, `me` and sign-out are available.',
  })
  mfaEnrollmentRequired!: boolean;
}

@ObjectType('SecondFactorRequired', {
  description: 'The password was right; send signIn again with a TOTP or recovery code.',
})
export class SecondFactorRequired {
  @Field()
  message!: string;
}

export const SignInResult = createUnionType({
  name: 'SignInResult',
  description: 'Either signed in, or a second factor is needed.',
  types: () => [SignInSuccess, SecondFactorRequired] as const,
  resolveType: (value: SignInSuccess | SecondFactorRequired) =>
    'tokens' in value ? SignInSuccess : SecondFactorRequired,
});

@ObjectType('Session', { description: 'A signed-in session of the caller.' })
export class Session {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  userAgent!: string | null;

  @Field(() => String, { nullable: true })
  clientAddress!: string | null;

  @Field()
  createdAt!: Date;

  @Field()
  lastUsedAt!: Date;

  @Field()
  expiresAt!: Date;

  @Field({ description: 'Whether this is the session making the request.' })
  current!: boolean;
}

@ObjectType('MfaEnrollment', {
  description: 'Add this secret to an authenticator app, then confirm.',
})
export class MfaEnrollment {
  @Field({ description: 'Base32 TOTP secret, for typing in by hand.' })
  secret!: string;

  @Field({ description: '`otpauth://` URI to show as a QR code.' })
  otpauthUri!: string;
}

@ObjectType('MfaRecoveryCodes', {
  description: 'One-time recovery codes: shown once, store them safely.',
})
export class MfaRecoveryCodes {
  @Field(() => [String])
  codes!: string[];
}
