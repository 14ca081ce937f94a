import { randomUUID } from 'node:crypto';
import { StatementCounter } from '@academy/database';
import { CertificateService } from '@academy/learning';
import {
  FIXTURE_ANSWERS,
  finishPolicyCourse,
  importLearningFixture,
  invitePerson,
  seedOrganization,
  startTestApi,
  type GraphqlResponse,
  type SeededOrganization,
  type SignedInPerson,
  type TestApi,
} from '@academy/testing';
import { createPublicKey, verify } from 'node:crypto';
import { importJWK, jwtVerify, type JWK } from 'jose';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ENROLLMENT =
  'id itemKind itemSlug title state assigned cycle dueAt partsTotal partsDone completedParts nextLesson { slug title }';

interface Enrollment {
  id: string;
  itemKind: string;
  itemSlug: string;
  state: string;
  cycle: number;
  dueAt: string | null;
  partsTotal: number;
  partsDone: number;
  nextLesson: { slug: string; title: string } | null;
}

describe('progress, attestations, completion and certificates', () => {
  let api: TestApi;
  let org: SeededOrganization;
  let db: DataSource;
  let counter = 0;

  const gql = async <T = Record<string, unknown>>(
    person: SignedInPerson | null,
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphqlResponse<T>['body']> =>
    (await api.graphql<T>(query, variables, person?.auth ?? {})).body;

  const newLearner = async () => {
    counter += 1;
    return invitePerson(api, org.slug, org.admin, {
      email: `progress-${counter}@progress.test`,
      displayName: `Pat Progress ${counter}`,
      role: 'LEARNER',
      managerId: org.manager.id,
    });
  };

  const dashboard = async (person: SignedInPerson) =>
    (
      await gql<{ myLearning: { enrollments: Enrollment[]; overdueCount: number } }>(
        person,
        `{ myLearning { overdueCount enrollments { ${ENROLLMENT} } recentResults { kind title score serial } } }`,
      )
    ).data?.myLearning;

  const passQuiz = async (person: SignedInPerson, quiz: string) => {
    const started = await gql<{
      startQuizAttempt: { attempt: { id: string; questions: { id: string }[] } };
    }>(
      person,
      `mutation { startQuizAttempt(quizSlug: "${quiz}") { ... on QuizAttemptStarted { attempt { id questions { id } } } } }`,
    );
    const attempt = started.data?.startQuizAttempt.attempt;
    if (!attempt) throw new Error(JSON.stringify(started));
    const submitted = await gql(
      person,
      `mutation Submit($input: SubmitQuizAttemptInput!) { submitQuizAttempt(input: $input) { __typename } }`,
      {
        input: {
          attemptId: attempt.id,
          idempotencyKey: randomUUID(),
          answers: attempt.questions.map((question) => ({
            questionId: question.id,
            optionIds: FIXTURE_ANSWERS[question.id],
          })),
        },
      },
    );
    expect(submitted.errors).toBeUndefined();
  };

  const completeLesson = (
    person: SignedInPerson,
    enrollmentId: string,
    lessonSlug: string,
    acknowledged?: boolean,
  ) =>
    gql<{
      completeLesson: {
        progress: { completedAt: string; secondsSpent: number };
        enrollment: Enrollment;
      };
    }>(
      person,
      `mutation Complete($input: CompleteLessonInput!) { completeLesson(input: $input) {
         progress { lessonSlug completedAt secondsSpent } enrollment { ${ENROLLMENT} } } }`,
      { input: { enrollmentId, lessonSlug, acknowledged } },
    );

  const certificatesOf = async (userId: string) =>
    db.query<
      {
        serial: string;
        item_slug: string;
        expires_at: Date | null;
        superseded_by_id: string | null;
      }[]
    >(
      'SELECT serial, item_slug, expires_at, superseded_by_id FROM certificates WHERE user_id = $1 ORDER BY issued_at',
      [userId],
    );

  beforeAll(async () => {
    api = await startTestApi();
    org = await seedOrganization(api, 'progress');
    db = api.app.get(DataSource);
    await importLearningFixture(api);
  });

  afterAll(async () => {
    await api.close();
  });

  it('enrolls a learner in optional learning once and shows it on the dashboard', async () => {
    const learner = await newLearner();
    const first = await gql<{ enrollInCourse: Enrollment }>(
      learner,
      `mutation { enrollInCourse(courseSlug: "policy") { ${ENROLLMENT} } }`,
    );
    const again = await gql<{ enrollInCourse: Enrollment }>(
      learner,
      `mutation { enrollInCourse(courseSlug: "policy") { id } }`,
    );
    expect(again.data?.enrollInCourse.id).toBe(first.data?.enrollInCourse.id);
    expect(first.data?.enrollInCourse).toMatchObject({
      state: 'NOT_STARTED',
      assigned: false,
      partsTotal: 2,
      partsDone: 0,
      nextLesson: { slug: 'acceptable-use', title: 'Acceptable use' },
    });
    const unknown = await gql(learner, 'mutation { enrollInCourse(courseSlug: "nope") { id } }');
    expect(unknown.errors?.[0]?.extensions?.reason).toBe('CATALOG_NOT_FOUND');
    expect((await dashboard(learner))?.enrollments.map((e) => e.itemSlug)).toEqual(['policy']);
  });

  it('requires the attestation, records it with its version, and lists it for auditors', async () => {
    const learner = await newLearner();
    const enrollment =
      (
        await gql<{ enrollInCourse: Enrollment }>(
          learner,
          'mutation { enrollInCourse(courseSlug: "policy") { id } }',
        )
      ).data?.enrollInCourse.id ?? '';
    const opened = await gql<{ openLesson: { enrollment: Enrollment } }>(
      learner,
      `mutation { openLesson(enrollmentId: "${enrollment}", lessonSlug: "acceptable-use") { progress { lessonSlug } enrollment { ${ENROLLMENT} } } }`,
    );
    expect(opened.data?.openLesson.enrollment).toMatchObject({
      state: 'IN_PROGRESS',
      nextLesson: { slug: 'acceptable-use' },
    });

    const refused = await completeLesson(learner, enrollment, 'acceptable-use');
    expect(refused.errors?.[0]?.extensions?.reason).toBe('LEARNING_ATTESTATION_REQUIRED');
    const [none] = await db.query<{ n: number }[]>(
      `SELECT (SELECT count(*) FROM attestations WHERE user_id = $1)::int
            + (SELECT count(*) FROM lesson_progress WHERE enrollment_id = $2 AND completed_at IS NOT NULL)::int AS n`,
      [learner.id, enrollment],
    );
    expect(none?.n).toBe(0);

    const done = await completeLesson(learner, enrollment, 'acceptable-use', true);
    expect(done.data?.completeLesson.enrollment).toMatchObject({
      partsDone: 1,
      nextLesson: { slug: 'reporting', title: 'Reporting' },
    });
    const auditors = await gql<{
      attestations: { totalCount: number; edges: { node: Record<string, unknown> }[] };
    }>(
      org.admin,
      '{ attestations(lessonSlug: "acceptable-use", lessonVersion: 1) { totalCount edges { node { userId lessonVersion statement attestedAt } } } }',
    );
    expect(auditors.data?.attestations.edges.map((edge) => edge.node)).toContainEqual(
      expect.objectContaining({
        userId: learner.id,
        lessonVersion: 1,
        statement: 'I have read and will follow the AI acceptable-use policy.',
      }),
    );
    const forbidden = await gql(
      learner,
      '{ attestations(lessonSlug: "acceptable-use") { totalCount } }',
    );
    expect(forbidden.errors?.[0]?.extensions?.reason).toBe('IDENTITY_FORBIDDEN');
    const wrongLesson = await completeLesson(learner, enrollment, 'first-lesson');
    expect(wrongLesson.errors?.[0]?.extensions?.reason).toBe('LEARNING_NOT_FOUND');
  });

  it('completes the course when lessons are done and the quiz passed, then the track, with certificates', async () => {
    const learner = await newLearner();
    const assigned = await gql<{ assignLearning: { assignment: { id: string } } }>(
      org.admin,
      `mutation { assignLearning(input: { itemKind: TRACK, itemSlug: "essentials", userIds: ["${learner.id}"], dueWithinDays: 30 }) { assignment { id } peopleEnrolled } }`,
    );
    expect(assigned.errors).toBeUndefined();
    const board = await dashboard(learner);
    expect(board?.enrollments.map((e) => `${e.itemKind}:${e.itemSlug}`).sort()).toEqual([
      'COURSE:basics',
      'COURSE:policy',
      'TRACK:essentials',
    ]);
    const byItem = new Map(board?.enrollments.map((e) => [e.itemSlug, e]));
    await finishPolicyCourse(api, learner, byItem.get('policy')?.id ?? '');
    expect((await certificatesOf(learner.id)).map((c) => c.item_slug)).toEqual(['policy']);

    await completeLesson(learner, byItem.get('basics')?.id ?? '', 'first-lesson');
    await passQuiz(learner, 'start');
    const certificates = await certificatesOf(learner.id);
    expect(certificates.map((c) => c.item_slug)).toEqual(['policy', 'basics', 'essentials']);

    const after = await dashboard(learner);
    expect(after?.enrollments.every((e) => e.state === 'COMPLETED')).toBe(true);
    const outbox = await db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM outbox_messages WHERE topic = 'learning.certificate-issued' AND organization_id = $1
          AND payload->>'certificateId' IN (SELECT id::text FROM certificates WHERE user_id = $2)`,
      [org.id, learner.id],
    );
    expect(outbox[0]?.n).toBe(3);

    // Anyone can verify; a changed record no longer verifies; a revoked one says so.
    const serial = certificates[2]?.serial ?? '';
    const verify = async (value: string) =>
      (
        await gql<{
          verifyCertificate: {
            status: string;
            holderName: string | null;
            itemTitle: string | null;
          };
        }>(null, `{ verifyCertificate(serial: "${value}") { status holderName itemTitle } }`)
      ).data?.verifyCertificate;
    expect(await verify(serial)).toEqual({
      status: 'VALID',
      holderName: `Pat Progress ${counter}`,
      itemTitle: 'Essentials',
    });
    expect(await verify('ASA-0000-0000-0000-0000')).toEqual({
      status: 'UNKNOWN',
      holderName: null,
      itemTitle: null,
    });

    const [certificate] = certificates;
    await db.query(`UPDATE certificates SET holder_name = 'Mallory' WHERE serial = $1`, [
      certificate?.serial,
    ]);
    expect((await verify(certificate?.serial ?? ''))?.status).toBe('INVALID');

    const revoked = await gql(
      org.admin,
      `mutation { revokeCertificate(input: { serial: "${serial}", reason: "Issued in error" }) { status revokedAt } }`,
    );
    expect(revoked.data).toMatchObject({ revokeCertificate: { status: 'REVOKED' } });
    expect((await verify(serial))?.status).toBe('REVOKED');
    const twice = await gql(
      org.admin,
      `mutation { revokeCertificate(input: { serial: "${serial}", reason: "again" }) { status } }`,
    );
    expect(twice.errors?.[0]?.extensions?.reason).toBe('LEARNING_ALREADY_REVOKED');
  });

  it('exports an Open Badges 3.0 credential that an independent verifier accepts', async () => {
    const learner = await newLearner();
    const enrollment =
      (
        await gql<{ enrollInCourse: Enrollment }>(
          learner,
          'mutation { enrollInCourse(courseSlug: "policy") { id } }',
        )
      ).data?.enrollInCourse.id ?? '';
    await finishPolicyCourse(api, learner, enrollment);
    const [certificate] = await certificatesOf(learner.id);
    const issuer = (
      await gql<{ certificateIssuer: { id: string; jwk: JWK } }>(
        null,
        '{ certificateIssuer { id name jwk } }',
      )
    ).data?.certificateIssuer;
    const badge = (
      await gql<{ certificateCredential: { jwt: string; credential: Record<string, unknown> } }>(
        learner,
        `{ certificateCredential(serial: "${certificate?.serial}") { jwt credential } }`,
      )
    ).data?.certificateCredential;
    if (!issuer || !badge) throw new Error('no issuer or badge');

    const { payload, protectedHeader } = await jwtVerify(
      badge.jwt,
      await importJWK(issuer.jwk, 'EdDSA'),
    );
    expect(protectedHeader).toMatchObject({ alg: 'EdDSA', kid: issuer.jwk.kid });
    expect(payload.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(payload['@context']).toContain(
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
    );
    expect(payload.iss).toBe(issuer.id);
    expect(payload.sub).toBe(`urn:uuid:${learner.id}`);
    expect(payload.credentialSubject).toMatchObject({ achievement: { name: 'Policy' } });
    expect(badge.credential).toMatchObject({ id: payload.jti });

    // Node's own Ed25519 against the published key, and a forged payload fails.
    const [header, body, signature] = badge.jwt.split('.') as [string, string, string];
    const key = createPublicKey({ key: issuer.jwk as never, format: 'jwk' });
    expect(
      verify(null, Buffer.from(`${header}.${body}`), key, Buffer.from(signature, 'base64url')),
    ).toBe(true);
    const forged = Buffer.from(
      JSON.stringify({ ...payload, sub: 'urn:uuid:someone-else' }),
    ).toString('base64url');
    expect(
      verify(null, Buffer.from(`${header}.${forged}`), key, Buffer.from(signature, 'base64url')),
    ).toBe(false);

    const other = await newLearner();
    const stranger = await gql(
      other,
      `{ certificateCredential(serial: "${certificate?.serial}") { jwt } }`,
    );
    expect(stranger.errors?.[0]?.extensions?.reason).toBe('LEARNING_NOT_FOUND');
  });

  it('opens the next cycle of a recurring assignment, and recertification supersedes', async () => {
    const learner = await newLearner();
    await gql(
      org.admin,
      `mutation { assignLearning(input: { itemKind: COURSE, itemSlug: "policy", userIds: ["${learner.id}"], recurrenceMonths: 12 }) { peopleEnrolled } }`,
    );
    const first = (await dashboard(learner))?.enrollments[0];
    await finishPolicyCourse(api, learner, first?.id ?? '');
    const [certificate] = await certificatesOf(learner.id);
    const next = (await dashboard(learner))?.enrollments.find((e) => e.state !== 'COMPLETED');
    expect(next).toMatchObject({ itemSlug: 'policy', cycle: 2, state: 'NOT_STARTED' });
    const dueInMonths = (new Date(next?.dueAt ?? 0).getTime() - Date.now()) / (30.4 * 86_400_000);
    expect(dueInMonths).toBeGreaterThan(11.5);
    expect(certificate?.expires_at?.toISOString().slice(0, 10)).toBe(next?.dueAt?.slice(0, 10));
    // A year and a month from now, the first certificate has expired.
    const later = new Date(Date.now() + 396 * 86_400_000);
    const expired = await api.app.get(CertificateService).verify(certificate?.serial ?? '', later);
    expect(expired.status).toBe('EXPIRED');

    await finishPolicyCourse(api, learner, next?.id ?? '');
    const both = await certificatesOf(learner.id);
    expect(both).toHaveLength(2);
    const superseded = both.filter((c) => c.superseded_by_id !== null);
    expect(superseded).toHaveLength(1);
    const status = await gql<{ verifyCertificate: { status: string } }>(
      null,
      `{ verifyCertificate(serial: "${superseded[0]?.serial}") { status } }`,
    );
    expect(status.data?.verifyCertificate.status).toBe('SUPERSEDED');
  });

  it('shows transcripts to their person and managers, and to no one else', async () => {
    const learner = await newLearner();
    const enrollment =
      (
        await gql<{ enrollInCourse: Enrollment }>(
          learner,
          'mutation { enrollInCourse(courseSlug: "policy") { id } }',
        )
      ).data?.enrollInCourse.id ?? '';
    await finishPolicyCourse(api, learner, enrollment);
    const query = `query T($id: ID) { transcript(userId: $id) { userId displayName enrollments { itemSlug state } attempts { quizSlug score passed } certificates { serial status } } }`;
    const own = await gql<{
      transcript: { userId: string; attempts: unknown[]; certificates: unknown[] };
    }>(learner, query);
    expect(own.data?.transcript).toMatchObject({
      userId: learner.id,
      attempts: [expect.objectContaining({ quizSlug: 'policy-basics', passed: true })],
    });
    expect(own.data?.transcript.certificates).toHaveLength(1);
    const byManager = await gql<{ transcript: { userId: string } }>(org.manager, query, {
      id: learner.id,
    });
    expect(byManager.data?.transcript.userId).toBe(learner.id);
    const other = await newLearner();
    const refused = await gql(other, query, { id: learner.id });
    expect(refused.errors?.[0]?.extensions?.reason).toBe('IDENTITY_NOT_FOUND');
  });

  it('serves the dashboard in at most 4 SQL statements, however many enrollments', async () => {
    const counter = api.app.get(StatementCounter);
    const learner = await newLearner();
    await gql(learner, 'mutation { enrollInCourse(courseSlug: "policy") { id } }');
    const statementsFor = async () => {
      const before = counter.total;
      await dashboard(learner);
      return counter.total - before;
    };
    const few = await statementsFor();
    await gql(
      org.admin,
      `mutation { assignLearning(input: { itemKind: TRACK, itemSlug: "essentials", userIds: ["${learner.id}"] }) { peopleEnrolled } }`,
    );
    await gql(learner, 'mutation { enrollInCourse(courseSlug: "basics") { id } }');
    const many = await statementsFor();
    expect(few).toBeLessThanOrEqual(4);
    expect(many).toBe(few);
  });
});
