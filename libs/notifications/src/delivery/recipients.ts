import { Inject, Injectable } from '@nestjs/common';
import { PreparedQueries } from '@academy/database';

/** Who a message goes to, as the channels need it. */
export interface Recipient {
  id: string;
  organizationId: string;
  organizationName: string;
  email: string;
  displayName: string;
  /** The person's own locale, else the organization's. */
  locale: string;
  /** The person's own timezone, else the organization's. */
  timeZone: string;
  active: boolean;
  /** The mail server refused the address for good (see email_bounces). */
  emailBounced: boolean;
}

interface RecipientRow {
  id: string;
  organization_id: string;
  organization_name: string;
  email: string;
  display_name: string;
  locale: string;
  timezone: string;
  status: string;
  email_bounced: boolean;
}

/**
 * Reads recipients at delivery time, so a message always uses a person's current details (once
 * per message: a prepared statement).
 */
@Injectable()
export class Recipients {
  constructor(@Inject(PreparedQueries) private readonly prepared: PreparedQueries) {}

  async find(organizationId: string, userId: string): Promise<Recipient | null> {
    const [row] = await this.prepared.query<RecipientRow>(
      'recipient',
      `SELECT u.id, u.organization_id, o.name AS organization_name, u.email, u.display_name,
              coalesce(u.locale, o.locale) AS locale, coalesce(u.timezone, o.timezone) AS timezone, u.status,
              EXISTS (SELECT 1 FROM email_bounces b
                       WHERE b.organization_id = u.organization_id AND b.email = u.email) AS email_bounced
         FROM users u JOIN organizations o ON o.id = u.organization_id
        WHERE u.organization_id = $1 AND u.id = $2`,
      [organizationId, userId],
    );
    if (!row) return null;
    return {
      id: row.id,
      organizationId: row.organization_id,
      organizationName: row.organization_name,
      email: row.email,
      displayName: row.display_name,
      locale: row.locale,
      timeZone: row.timezone,
      active: row.status === 'ACTIVE',
      emailBounced: row.email_bounced,
    };
  }
}
