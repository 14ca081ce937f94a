import { Inject } from '@nestjs/common';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import type { RequestMeta } from '../../access/actor.js';
import { AuthenticationService } from '../../auth/authentication.service.js';
import { OnboardingService } from '../../invitations/onboarding.service.js';
import { SessionService } from '../../sessions/session.service.js';
import { Meta, Public } from '../access.decorators.js';
import { RequestPasswordResetInput, SetPasswordInput, SignInInput } from '../inputs/auth.inputs.js';
import { toUser } from '../mappers.js';
import {
  AuthTokens,
  SecondFactorRequired,
  SignInResult,
  SignInSuccess,
} from '../objects/auth.object.js';

/** Signing in and getting in: the public operations of identity. */
@Resolver()
export class AuthResolver {
  constructor(
    @Inject(AuthenticationService) private readonly authentication: AuthenticationService,
    @Inject(SessionService) private readonly sessions: SessionService,
    @Inject(OnboardingService) private readonly onboarding: OnboardingService,
  ) {}

  @Public()
  @Mutation(() => SignInResult, {
    description:
      'Sign in with organization slug, email and password (and a second factor when enrolled). Failures are identical whether or not the account exists, and are throttled.',
  })
  async signIn(
    @Args('input') input: SignInInput,
    @Meta() meta: RequestMeta,
  ): Promise<SignInSuccess | SecondFactorRequired> {
    const outcome = await this.authentication.signIn(input, meta);
    if (outcome.kind === 'second-factor-required') {
      return { message: 'Enter the code from your authenticator app, or a recovery code.' };
    }
    return {
      tokens: outcome.tokens,
      user: toUser(outcome.user),
      mfaEnrollmentRequired: outcome.mustEnrolMfa,
    };
  }

  @Public()
  @Mutation(() => AuthTokens, {
    description: 'Exchange a refresh token for a new pair. Each refresh token works once.',
  })
  refreshSession(
    @Args('refreshToken') refreshToken: string,
    @Meta() meta: RequestMeta,
  ): Promise<AuthTokens> {
    return this.sessions.refresh(refreshToken, meta);
  }

  @Public()
  @Mutation(() => Boolean, { description: 'Set the first password from an invitation message.' })
  async acceptInvitation(
    @Args('input') input: SetPasswordInput,
    @Meta() meta: RequestMeta,
  ): Promise<boolean> {
    await this.onboarding.acceptInvitation(input.token, input.password, meta);
    return true;
  }

  @Public()
  @Mutation(() => Boolean, {
    description:
      'Ask for a password-reset message. Always answers true, whether or not the account exists.',
  })
  async requestPasswordReset(
    @Args('input') input: RequestPasswordResetInput,
    @Meta() meta: RequestMeta,
  ): Promise<boolean> {
    await this.onboarding.requestPasswordReset(input.organizationSlug, input.email, meta);
    return true;
  }

  @Public()
  @Mutation(() => Boolean, {
    description: 'Set a new password from a reset message; ends every session.',
  })
  async resetPassword(
    @Args('input') input: SetPasswordInput,
    @Meta() meta: RequestMeta,
  ): Promise<boolean> {
    await this.onboarding.resetPassword(input.token, input.password, meta);
    return true;
  }
}
