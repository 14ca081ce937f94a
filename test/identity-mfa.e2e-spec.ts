import { currentTotpCode } from '../libs/identity/src/mfa/totp.js';
import {
  invitePerson,
  seedOrganization,
  startTestApi,
  type SeededOrganization,
  type SignedInPerson,
  type TestApi,
} from '@academy/testing';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const SIGN_IN = `mutation SignIn($input: SignInInput!) {
  signIn(input: $input) {
    __typename
    ... on SignInSuccess { tokens { accessToken } mfaEnrollmentRequired }
    ... on SecondFactorRequired { message }
  }
}`;

describe('multi-factor authentication', () => {
  let api: TestApi;
  let org: SeededOrganization;
  let person: SignedInPerson;
  let secret: string;
  let recoveryCodes: string[];

  const signInWith = (extra: Record<string, string> = {}) =>
    api.graphql<{ signIn: { __typename: string; tokens?: { accessToken: string } } }>(SIGN_IN, {
      input: {
        organizationSlug: org.slug,
        email: person.email,
        password: person.password,
        ...extra,
      },
    });

  beforeAll(async () => {
    api = await startTestApi({ SIGN_IN_MAX_FAILURES_PER_ACCOUNT: '20' });
    org = await seedOrganization(api, 'mfa-co');
    person = org.learner;
  });

  afterAll(async () => {
    await api.close();
  });

  it('enrols: a secret and otpauth URI, confirmed by a first code, returning recovery codes', async () => {
    const started = await api.graphql<{
      startMfaEnrollment: { secret: string; otpauthUri: string };
    }>('mutation { startMfaEnrollment { secret otpauthUri } }', undefined, person.auth);
    secret = started.body.data?.startMfaEnrollment.secret ?? '';
    expect(started.body.data?.startMfaEnrollment.otpauthUri).toContain(`secret=${secret}`);

    const wrong = await api.graphql(
      'mutation { confirmMfaEnrollment(code: "000000") { codes } }',
      undefined,
      person.auth,
    );
    expect(wrong.body.errors?.[0]?.extensions?.reason).toBe('IDENTITY_INVALID_SECOND_FACTOR');

    // Confirm with the code of the previous step, so the next sign-in can use the current one.
    const confirmed = await api.graphql<{ confirmMfaEnrollment: { codes: string[] } }>(
      'mutation($code: String!) { confirmMfaEnrollment(code: $code) { codes } }',
      { code: currentTotpCode(secret, Date.now() - 30_000) },
      person.auth,
    );
    recoveryCodes = confirmed.body.data?.confirmMfaEnrollment.codes ?? [];
    expect(recoveryCodes).toHaveLength(10);
    const sealed = await api.app
      .get(DataSource)
      .query<{ mfa_secret_sealed: string }[]>('SELECT mfa_secret_sealed FROM users WHERE id = $1', [
        person.id,
      ]);
    expect(sealed[0]?.mfa_secret_sealed).not.toContain(secret);
  });

  it('asks for the second factor after a right password, and gives no tokens', async () => {
    const { body } = await signInWith();
    expect(body.data?.signIn).toEqual({
      __typename: 'SecondFactorRequired',
      message: 'Enter the code from your authenticator app, or a recovery code.',
    });
  });

  it('refuses a wrong code, accepts the current one once, and refuses its replay', async () => {
    const wrong = await signInWith({
      totpCode: '123456' === currentTotpCode(secret) ? '654321' : '123456',
    });
    expect(wrong.body.errors?.[0]?.extensions).toEqual({
      code: 'UNAUTHENTICATED',
      reason: 'IDENTITY_INVALID_SECOND_FACTOR',
    });
    const code = currentTotpCode(secret);
    const first = await signInWith({ totpCode: code });
    expect(first.body.data?.signIn.__typename).toBe('SignInSuccess');
    const replay = await signInWith({ totpCode: code });
    expect(replay.body.errors?.[0]?.extensions?.reason).toBe('IDENTITY_INVALID_SECOND_FACTOR');
  });

  it('accepts each recovery code once, in any case and spacing', async () => {
    const code = recoveryCodes[0] ?? '';
    const used = await signInWith({ recoveryCode: code.toLowerCase().replaceAll('-', ' ') });
    expect(used.body.data?.signIn.__typename).toBe('SignInSuccess');
    const again = await signInWith({ recoveryCode: code });
    expect(again.body.errors?.[0]?.extensions?.reason).toBe('IDENTITY_INVALID_SECOND_FACTOR');
  });

  it('makes admins and managers enrol first when the organization requires it', async () => {
    const learner = await invitePerson(api, org.slug, org.admin, {
      email: 'new-learner@mfa-co.test',
      displayName: 'Nia New',
      role: 'LEARNER',
    });
    const update = await api.graphql(
      'mutation { updateOrganization(input: { settings: { requireMfaForPrivilegedRoles: true } }) { settings { requireMfaForPrivilegedRoles } } }',
      undefined,
      org.admin.auth,
    );
    expect(update.body.data).toEqual({
      updateOrganization: { settings: { requireMfaForPrivilegedRoles: true } },
    });

    const { body } = await api.graphql<{ signIn: { mfaEnrollmentRequired: boolean } }>(SIGN_IN, {
      input: {
        organizationSlug: org.slug,
        email: org.manager.email,
        password: org.manager.password,
      },
    });
    expect(body.data?.signIn.mfaEnrollmentRequired).toBe(true);
    for (const privileged of [org.manager, org.admin]) {
      const blocked = await api.graphql(
        '{ users(first: 5) { totalCount } }',
        undefined,
        privileged.auth,
      );
      expect(blocked.body.errors?.[0]?.extensions).toEqual({
        code: 'FORBIDDEN',
        reason: 'IDENTITY_MFA_ENROLLMENT_REQUIRED',
      });
      const me = await api.graphql<{ me: { id: string } }>(
        '{ me { id } }',
        undefined,
        privileged.auth,
      );
      expect(me.body.data?.me.id).toBe(privileged.id);
    }
    // Learners are not concerned.
    expect((await api.graphql('{ me { role } }', undefined, learner.auth)).body.data).toEqual({
      me: { role: 'LEARNER' },
    });

    for (const privileged of [org.manager, org.admin]) {
      const started = await api.graphql<{ startMfaEnrollment: { secret: string } }>(
        'mutation { startMfaEnrollment { secret } }',
        undefined,
        privileged.auth,
      );
      await api.graphql(
        'mutation($code: String!) { confirmMfaEnrollment(code: $code) { codes } }',
        { code: currentTotpCode(started.body.data?.startMfaEnrollment.secret ?? '') },
        privileged.auth,
      );
    }
    const allowed = await api.graphql(
      '{ users(first: 5) { totalCount } }',
      undefined,
      org.manager.auth,
    );
    expect(allowed.body.data).toEqual({ users: { totalCount: 2 } });
  });

  it('lets an admin reset a lost second factor', async () => {
    const { body } = await api.graphql<{ resetUserMfa: { mfaEnabled: boolean } }>(
      'mutation($id: ID!) { resetUserMfa(id: $id) { mfaEnabled } }',
      { id: person.id },
      org.admin.auth,
    );
    expect(body.data?.resetUserMfa.mfaEnabled).toBe(false);
    expect((await signInWith()).body.data?.signIn.__typename).toBe('SignInSuccess');
  });
});
