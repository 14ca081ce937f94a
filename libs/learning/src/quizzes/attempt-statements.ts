/**
 * The statements of a quiz submission, prepared by name (see PreparedQueries): every
 * submission runs them, so PostgreSQL plans each once per connection. The benchmark's bare
 * baseline runs these same texts.
 */
export const AttemptStatements = {
  /** One of the actor's attempts: $1 attempt, $2 organization, $3 user. */
  own: {
    name: 'learning.own-attempt',
    text: 'SELECT * FROM quiz_attempts WHERE id = $1 AND organization_id = $2 AND user_id = $3',
  },
  /** The same, locked for the rest of the caller's transaction. */
  ownLocked: {
    name: 'learning.own-attempt-locked',
    text: `SELECT * FROM quiz_attempts WHERE id = $1 AND organization_id = $2 AND user_id = $3
           FOR UPDATE`,
  },
  /**
   * Records the grade, only over a still-open attempt (so that of concurrent gradings exactly
   * one returns a row): $1 attempt, $2 graded at, $3 graded by, $4 score, $5 passed,
   * $6 correctness, $7 submission key, $8 answers.
   */
  grade: {
    name: 'learning.grade-attempt',
    text: `UPDATE quiz_attempts
              SET status = 'graded', graded_at = $2, graded_by = $3, score = $4, passed = $5,
                  correctness = $6, submission_key = $7, answers = $8
            WHERE id = $1 AND status = 'in-progress'
            RETURNING id`,
  },
  /** After a pass, the enrollment it may complete, locked: $1 enrollment. */
  lockEnrollment: {
    name: 'learning.lock-enrollment-in-progress',
    text: `SELECT * FROM enrollments WHERE id = $1 AND status = 'in-progress' FOR UPDATE`,
  },
} as const;
