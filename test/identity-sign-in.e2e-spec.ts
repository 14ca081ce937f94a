import {
  seedOrganization,
  signIn,
  startTestApi,
  strongPassword,
  tokenFromOutbox,
  type SeededOrganization,
  type TestApi,
} from '@academy/testing';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const SIGN_IN = `mutation SignIn($input: SignInInput!) {
  signIn(input: $input) { __typename ... on SignInSuccess { tokens { accessToken refreshToken } } }
}`;
const ME = '{ me { id email role } }';
const REFRESH =
  'mutation R($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken } }';

describe('sign-in, sessions and passwords', () => {
  let api: TestApi;
  let org: SeededOrganization;

  beforeAll(async () => {
    api = await startTestApi({
      SIGN_IN_MAX_FAILURES_PER_ACCOUNT: '3',
      SIGN_IN_MAX_FAILURES_PER_ADDRESS: '50',
    });
    org = await seedOrganization(api, 'signin-co');
  });

  afterAll(async () => {
    await api.close();
  });

  const attempt = (input: Record<string, string>, headers: Record<string, string> = {}) =>
    api.graphql(SIGN_IN, { input }, headers);

  it('signs in and the access token identifies the person', async () => {
    const { body } = await api.graphql<{ me: { email: string; role: string } }>(
      ME,
      undefined,
      org.learner.auth,
    );
    expect(body.data?.me).toMatchObject({ email: 'learner@signin-co.test', role: 'LEARNER' });
  });

  it('answers identically for a wrong password, an unknown email and a wrong organization', async () => {
    const wrongPassword = await attempt({
      organizationSlug: 'signin-co',
      email: 'manager@signin-co.test',
      password: 'not the right password at all',
    });
    const unknownEmail = await attempt({
      organizationSlug: 'signin-co',
      email: 'nobody@signin-co.test',
      password: 'not the right password at all',
    });
    const wrongOrg = await attempt({
      organizationSlug: 'no-such-org',
      email: 'manager@signin-co.test',
      password: org.manager.password,
    });
    for (const response of [wrongPassword, unknownEmail, wrongOrg]) {
      expect(response.body).toEqual({
        data: null,
        errors: [
          {
            message: 'The organization, email or password is not correct.',
            path: ['signIn'],
            locations: [{ line: 2, column: 3 }],
            extensions: { code: 'UNAUTHENTICATED', reason: 'IDENTITY_INVALID_CREDENTIALS' },
          },
        ],
      });
    }
  });

  it('throttles an account after the configured failures, and not before', async () => {
    const input = {
      organizationSlug: 'signin-co',
      email: 'throttled@signin-co.test',
      password: 'wrong password for this test',
    };
    for (let failure = 1; failure <= 3; failure += 1) {
      const { body } = await attempt(input);
      expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    const { body } = await attempt(input);
    expect(body.errors?.[0]?.extensions).toEqual({
      code: 'TOO_MANY_REQUESTS',
      reason: 'IDENTITY_TOO_MANY_ATTEMPTS',
    });
    // Even the right password is refused while the account is throttled; other accounts are not.
    const other = await attempt({
      organizationSlug: 'signin-co',
      email: org.manager.email,
      password: org.manager.password,
    });
    expect(other.body.data?.signIn).toMatchObject({ __typename: 'SignInSuccess' });
  });

  it('rotates refresh tokens, and reuse of a spent one ends the whole session', async () => {
    const person = await signIn(api, 'signin-co', org.manager.email, org.manager.password);
    const first = await api.graphql<{
      refreshSession: { accessToken: string; refreshToken: string };
    }>(REFRESH, { t: person.refreshToken });
    const rotated = first.body.data?.refreshSession;
    expect(rotated?.refreshToken).toBeDefined();
    expect(rotated?.refreshToken).not.toBe(person.refreshToken);

    const replay = await api.graphql(REFRESH, { t: person.refreshToken });
    expect(replay.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // The family is revoked: the rotated pair no longer works either.
    const afterReplay = await api.graphql(REFRESH, { t: rotated?.refreshToken });
    expect(afterReplay.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const me = await api.graphql(ME, undefined, {
      authorization: `Bearer ${rotated?.accessToken ?? ''}`,
    });
    expect(me.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('signs out, lists and revokes sessions', async () => {
    const a = await signIn(api, 'signin-co', org.manager.email, org.manager.password);
    const b = await signIn(api, 'signin-co', org.manager.email, org.manager.password);
    const { body } = await api.graphql<{ mySessions: { id: string; current: boolean }[] }>(
      '{ mySessions { id current } }',
      undefined,
      a.auth,
    );
    const sessions = body.data?.mySessions ?? [];
    expect(sessions.filter((session) => session.current)).toHaveLength(1);
    expect(sessions.find((session) => session.current)?.id).toBe(a.sessionId);
    expect(sessions.map((session) => session.id)).toContain(b.sessionId);
    const status = async (person: { auth: Record<string, string> }) =>
      (await api.graphql(ME, undefined, person.auth)).body.errors?.[0]?.extensions?.code ?? 'OK';
    await api.graphql(
      'mutation($id: ID!) { revokeMySession(sessionId: $id) }',
      { id: b.sessionId },
      a.auth,
    );
    expect(await status(b)).toBe('UNAUTHENTICATED');
    expect(await status(a)).toBe('OK');
    await api.graphql('mutation { signOut }', undefined, a.auth);
    expect(await status(a)).toBe('UNAUTHENTICATED');
  });

  it('refuses weak and common passwords on password change, leaving the old one in place', async () => {
    const person = await signIn(api, 'signin-co', org.learner.email, org.learner.password);
    for (const [newPassword, reason] of [
      ['short one', /at least 15 characters/],
      ['passwordpassword', /common or breached/],
      ['lee learner forever and ever', /name, email address or organization/],
    ] as const) {
      const { body } = await api.graphql(
        'mutation($input: ChangePasswordInput!) { changeMyPassword(input: $input) }',
        { input: { currentPassword: org.learner.password, newPassword } },
        person.auth,
      );
      expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(body.errors?.[0]?.message).toMatch(reason);
    }
    await expect(
      signIn(api, 'signin-co', org.learner.email, org.learner.password),
    ).resolves.toBeDefined();
  });

  it('resets a password with a single-use token, answering the same for unknown accounts', async () => {
    const request = (email: string) =>
      api.graphql(
        'mutation($input: RequestPasswordResetInput!) { requestPasswordReset(input: $input) }',
        {
          input: { organizationSlug: 'signin-co', email },
        },
      );
    expect((await request('nobody@signin-co.test')).body).toEqual({
      data: { requestPasswordReset: true },
    });
    expect((await request(org.manager.email)).body).toEqual({
      data: { requestPasswordReset: true },
    });
    // Asking again at once answers the same but sends nothing more: no inbox flooding.
    expect((await request(org.manager.email)).body).toEqual({
      data: { requestPasswordReset: true },
    });
    const [messages] = await api.app.get(DataSource).query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM outbox_messages m JOIN users u ON u.id = (m.payload->>'userId')::uuid
          WHERE u.email = $1 AND m.topic = 'identity.password-reset'`,
      [org.manager.email],
    );
    expect(messages).toEqual({ n: 1 });
    const token = await tokenFromOutbox(api, org.manager.email, 'identity.password-reset');
    const reset = (password: string) =>
      api.graphql('mutation($input: SetPasswordInput!) { resetPassword(input: $input) }', {
        input: { token, password },
      });
    expect((await reset('tooshort')).body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const newPassword = strongPassword('Reset');
    expect((await reset(newPassword)).body).toEqual({ data: { resetPassword: true } });
    expect((await reset(strongPassword('Again'))).body.errors?.[0]?.extensions?.reason).toBe(
      'IDENTITY_INVALID_TOKEN',
    );
    await expect(signIn(api, 'signin-co', org.manager.email, newPassword)).resolves.toBeDefined();
    org.manager.password = newPassword;
  });

  it('refuses a reused or unknown invitation token', async () => {
    const { body } = await api.graphql(
      'mutation($input: SetPasswordInput!) { acceptInvitation(input: $input) }',
      {
        input: {
          token: await tokenFromOutbox(api, org.learner.email, 'identity.invitation'),
          password: strongPassword('Twice'),
        },
      },
    );
    expect(body.errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'IDENTITY_INVALID_TOKEN',
    });
  });

  it('refuses an expired invitation, leaving the person without a password', async () => {
    const invited = await api.graphql<{ inviteUser: { user: { id: string } } }>(
      'mutation { inviteUser(input: { email: "late@signin-co.test", displayName: "Lou Late" }) { user { id } } }',
      undefined,
      org.admin.auth,
    );
    const token = await tokenFromOutbox(api, 'late@signin-co.test', 'identity.invitation');
    await api.app
      .get(DataSource)
      .query(
        "UPDATE one_time_tokens SET expires_at = now() - interval '1 minute' WHERE user_id = $1",
        [invited.body.data?.inviteUser.user.id],
      );
    const { body } = await api.graphql(
      'mutation($input: SetPasswordInput!) { acceptInvitation(input: $input) }',
      {
        input: { token, password: strongPassword('Late') },
      },
    );
    expect(body.errors?.[0]?.extensions?.reason).toBe('IDENTITY_INVALID_TOKEN');
    const [row] = await api.app
      .get(DataSource)
      .query<{ password_hash: string | null }[]>(
        'SELECT password_hash FROM users WHERE email = $1',
        ['late@signin-co.test'],
      );
    expect(row?.password_hash).toBeNull();
  });

  it('ignores a client-supplied X-Forwarded-For without trusted proxies', async () => {
    const input = {
      organizationSlug: 'signin-co',
      email: 'spoof@signin-co.test',
      password: 'wrong password for spoofing',
    };
    for (let n = 0; n < 3; n += 1) await attempt(input, { 'x-forwarded-for': `198.51.100.${n}` });
    // Rotating the header did not give fresh counters: the account is throttled.
    const { body } = await attempt(input, { 'x-forwarded-for': '198.51.100.99' });
    expect(body.errors?.[0]?.extensions?.code).toBe('TOO_MANY_REQUESTS');
  });
});

describe('throttling per client address', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi({
      SIGN_IN_MAX_FAILURES_PER_ACCOUNT: '100',
      SIGN_IN_MAX_FAILURES_PER_ADDRESS: '4',
      TRUSTED_PROXIES: '127.0.0.1',
    });
  });

  afterAll(async () => {
    await api.close();
  });

  const attempt = (email: string, forwardedFor: string) =>
    api.graphql(
      SIGN_IN,
      { input: { organizationSlug: 'any-org', email, password: 'some wrong password here' } },
      { 'x-forwarded-for': forwardedFor },
    );

  it('counts failures per client address across accounts, behind a trusted proxy', async () => {
    for (let n = 0; n < 4; n += 1) {
      const { body } = await attempt(`spray-${n}@any.test`, '203.0.113.7');
      expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    expect(
      (await attempt('spray-9@any.test', '203.0.113.7')).body.errors?.[0]?.extensions?.code,
    ).toBe('TOO_MANY_REQUESTS');
    // Behind the trusted proxy, another client address is another counter.
    expect(
      (await attempt('spray-9@any.test', '203.0.113.8')).body.errors?.[0]?.extensions?.code,
    ).toBe('UNAUTHENTICATED');
  });
});
