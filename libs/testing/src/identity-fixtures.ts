import { createHash } from 'node:crypto';
import { SecretBox, loadConfig } from '@academy/common';
import { OrganizationService } from '@academy/identity';
import { DataSource } from 'typeorm';
import type { TestApi } from './test-apps.js';

export interface SignedInPerson {
  id: string;
  email: string;
  password: string;
  accessToken: string;
  refreshToken: string;
  sessionId: string;
  /** Headers that authenticate as this person. */
  auth: Record<string, string>;
}

export interface SeededOrganization {
  id: string;
  slug: string;
  admin: SignedInPerson;
  manager: SignedInPerson;
  learner: SignedInPerson;
}

const SIGN_IN = `mutation SignIn($input: SignInInput!) {
  signIn(input: $input) {
    __typename
    ... on SignInSuccess { tokens { accessToken refreshToken sessionId } user { id } mfaEnrollmentRequired }
    ... on SecondFactorRequired { message }
  }
}`;

/** A password that passes the policy (no name or email in it), distinct per label. */
export function strongPassword(label: string): string {
  return `orchard lanterns drift ${createHash('sha256').update(label).digest('hex').slice(0, 10)}`;
}

/**
 * The token an outbox message carries for a person (what the email would contain), opened with
 * the data key as the notifications worker will.
 */
export async function tokenFromOutbox(api: TestApi, email: string, topic: string): Promise<string> {
  const [row] = await api.app
    .get(DataSource)
    .query<{ id: string; payload: { tokenId: string; sealedToken: string } }[]>(
      `SELECT m.id, m.payload FROM outbox_messages m
       JOIN users u ON u.id = (m.payload->>'userId')::uuid
      WHERE u.email = $1 AND m.topic = $2 ORDER BY m.created_at DESC LIMIT 1`,
      [email, topic],
    );
  if (!row) throw new Error(`no ${topic} message for ${email}`);
  const box = new SecretBox(loadConfig({ ...process.env }).DATA_ENCRYPTION_KEY);
  return box.open(row.payload.sealedToken, `one-time-token:${row.payload.tokenId}`);
}

export async function signIn(
  api: TestApi,
  slug: string,
  email: string,
  password: string,
  extra: Record<string, string> = {},
): Promise<SignedInPerson> {
  const { body } = await api.graphql<{
    signIn: {
      __typename: string;
      tokens?: { accessToken: string; refreshToken: string; sessionId: string };
      user?: { id: string };
    };
  }>(SIGN_IN, { input: { organizationSlug: slug, email, password, ...extra } });
  const result = body.data?.signIn;
  if (!result?.tokens || !result.user) throw new Error(`sign-in failed: ${JSON.stringify(body)}`);
  return {
    id: result.user.id,
    email,
    password,
    accessToken: result.tokens.accessToken,
    refreshToken: result.tokens.refreshToken,
    sessionId: result.tokens.sessionId,
    auth: { authorization: `Bearer ${result.tokens.accessToken}` },
  };
}

export async function acceptInvitation(
  api: TestApi,
  token: string,
  password: string,
): Promise<void> {
  const { body } = await api.graphql(
    'mutation Accept($input: SetPasswordInput!) { acceptInvitation(input: $input) }',
    { input: { token, password } },
  );
  if (body.data?.acceptInvitation !== true)
    throw new Error(`accept failed: ${JSON.stringify(body)}`);
}

/** Invites a person as `admin`, accepts the invitation from the outbox and signs them in. */
export async function invitePerson(
  api: TestApi,
  slug: string,
  admin: SignedInPerson,
  input: { email: string; displayName: string; role: string; managerId?: string },
): Promise<SignedInPerson> {
  const { body } = await api.graphql(
    'mutation Invite($input: InviteUserInput!) { inviteUser(input: $input) { user { id } } }',
    { input },
    admin.auth,
  );
  if (!body.data) throw new Error(`invite failed: ${JSON.stringify(body)}`);
  const password = strongPassword(input.displayName);
  await acceptInvitation(
    api,
    await tokenFromOutbox(api, input.email, 'identity.invitation'),
    password,
  );
  return signIn(api, slug, input.email, password);
}

/** An organization with a signed-in admin, a manager, and a learner reporting to the manager. */
export async function seedOrganization(api: TestApi, slug: string): Promise<SeededOrganization> {
  const created = await api.app.get(OrganizationService).createWithAdmin({
    name: `Org ${slug}`,
    slug,
    adminEmail: `admin@${slug}.test`,
  });
  const adminPassword = strongPassword('Admin');
  await acceptInvitation(api, created.invitationToken, adminPassword);
  const admin = await signIn(api, slug, `admin@${slug}.test`, adminPassword);
  const manager = await invitePerson(api, slug, admin, {
    email: `manager@${slug}.test`,
    displayName: 'Morgan Manager',
    role: 'MANAGER',
  });
  const learner = await invitePerson(api, slug, admin, {
    email: `learner@${slug}.test`,
    displayName: 'Lee Learner',
    role: 'LEARNER',
    managerId: manager.id,
  });
  return { id: created.organization.id, slug, admin, manager, learner };
}
