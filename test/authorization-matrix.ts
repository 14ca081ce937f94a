/**
 * Every GraphQL operation and what each kind of caller gets. A cell is the `extensions.reason`
 * (or `extensions.code`) of the first error, or OK. `other` is an admin of ANOTHER organization:
 * for operations that take an id from the first organization it must get exactly what a
 * non-existent id gets. A meta-test fails when schema.gql has an operation without a row.
 */
export type Caller = 'anonymous' | 'learner' | 'manager' | 'other' | 'admin';

export interface MatrixContext {
  learnerId: string;
  managerId: string;
  /** A person the admin may change or deactivate freely. */
  victimId: string;
  /** Invited, not yet accepted. */
  pendingId: string;
  groupId: string;
  disposableGroupId: string;
  apiKeyId: string;
  passwordOf: (caller: Caller) => string;
}

export interface MatrixRow {
  operation: string;
  document: string;
  variables?: (context: MatrixContext, caller: Caller) => Record<string, unknown>;
  /** The id variable that names an object of the first organization (cross-tenant check). */
  idVariable?: string;
  /** The operation ends the caller's session: everyone signs in afresh after it. */
  consumesSession?: boolean;
  /**
   * A subscription: run over graphql-ws with the caller's token in connection_init. A refused
   * connection (4401) reads as IDENTITY_NOT_AUTHENTICATED.
   */
  overWebSocket?: boolean;
  expect: Record<Caller, string>;
}

const NOT_AUTHENTICATED = 'IDENTITY_NOT_AUTHENTICATED';
const FORBIDDEN = 'IDENTITY_FORBIDDEN';
const NOT_FOUND = 'IDENTITY_NOT_FOUND';

const everyone = (outcome: string): Record<Caller, string> => ({
  anonymous: outcome,
  learner: outcome,
  manager: outcome,
  other: outcome,
  admin: outcome,
});
const signedIn: Record<Caller, string> = { ...everyone('OK'), anonymous: NOT_AUTHENTICATED };
const managersAndAdmins: Record<Caller, string> = { ...signedIn, learner: FORBIDDEN };
const adminsOnly: Record<Caller, string> = { ...signedIn, learner: FORBIDDEN, manager: FORBIDDEN };
/** Any signed-in person may ask; the item does not exist. */
const catalogMiss: Record<Caller, string> = {
  ...everyone('CATALOG_NOT_FOUND'),
  anonymous: NOT_AUTHENTICATED,
};
/** Any signed-in person may ask; the learning object does not exist. */
const learningMiss: Record<Caller, string> = {
  ...everyone('LEARNING_NOT_FOUND'),
  anonymous: NOT_AUTHENTICATED,
};
/** Any signed-in person may ask; the drill run does not exist. */
const drillMiss: Record<Caller, string> = {
  ...everyone('DRILLS_NOT_FOUND'),
  anonymous: NOT_AUTHENTICATED,
};
/** Any signed-in person may ask; the certification-prep object does not exist. */
const prepMiss: Record<Caller, string> = {
  ...everyone('CERT_PREP_NOT_FOUND'),
  anonymous: NOT_AUTHENTICATED,
};
/** An id that names nothing, in every organization. */
/** The id written into documents for an object that does not exist. */
export const UNKNOWN = '00000000-0000-4000-8000-00000000beef';
/** Admin-only, on an object of the first organization: other admins must not find it. */
const adminsOfTheOrganization: Record<Caller, string> = { ...adminsOnly, other: NOT_FOUND };

export const authorizationMatrix: MatrixRow[] = [
  // Public
  { operation: 'serverInfo', document: '{ serverInfo { version } }', expect: everyone('OK') },
  {
    operation: 'signIn',
    document:
      'mutation { signIn(input: { organizationSlug: "matrix-a", email: "nobody@matrix-a.test", password: "not a real password at all" }) { __typename } }',
    expect: everyone('IDENTITY_INVALID_CREDENTIALS'),
  },
  {
    operation: 'refreshSession',
    document: 'mutation { refreshSession(refreshToken: "not-a-token") { accessToken } }',
    expect: everyone('IDENTITY_INVALID_REFRESH_TOKEN'),
  },
  {
    operation: 'acceptInvitation',
    document:
      'mutation { acceptInvitation(input: { token: "not-a-token", password: "orchard lanterns drift north" }) }',
    expect: everyone('IDENTITY_INVALID_TOKEN'),
  },
  {
    operation: 'requestPasswordReset',
    document:
      'mutation { requestPasswordReset(input: { organizationSlug: "matrix-a", email: "nobody@matrix-a.test" }) }',
    expect: everyone('OK'),
  },
  {
    operation: 'resetPassword',
    document:
      'mutation { resetPassword(input: { token: "not-a-token", password: "orchard lanterns drift north" }) }',
    expect: everyone('IDENTITY_INVALID_TOKEN'),
  },

  // Oneself
  { operation: 'me', document: '{ me { id } }', expect: signedIn },
  { operation: 'organization', document: '{ organization { id } }', expect: signedIn },
  { operation: 'mySessions', document: '{ mySessions { id } }', expect: signedIn },
  {
    operation: 'updateMyProfile',
    document: 'mutation { updateMyProfile(input: { locale: "en" }) { id } }',
    expect: signedIn,
  },
  {
    operation: 'changeMyPassword',
    document:
      'mutation($p: String!) { changeMyPassword(input: { currentPassword: $p, newPassword: "short" }) }',
    variables: (context, caller) => ({ p: context.passwordOf(caller) }),
    expect: { ...everyone('IDENTITY_WEAK_PASSWORD'), anonymous: NOT_AUTHENTICATED },
  },
  {
    operation: 'revokeMySession',
    document: 'mutation { revokeMySession(sessionId: "00000000-0000-4000-8000-000000000000") }',
    expect: { ...everyone(NOT_FOUND), anonymous: NOT_AUTHENTICATED },
  },
  {
    operation: 'signOut',
    document: 'mutation { signOut }',
    consumesSession: true,
    expect: signedIn,
  },
  {
    operation: 'startMfaEnrollment',
    document: 'mutation { startMfaEnrollment { otpauthUri } }',
    expect: signedIn,
  },
  {
    operation: 'confirmMfaEnrollment',
    document: 'mutation { confirmMfaEnrollment(code: "000000") { codes } }',
    expect: { ...everyone('IDENTITY_INVALID_SECOND_FACTOR'), anonymous: NOT_AUTHENTICATED },
  },
  {
    operation: 'disableMfa',
    document: 'mutation($p: String!) { disableMfa(password: $p) }',
    variables: (context, caller) => ({ p: context.passwordOf(caller) }),
    expect: signedIn,
  },

  // People
  { operation: 'users', document: '{ users(first: 5) { totalCount } }', expect: managersAndAdmins },
  {
    operation: 'user',
    document: 'query($id: ID!) { user(id: $id) { id } }',
    variables: (context) => ({ id: context.learnerId }),
    idVariable: 'id',
    expect: { ...managersAndAdmins, other: NOT_FOUND },
  },
  {
    operation: 'inviteUser',
    document:
      'mutation($email: String!) { inviteUser(input: { email: $email, displayName: "Matrix Invitee" }) { expiresAt } }',
    variables: (_context, caller) => ({ email: `invitee-${caller}@matrix.test` }),
    expect: adminsOnly,
  },
  {
    operation: 'resendInvitation',
    document: 'mutation($id: ID!) { resendInvitation(userId: $id) { expiresAt } }',
    variables: (context) => ({ id: context.pendingId }),
    idVariable: 'id',
    expect: adminsOfTheOrganization,
  },
  {
    operation: 'bulkInviteUsers',
    document:
      'mutation { bulkInviteUsers(input: { csv: "email,name\\nnot-an-email,Nobody", atomic: true }) { applied } }',
    expect: adminsOnly,
  },
  {
    operation: 'updateUser',
    document: 'mutation($id: ID!) { updateUser(id: $id, input: { jobTitle: "Analyst" }) { id } }',
    variables: (context) => ({ id: context.learnerId }),
    idVariable: 'id',
    expect: adminsOfTheOrganization,
  },
  {
    operation: 'changeUserRole',
    document: 'mutation($id: ID!) { changeUserRole(id: $id, role: LEARNER) { id } }',
    variables: (context) => ({ id: context.victimId }),
    idVariable: 'id',
    expect: adminsOfTheOrganization,
  },
  {
    operation: 'deactivateUser',
    document: 'mutation($id: ID!) { deactivateUser(id: $id) { id } }',
    variables: (context) => ({ id: context.victimId }),
    idVariable: 'id',
    expect: adminsOfTheOrganization,
  },
  {
    operation: 'reactivateUser',
    document: 'mutation($id: ID!) { reactivateUser(id: $id) { id } }',
    variables: (context) => ({ id: context.victimId }),
    idVariable: 'id',
    expect: adminsOfTheOrganization,
  },
  {
    operation: 'resetUserMfa',
    document: 'mutation($id: ID!) { resetUserMfa(id: $id) { id } }',
    variables: (context) => ({ id: context.victimId }),
    idVariable: 'id',
    expect: adminsOfTheOrganization,
  },

  // Groups
  { operation: 'groups', document: '{ groups { totalCount } }', expect: managersAndAdmins },
  {
    operation: 'group',
    document: 'query($id: ID!) { group(id: $id) { id } }',
    variables: (context) => ({ id: context.groupId }),
    idVariable: 'id',
    expect: { ...managersAndAdmins, other: NOT_FOUND },
  },
  {
    operation: 'createGroup',
    document: 'mutation($name: String!) { createGroup(input: { name: $name }) { id } }',
    variables: (_context, caller) => ({ name: `Matrix ${caller}` }),
    expect: adminsOnly,
  },
  {
    operation: 'updateGroup',
    document:
      'mutation($id: ID!) { updateGroup(id: $id, input: { description: "Matrix" }) { id } }',
    variables: (context) => ({ id: context.groupId }),
    idVariable: 'id',
    expect: adminsOfTheOrganization,
  },
  {
    operation: 'addGroupMembers',
    document:
      'mutation($id: ID!, $u: [ID!]!) { addGroupMembers(groupId: $id, userIds: $u) { id } }',
    variables: (context) => ({ id: context.groupId, u: [context.learnerId] }),
    idVariable: 'id',
    expect: adminsOfTheOrganization,
  },
  {
    operation: 'removeGroupMembers',
    document:
      'mutation($id: ID!, $u: [ID!]!) { removeGroupMembers(groupId: $id, userIds: $u) { id } }',
    variables: (context) => ({ id: context.groupId, u: [context.learnerId] }),
    idVariable: 'id',
    expect: adminsOfTheOrganization,
  },
  {
    operation: 'deleteGroup',
    document: 'mutation($id: ID!) { deleteGroup(id: $id) }',
    variables: (context) => ({ id: context.disposableGroupId }),
    idVariable: 'id',
    expect: adminsOfTheOrganization,
  },

  // Catalog (these rows run without an imported curriculum: a missing slug is CATALOG_NOT_FOUND)
  { operation: 'tracks', document: '{ tracks { slug } }', expect: signedIn },
  { operation: 'track', document: '{ track(slug: "none") { slug } }', expect: catalogMiss },
  { operation: 'courses', document: '{ courses { totalCount } }', expect: signedIn },
  { operation: 'course', document: '{ course(slug: "none") { slug } }', expect: catalogMiss },
  { operation: 'lesson', document: '{ lesson(slug: "none") { slug } }', expect: catalogMiss },
  { operation: 'quiz', document: '{ quiz(slug: "none") { slug } }', expect: catalogMiss },
  {
    operation: 'quizQuestions',
    document: '{ quizQuestions(slug: "none") { id } }',
    expect: { ...catalogMiss, learner: FORBIDDEN, manager: FORBIDDEN },
  },
  {
    operation: 'bankQuestions',
    document: '{ bankQuestions(bank: "none", domain: "none") { id } }',
    expect: adminsOnly,
  },

  {
    operation: 'saveOrganizationCourse',
    document:
      'mutation { saveOrganizationCourse(input: { slug: "matrix-course", course: "title: [", lessons: [], quizzes: [] }) { kind } }',
    expect: {
      ...adminsOnly,
      admin: 'CATALOG_INVALID_CURRICULUM',
      other: 'CATALOG_INVALID_CURRICULUM',
    },
  },
  {
    operation: 'retireOrganizationCourse',
    document: 'mutation { retireOrganizationCourse(slug: "none") { kind } }',
    expect: { ...adminsOnly, admin: 'CATALOG_NOT_FOUND', other: 'CATALOG_NOT_FOUND' },
  },

  // Learning (no curriculum is imported here: a missing slug is CATALOG_NOT_FOUND, an id that
  // names nothing is LEARNING_NOT_FOUND)
  { operation: 'myLearning', document: '{ myLearning { overdueCount } }', expect: signedIn },
  {
    operation: 'enrollInCourse',
    document: 'mutation { enrollInCourse(courseSlug: "none") { id } }',
    expect: catalogMiss,
  },
  {
    operation: 'openLesson',
    document: `mutation { openLesson(enrollmentId: "${UNKNOWN}", lessonSlug: "none") { enrollment { id } } }`,
    expect: learningMiss,
  },
  {
    operation: 'completeLesson',
    document: `mutation { completeLesson(input: { enrollmentId: "${UNKNOWN}", lessonSlug: "none" }) { enrollment { id } } }`,
    expect: learningMiss,
  },
  {
    operation: 'startQuizAttempt',
    document: 'mutation { startQuizAttempt(quizSlug: "none") { __typename } }',
    expect: catalogMiss,
  },
  {
    operation: 'saveQuizAnswer',
    document: `mutation { saveQuizAnswer(attemptId: "${UNKNOWN}", answer: { questionId: "q", optionIds: ["a"] }) { __typename } }`,
    expect: learningMiss,
  },
  {
    operation: 'submitQuizAttempt',
    document: `mutation { submitQuizAttempt(input: { attemptId: "${UNKNOWN}", answers: [], idempotencyKey: "matrix-key-1" }) { __typename } }`,
    expect: learningMiss,
  },
  {
    operation: 'quizAttempt',
    document: `{ quizAttempt(id: "${UNKNOWN}") { id } }`,
    expect: learningMiss,
  },
  // Certification prep (a person's own practice; unknown tracks and ids)
  {
    operation: 'startMockExam',
    document: 'mutation { startMockExam(trackSlug: "none") { id } }',
    expect: catalogMiss,
  },
  {
    operation: 'saveMockExamAnswer',
    document: `mutation { saveMockExamAnswer(input: { examId: "${UNKNOWN}", answer: { questionId: "q", optionIds: ["a"] } }) { id } }`,
    expect: prepMiss,
  },
  {
    operation: 'submitMockExam',
    document: `mutation { submitMockExam(input: { examId: "${UNKNOWN}", answers: [], idempotencyKey: "matrix-key-1" }) { id } }`,
    expect: prepMiss,
  },
  {
    operation: 'mockExam',
    document: `{ mockExam(id: "${UNKNOWN}") { id } }`,
    expect: prepMiss,
  },
  {
    operation: 'readiness',
    document: '{ readiness(trackSlug: "none") { passProbability } }',
    expect: catalogMiss,
  },
  {
    operation: 'studyPlan',
    document: '{ studyPlan(trackSlug: "none", examOn: "2099-01-01T00:00:00Z") { weeksLeft } }',
    expect: catalogMiss,
  },
  {
    operation: 'startPracticeSession',
    document:
      'mutation { startPracticeSession(input: { trackSlug: "none", mode: ADAPTIVE }) { id } }',
    expect: catalogMiss,
  },
  {
    operation: 'answerPracticeQuestion',
    document: `mutation { answerPracticeQuestion(input: { sessionId: "${UNKNOWN}", questionId: "q", optionIds: ["a"] }) { correct } }`,
    expect: prepMiss,
  },
  {
    operation: 'reviewQueue',
    document: '{ reviewQueue(trackSlug: "none") { totalCount } }',
    expect: catalogMiss,
  },
  {
    operation: 'transcript',
    document: 'query($id: ID) { transcript(userId: $id) { userId } }',
    variables: (context) => ({ id: context.learnerId }),
    idVariable: 'id',
    expect: { ...signedIn, other: NOT_FOUND },
  },
  {
    operation: 'assignments',
    document: '{ assignments { totalCount } }',
    expect: managersAndAdmins,
  },
  {
    operation: 'assignLearning',
    document:
      'mutation($id: ID!) { assignLearning(input: { itemKind: COURSE, itemSlug: "none", userIds: [$id] }) { peopleEnrolled } }',
    variables: (context) => ({ id: context.learnerId }),
    expect: { ...catalogMiss, learner: FORBIDDEN },
  },
  {
    operation: 'createAssignmentRule',
    document:
      'mutation { createAssignmentRule(input: { itemKind: COURSE, itemSlug: "none", newHires: true }) { peopleEnrolled } }',
    expect: { ...catalogMiss, learner: FORBIDDEN, manager: FORBIDDEN },
  },
  {
    operation: 'withdrawAssignment',
    document: `mutation { withdrawAssignment(id: "${UNKNOWN}") { id } }`,
    expect: { ...learningMiss, learner: FORBIDDEN },
  },
  {
    operation: 'changeAssignmentDueDate',
    document: `mutation { changeAssignmentDueDate(id: "${UNKNOWN}", due: { dueWithinDays: 5 }) { id } }`,
    expect: { ...learningMiss, learner: FORBIDDEN },
  },
  {
    operation: 'attestations',
    document: '{ attestations(lessonSlug: "none") { totalCount } }',
    expect: adminsOnly,
  },
  {
    operation: 'verifyCertificate',
    document: '{ verifyCertificate(serial: "ASA-0000-0000-0000-0000") { status } }',
    expect: everyone('OK'),
  },
  {
    operation: 'certificateIssuer',
    document: '{ certificateIssuer { id jwk } }',
    expect: everyone('OK'),
  },
  {
    operation: 'certificateCredential',
    document: '{ certificateCredential(serial: "ASA-0000-0000-0000-0000") { jwt } }',
    expect: learningMiss,
  },
  {
    operation: 'revokeCertificate',
    document:
      'mutation { revokeCertificate(input: { serial: "ASA-0000-0000-0000-0000", reason: "matrix" }) { status } }',
    expect: { ...learningMiss, learner: FORBIDDEN, manager: FORBIDDEN },
  },

  // Notifications
  {
    operation: 'myNotifications',
    document: '{ myNotifications { totalCount } }',
    expect: signedIn,
  },
  {
    operation: 'unreadNotificationCount',
    document: '{ unreadNotificationCount }',
    expect: signedIn,
  },
  {
    operation: 'markNotificationsRead',
    document: 'mutation { markNotificationsRead }',
    expect: signedIn,
  },
  {
    operation: 'notificationPreferences',
    document: '{ notificationPreferences { kind email inApp } }',
    expect: signedIn,
  },
  {
    operation: 'setNotificationPreference',
    document:
      'mutation { setNotificationPreference(input: { kind: CERTIFICATE_ISSUED, email: true, inApp: true }) { kind } }',
    expect: signedIn,
  },
  {
    operation: 'unsubscribe',
    document: 'mutation { unsubscribe(token: "not-a-token") }',
    expect: everyone('NOTIFICATIONS_INVALID_UNSUBSCRIBE_LINK'),
  },
  {
    operation: 'notificationReceived',
    document: 'subscription { notificationReceived { id subject } }',
    overWebSocket: true,
    expect: signedIn,
  },
  { operation: 'reminderPolicy', document: '{ reminderPolicy { sendTime } }', expect: adminsOnly },
  {
    operation: 'updateReminderPolicy',
    document: `mutation { updateReminderPolicy(input: { daysBefore: [7, 1], daysOverdue: [1, 7],
      escalateAfterDays: 7, adminSummaryWeekday: 1, sendTime: "09:00", quietHoursStart: "20:00",
      quietHoursEnd: "08:00", workingDays: [1, 2, 3, 4, 5] }) { sendTime } }`,
    expect: adminsOnly,
  },
  {
    operation: 'reminderPreview',
    document: '{ reminderPreview { totalCount } }',
    expect: adminsOnly,
  },
  { operation: 'deadLetters', document: '{ deadLetters { totalCount } }', expect: adminsOnly },
  {
    operation: 'retryDeadLetter',
    document: `mutation { retryDeadLetter(id: "${UNKNOWN}") }`,
    expect: { ...adminsOnly, other: 'NOTIFICATIONS_NOT_FOUND', admin: 'NOTIFICATIONS_NOT_FOUND' },
  },
  {
    operation: 'bouncedAddresses',
    document: '{ bouncedAddresses { email } }',
    expect: adminsOnly,
  },
  {
    operation: 'clearBouncedAddress',
    document: 'mutation { clearBouncedAddress(email: "nobody@matrix.test") }',
    expect: { ...adminsOnly, other: 'NOTIFICATIONS_NOT_FOUND', admin: 'NOTIFICATIONS_NOT_FOUND' },
  },
  {
    operation: 'webhookEndpoints',
    document: '{ webhookEndpoints { id url events active } }',
    expect: adminsOnly,
  },
  {
    operation: 'createWebhookEndpoint',
    document:
      'mutation { createWebhookEndpoint(input: { url: "https://hooks.example.com/matrix", events: [ENROLLMENT_COMPLETED] }) { endpoint { id } } }',
    expect: adminsOnly,
  },
  // The endpoint rows name an id no organization has: cross-organization access is proven in
  // test/notifications-webhooks.e2e-spec.ts against a real endpoint.
  {
    operation: 'updateWebhookEndpoint',
    document: `mutation { updateWebhookEndpoint(id: "${UNKNOWN}", input: { active: false }) { id } }`,
    expect: { ...adminsOnly, other: 'NOTIFICATIONS_NOT_FOUND', admin: 'NOTIFICATIONS_NOT_FOUND' },
  },
  {
    operation: 'deleteWebhookEndpoint',
    document: `mutation { deleteWebhookEndpoint(id: "${UNKNOWN}") }`,
    expect: { ...adminsOnly, other: 'NOTIFICATIONS_NOT_FOUND', admin: 'NOTIFICATIONS_NOT_FOUND' },
  },
  {
    operation: 'rotateWebhookSecret',
    document: `mutation { rotateWebhookSecret(id: "${UNKNOWN}") { secret } }`,
    expect: { ...adminsOnly, other: 'NOTIFICATIONS_NOT_FOUND', admin: 'NOTIFICATIONS_NOT_FOUND' },
  },
  {
    operation: 'testWebhook',
    document: `mutation { testWebhook(id: "${UNKNOWN}") }`,
    expect: { ...adminsOnly, other: 'NOTIFICATIONS_NOT_FOUND', admin: 'NOTIFICATIONS_NOT_FOUND' },
  },

  // Drills. The rows name a run no organization has: test/drills.e2e-spec.ts proves that
  // another organization's run, and one the caller does not take part in, answers the same.
  {
    operation: 'scheduleDrill',
    document: `mutation($learnerId: ID!) { scheduleDrill(input: { scenarioSlug: "no-such-drill",
      startsAt: "2099-01-01T09:00:00Z", participants: [{ userId: $learnerId, roleSlug: "lead" }] }) { id } }`,
    variables: (context) => ({ learnerId: context.learnerId }),
    expect: { ...adminsOnly, other: 'DRILLS_NOT_FOUND', admin: 'DRILLS_NOT_FOUND' },
  },
  {
    operation: 'drillScenarios',
    document: '{ drillScenarios { slug roles { slug } } }',
    expect: signedIn,
  },
  {
    operation: 'drillParticipation',
    document: 'query($groupId: ID) { drillParticipation(groupId: $groupId) { runs } }',
    variables: (context) => ({ groupId: context.groupId }),
    idVariable: 'groupId',
    expect: { ...adminsOnly, other: 'DRILLS_NOT_FOUND' },
  },
  {
    operation: 'startSelfPacedDrill',
    document: 'mutation { startSelfPacedDrill(scenarioSlug: "no-such-drill") { id } }',
    expect: drillMiss,
  },
  {
    operation: 'advanceSelfPacedDrill',
    document: `mutation { advanceSelfPacedDrill(runId: "${UNKNOWN}") { id } }`,
    expect: drillMiss,
  },
  {
    operation: 'scheduleDrillSeries',
    document: `mutation($learnerId: ID!) { scheduleDrillSeries(input: { scenarioSlug: "no-such-drill",
      firstStartsAt: "2099-01-01T09:00:00Z", rrule: "FREQ=MONTHLY;INTERVAL=3",
      participants: [{ userId: $learnerId, roleSlug: "lead" }] }) { id } }`,
    variables: (context) => ({ learnerId: context.learnerId }),
    expect: { ...adminsOnly, other: 'DRILLS_NOT_FOUND', admin: 'DRILLS_NOT_FOUND' },
  },
  {
    operation: 'drillRun',
    document: `{ drillRun(runId: "${UNKNOWN}") { id } }`,
    expect: drillMiss,
  },
  {
    operation: 'myUpcomingDrills',
    document: '{ myUpcomingDrills { totalCount } }',
    expect: signedIn,
  },
  {
    operation: 'submitDrillDecision',
    document: `mutation { submitDrillDecision(input: { runId: "${UNKNOWN}", injectSlug: "alert", optionId: "a" }) { late } }`,
    expect: drillMiss,
  },
  ...['pauseDrill', 'resumeDrill', 'skipDrillAhead', 'endDrill'].map((operation) => ({
    operation,
    document: `mutation { ${operation}(runId: "${UNKNOWN}") { id } }`,
    expect: drillMiss,
  })),
  {
    operation: 'drillReport',
    document: `{ drillReport(runId: "${UNKNOWN}") { runId } }`,
    expect: drillMiss,
  },
  {
    operation: 'drillInjectReleased',
    document: `subscription { drillInjectReleased(runId: "${UNKNOWN}") { id } }`,
    overWebSocket: true,
    expect: drillMiss,
  },

  // Integrations, audit, organization
  { operation: 'apiKeys', document: '{ apiKeys { id } }', expect: adminsOnly },
  {
    operation: 'createApiKey',
    document:
      'mutation { createApiKey(input: { name: "Matrix", role: LEARNER, expiresInDays: 1 }) { apiKey { id } } }',
    expect: adminsOnly,
  },
  {
    operation: 'revokeApiKey',
    document: 'mutation($id: ID!) { revokeApiKey(id: $id) { id } }',
    variables: (context) => ({ id: context.apiKeyId }),
    idVariable: 'id',
    expect: adminsOfTheOrganization,
  },
  {
    operation: 'auditEvents',
    document: '{ auditEvents(first: 1) { totalCount } }',
    expect: adminsOnly,
  },
  {
    operation: 'updateOrganization',
    document: 'mutation { updateOrganization(input: { locale: "en" }) { id } }',
    expect: adminsOnly,
  },
];
