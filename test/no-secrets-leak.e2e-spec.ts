import { Writable } from 'node:stream';
import { createLogger } from '@academy/common';
import { OrganizationService } from '@academy/identity';
import {
  startTestApi,
  strongPassword,
  tokenFromOutbox,
  type GraphqlResponse,
  type TestApi,
} from '@academy/testing';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentTotpCode } from '../libs/identity/src/mfa/totp.js';

/**
 * Drives the identity flows that handle secrets, with every log line captured at debug level,
 * then checks that no password, hash or sealed secret appears in any response or log line, and
 * that each token appears only in the one response that hands it to its owner.
 */
describe('secrets never leak into responses or logs', () => {
  let api: TestApi;
  const logLines: string[] = [];
  const responses: { step: string; text: string }[] = [];
  const passwords: string[] = [];
  const issued = new Map<string, string>(); // secret -> the step allowed to return it

  const call = async <T>(
    step: string,
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphqlResponse<T>['body']> => {
    const response = await api.graphql<T>(query, variables, headers);
    responses.push({ step, text: JSON.stringify(response.body) });
    return response.body;
  };

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logLines.push(chunk.toString());
        done();
      },
    });
    api = await startTestApi(
      { LOG_LEVEL: 'debug' },
      createLogger({ LOG_LEVEL: 'debug' }, 'api', sink),
    );

    const created = await api.app
      .get(OrganizationService)
      .createWithAdmin({ name: 'Leak Co', slug: 'leak-co', adminEmail: 'admin@leak-co.test' });
    const password = strongPassword('leak admin');
    passwords.push(password, 'not the password but close', 'tiny');
    await call('accept', 'mutation($i: SetPasswordInput!) { acceptInvitation(input: $i) }', {
      i: { token: created.invitationToken, password },
    });
    await call('weak accept', 'mutation($i: SetPasswordInput!) { acceptInvitation(input: $i) }', {
      i: { token: created.invitationToken, password: 'tiny' },
    });
    await call(
      'wrong password',
      'mutation($i: SignInInput!) { signIn(input: $i) { __typename } }',
      {
        i: {
          organizationSlug: 'leak-co',
          email: 'admin@leak-co.test',
          password: 'not the password but close',
        },
      },
    );
    const signedIn = await call<{
      signIn: { tokens: { accessToken: string; refreshToken: string } };
    }>(
      'sign in',
      'mutation($i: SignInInput!) { signIn(input: $i) { ... on SignInSuccess { tokens { accessToken refreshToken } } } }',
      { i: { organizationSlug: 'leak-co', email: 'admin@leak-co.test', password } },
    );
    const tokens = signedIn.data?.signIn.tokens ?? { accessToken: '', refreshToken: '' };
    issued.set(tokens.accessToken, 'sign in');
    issued.set(tokens.refreshToken, 'sign in');

    const refreshed = await call<{ refreshSession: { accessToken: string; refreshToken: string } }>(
      'refresh',
      'mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken } }',
      { t: tokens.refreshToken },
    );
    const fresh = refreshed.data?.refreshSession ?? { accessToken: '', refreshToken: '' };
    issued.set(fresh.accessToken, 'refresh');
    issued.set(fresh.refreshToken, 'refresh');
    const freshAuth = { authorization: `Bearer ${fresh.accessToken}` };

    await call(
      'weak change',
      'mutation($i: ChangePasswordInput!) { changeMyPassword(input: $i) }',
      { i: { currentPassword: password, newPassword: 'tiny' } },
      freshAuth,
    );
    const key = await call<{ createApiKey: { secret: string } }>(
      'api key',
      'mutation { createApiKey(input: { name: "Leak", role: LEARNER, expiresInDays: 1 }) { secret } }',
      undefined,
      freshAuth,
    );
    issued.set(key.data?.createApiKey.secret ?? '', 'api key');
    await call('list keys', '{ apiKeys { id name role } }', undefined, freshAuth);
    const enrolment = await call<{ startMfaEnrollment: { secret: string } }>(
      'mfa start',
      'mutation { startMfaEnrollment { secret otpauthUri } }',
      undefined,
      freshAuth,
    );
    const totpSecret = enrolment.data?.startMfaEnrollment.secret ?? '';
    issued.set(totpSecret, 'mfa start');
    const codes = await call<{ confirmMfaEnrollment: { codes: string[] } }>(
      'mfa confirm',
      'mutation($c: String!) { confirmMfaEnrollment(code: $c) { codes } }',
      { c: currentTotpCode(totpSecret) },
      freshAuth,
    );
    for (const code of codes.data?.confirmMfaEnrollment.codes ?? [])
      issued.set(code, 'mfa confirm');
    await call(
      'invite',
      'mutation { inviteUser(input: { email: "new@leak-co.test", displayName: "New Person" }) { expiresAt user { id } } }',
      undefined,
      freshAuth,
    );
    issued.set(await tokenFromOutbox(api, 'new@leak-co.test', 'identity.invitation'), 'never');
    await call(
      'reset request',
      'mutation { requestPasswordReset(input: { organizationSlug: "leak-co", email: "admin@leak-co.test" }) }',
    );
    issued.set(
      await tokenFromOutbox(api, 'admin@leak-co.test', 'identity.password-reset'),
      'never',
    );
    await call(
      'users',
      '{ users(first: 10) { edges { node { id email invitationAccepted mfaEnabled } } } }',
      undefined,
      freshAuth,
    );
    await call(
      'audit',
      '{ auditEvents(first: 100) { edges { node { action details } } } }',
      undefined,
      freshAuth,
    );
    await call(
      'bad input',
      'mutation { createApiKey(input: { name: "x", role: LEARNER, expiresInDays: 9999 }) { secret } }',
      undefined,
      freshAuth,
    );
  });

  afterAll(async () => {
    await api.close();
  });

  const storedSecrets = async () => {
    const db = api.app.get(DataSource);
    const values = await db.query<{ v: string | null }[]>(
      `SELECT password_hash AS v FROM users UNION ALL SELECT mfa_secret_sealed FROM users
       UNION ALL SELECT token_hash FROM refresh_tokens UNION ALL SELECT token_hash FROM one_time_tokens
       UNION ALL SELECT secret_hash FROM api_keys UNION ALL SELECT code_hash FROM mfa_recovery_codes
       UNION ALL SELECT payload->>'sealedToken' FROM outbox_messages`,
    );
    return values.map((row) => row.v).filter((value): value is string => Boolean(value));
  };

  it('never returns or logs a password, a stored hash or a sealed secret', async () => {
    const forbidden = [...passwords, ...(await storedSecrets())];
    expect(forbidden.length).toBeGreaterThan(10);
    const logs = logLines.join('');
    expect(logs).toContain('request completed');
    for (const secret of forbidden) {
      expect(logs.includes(secret), 'a secret reached the logs').toBe(false);
      for (const response of responses) {
        expect(
          response.text.includes(secret),
          `a secret reached the "${response.step}" response`,
        ).toBe(false);
      }
    }
  });

  it('returns each token only in the response that issues it, and logs none', () => {
    const logs = logLines.join('');
    for (const [secret, step] of issued) {
      expect(secret.length).toBeGreaterThan(5);
      expect(logs.includes(secret), 'a token reached the logs').toBe(false);
      const carriers = responses
        .filter((response) => response.text.includes(secret))
        .map((response) => response.step);
      expect(carriers).toEqual(step === 'never' ? [] : [step]);
    }
  });
});
