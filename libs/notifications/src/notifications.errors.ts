import { defineErrorCodes } from '@academy/common';

export const NotificationsErrors = defineErrorCodes('NOTIFICATIONS', {
  INVALID_POLICY: 'BAD_USER_INPUT',
  /** Compliance reminders cannot be switched off, only digested. */
  NOT_OPTIONAL: 'BAD_USER_INPUT',
  INVALID_UNSUBSCRIBE_LINK: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  /** A webhook endpoint's URL, description or events are not acceptable. */
  INVALID_WEBHOOK: 'BAD_USER_INPUT',
  /** The organization already has as many webhook endpoints as it may. */
  WEBHOOK_LIMIT_REACHED: 'CONFLICT',
  /** A paused or gone endpoint cannot be tested: activate it first. */
  WEBHOOK_INACTIVE: 'CONFLICT',
});
