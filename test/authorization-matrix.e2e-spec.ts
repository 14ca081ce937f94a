import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '@academy/common';
import {
  invitePerson,
  seedOrganization,
  signIn,
  notifyWhenListening,
  startTestApi,
  subscribeLive,
  type SeededOrganization,
  type TestApi,
} from '@academy/testing';
import { buildSchema } from 'graphql';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  UNKNOWN,
  authorizationMatrix,
  type Caller,
  type MatrixContext,
  type MatrixRow,
} from './authorization-matrix.js';

const CALLERS: Caller[] = ['anonymous', 'learner', 'manager', 'other', 'admin'];
const UNKNOWN_ID = '00000000-0000-4000-8000-00000000abcd';
const MALFORMED_ID = 'not-a-uuid';
const REFUSALS = ['IDENTITY_NOT_AUTHENTICATED', 'IDENTITY_FORBIDDEN'];

/** The row's request with its id malformed, or null when it takes no id. */
function withMalformedId(row: MatrixRow, variables: Record<string, unknown> | undefined) {
  if (row.idVariable) {
    return { document: row.document, variables: { ...variables, [row.idVariable]: MALFORMED_ID } };
  }
  if (!row.document.includes(UNKNOWN)) return null;
  return { document: row.document.replaceAll(UNKNOWN, MALFORMED_ID), variables };
}

describe('authorization matrix', () => {
  let api: TestApi;
  let a: SeededOrganization;
  let b: SeededOrganization;
  let context: MatrixContext;
  const headers = new Map<Caller, Record<string, string>>();

  const signInEveryone = async () => {
    headers.set('anonymous', {});
    headers.set('learner', (await signIn(api, a.slug, a.learner.email, a.learner.password)).auth);
    headers.set('manager', (await signIn(api, a.slug, a.manager.email, a.manager.password)).auth);
    headers.set('admin', (await signIn(api, a.slug, a.admin.email, a.admin.password)).auth);
    headers.set('other', (await signIn(api, b.slug, b.admin.email, b.admin.password)).auth);
  };

  beforeAll(async () => {
    api = await startTestApi({
      SIGN_IN_MAX_FAILURES_PER_ACCOUNT: '100',
      SIGN_IN_MAX_FAILURES_PER_ADDRESS: '1000',
    });
    a = await seedOrganization(api, 'matrix-a');
    b = await seedOrganization(api, 'matrix-b');
    const victim = await invitePerson(api, a.slug, a.admin, {
      email: 'victim@matrix-a.test',
      displayName: 'Vic Tim',
      role: 'LEARNER',
    });
    const admin = (query: string) =>
      api.graphql<Record<string, { id?: string; apiKey?: { id: string } }>>(
        query,
        undefined,
        a.admin.auth,
      );
    const pending = await admin(
      'mutation { inviteUser(input: { email: "pending@matrix-a.test", displayName: "Pat Pending" }) { user { id } } }',
    );
    const group = await admin('mutation { createGroup(input: { name: "Matrix Group" }) { id } }');
    const disposable = await admin(
      'mutation { createGroup(input: { name: "Disposable" }) { id } }',
    );
    const key = await admin(
      'mutation { createApiKey(input: { name: "Matrix key", role: LEARNER, expiresInDays: 1 }) { apiKey { id } } }',
    );
    const passwords: Record<Caller, string> = {
      anonymous: '',
      learner: a.learner.password,
      manager: a.manager.password,
      admin: a.admin.password,
      other: b.admin.password,
    };
    context = {
      learnerId: a.learner.id,
      managerId: a.manager.id,
      victimId: victim.id,
      pendingId: (pending.body.data?.inviteUser as unknown as { user: { id: string } }).user.id,
      groupId: group.body.data?.createGroup?.id ?? '',
      disposableGroupId: disposable.body.data?.createGroup?.id ?? '',
      apiKeyId: key.body.data?.createApiKey?.apiKey?.id ?? '',
      passwordOf: (caller) => passwords[caller],
    };
    await signInEveryone();
  });

  afterAll(async () => {
    await api.close();
  });

  const outcomeOf = (body: { errors?: { extensions?: Record<string, unknown> }[] }) => {
    const extensions = body.errors?.[0]?.extensions;
    if (!extensions) return 'OK';
    return String(extensions.reason ?? extensions.code);
  };

  it('lists every operation of schema.gql', () => {
    const schema = buildSchema(readFileSync(join(PROJECT_ROOT, 'schema.gql'), 'utf8'));
    const operations = [
      schema.getQueryType(),
      schema.getMutationType(),
      schema.getSubscriptionType(),
    ]
      .flatMap((type) => Object.keys(type?.getFields() ?? {}))
      .sort();
    const listed = authorizationMatrix.map((row) => row.operation).sort();
    const missing = operations.filter((operation) => !listed.includes(operation));
    expect(
      missing,
      `operations without a row in test/authorization-matrix.ts: ${missing.join(', ')}`,
    ).toEqual([]);
    expect(listed.filter((operation) => !operations.includes(operation))).toEqual([]);
  });

  /**
   * A subscription's outcome for a caller: a refused connection, the first error, or OK once a
   * notification pushed to the caller arrives (for notificationReceived; the protocol itself
   * acknowledges no subscription).
   */
  const liveOutcomeOf = async (document: string, auth: Record<string, string>) => {
    const live = subscribeLive(api, document, auth.authorization ? auth : {});
    try {
      const token = auth.authorization?.slice('Bearer '.length);
      if (token) {
        const { sub, org } = decodeJwt(token);
        // Settles after the outcome when the subscription was refused; nothing waits for it then.
        notifyWhenListening(api, {
          organizationId: String(org),
          userId: String(sub),
          subject: 'Matrix',
        }).catch(() => undefined);
      }
      const raced = await Promise.race([live.closed, live.message(0)]);
      if (raced === 4401) return 'IDENTITY_NOT_AUTHENTICATED';
      // A subscription refused with an error ends the operation, and the client then closes its
      // idle connection: the error arrived before the close, so read it first.
      const first = live.messages[0] ?? raced;
      if (typeof first === 'number') return `CLOSED_${first}`;
      const errors = first.kind === 'error' ? first.errors : first.result.errors;
      return errors?.[0] ? outcomeOf({ errors: [...errors] }) : 'OK';
    } finally {
      await live.dispose();
    }
  };

  for (const row of authorizationMatrix) {
    it(`${row.operation}: ${CALLERS.map((caller) => `${caller} ${row.expect[caller]}`).join(', ')}`, async () => {
      const outcomes: Partial<Record<Caller, string>> = {};
      for (const caller of CALLERS) {
        if (row.overWebSocket) {
          outcomes[caller] = await liveOutcomeOf(row.document, headers.get(caller) ?? {});
          continue;
        }
        const variables = row.variables?.(context, caller);
        const { body } = await api.graphql(row.document, variables, headers.get(caller));
        outcomes[caller] = outcomeOf(body);

        if (caller === 'other' && row.idVariable && variables) {
          // Another organization's object answers exactly like an object that does not exist.
          const unknown = await api.graphql(
            row.document,
            { ...variables, [row.idVariable]: UNKNOWN_ID },
            headers.get(caller),
          );
          expect(body).toEqual(unknown.body);
        }
      }
      // The row ended everyone's session (signOut): give the next rows fresh ones.
      if (row.consumesSession) await signInEveryone();
      expect(outcomes).toEqual(row.expect);

      // A malformed id is bad input for whoever may call the operation, refused before the
      // resolver runs (never an internal error from a failed cast in SQL).
      const caller = CALLERS.find((candidate) => !REFUSALS.includes(row.expect[candidate]));
      const malformed =
        caller && !row.overWebSocket && withMalformedId(row, row.variables?.(context, caller));
      if (caller && malformed) {
        const { body } = await api.graphql(
          malformed.document,
          malformed.variables,
          headers.get(caller),
        );
        expect(body.errors?.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
      }
    });
  }
});
