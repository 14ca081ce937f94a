/**
 * Whether a learner still has certification-practice reviews due, asked when a digest with a
 * practice nudge goes out: the nudge was planned hours before, and the learner may have cleared
 * their reviews since. Certification prep knows the answer but depends on notifications, never
 * the reverse, so notifications declares the question and the worker supplies certification
 * prep's answer (NotificationsJobsModule.forRoot).
 */
export abstract class PracticeReviews {
  abstract anyDue(organizationId: string, userId: string, now: Date): Promise<boolean>;
}
