import { defineErrorCodes } from '@academy/common';

export const DrillsErrors = defineErrorCodes('DRILLS', {
  INVALID_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  /** Only an admin or the run's facilitator may steer it. */
  NOT_FACILITATOR: 'FORBIDDEN',
  /** The decision is answered by other roles or participants. */
  NOT_YOUR_DECISION: 'FORBIDDEN',
  /** The run is not in a state that allows this (not started, paused, ended). */
  RUN_NOT_RUNNING: 'CONFLICT',
  ALREADY_ANSWERED: 'CONFLICT',
  NOTHING_TO_SKIP: 'CONFLICT',
  REPORT_NOT_READY: 'CONFLICT',
  /** Practising a scenario alone would show the answers of a team run the person is on. */
  TEAM_RUN_AHEAD: 'CONFLICT',
});
