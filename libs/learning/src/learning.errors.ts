import { defineErrorCodes } from '@academy/common';

export const LearningErrors = defineErrorCodes('LEARNING', {
  INVALID_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  ATTESTATION_REQUIRED: 'BAD_USER_INPUT',
  ENROLLMENT_CLOSED: 'CONFLICT',
  ASSIGNMENT_WITHDRAWN: 'CONFLICT',
  ALREADY_REVOKED: 'CONFLICT',
});
