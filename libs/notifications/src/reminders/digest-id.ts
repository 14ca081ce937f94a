/**
 * SQL of the id of a person's reminder digest of one day, from a row alias with `recipient_id`
 * and the day's column (`send_on` unless named): derived from both, so planning, cancelling and
 * previewing find the same message by its primary key (no second unique index to keep up on
 * large assignments).
 */
export const digestIdSql = (row: string, day = 'send_on'): string =>
  `md5('reminder-digest:' || ${row}.recipient_id || ':' || ${row}.${day})::uuid`;
