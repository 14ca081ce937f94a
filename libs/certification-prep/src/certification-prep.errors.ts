import { defineErrorCodes } from '@academy/common';

export const CertificationPrepErrors = defineErrorCodes('CERT_PREP', {
  INVALID_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  /** The track exists but is not a certification-prep track with an exam blueprint. */
  NOT_A_PREP_TRACK: 'BAD_USER_INPUT',
  ALREADY_GRADED: 'CONFLICT',
  DEADLINE_PASSED: 'CONFLICT',
  ALREADY_ANSWERED: 'CONFLICT',
  NOTHING_TO_PRACTISE: 'CONFLICT',
  /** Practice feedback would show the answers of the learner's open mock exam of the track. */
  EXAM_IN_PROGRESS: 'CONFLICT',
});
