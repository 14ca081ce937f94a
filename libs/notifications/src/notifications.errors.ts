import { defineErrorCodes } from '@academy/common';

export const NotificationsErrors = defineErrorCodes('NOTIFICATIONS', {
  INVALID_POLICY: 'BAD_USER_INPUT',
  /** Compliance reminders cannot be switched off, only digested. */
  NOT_OPTIONAL: 'BAD_USER_INPUT',
  INVALID_UNSUBSCRIBE_LINK: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
});
