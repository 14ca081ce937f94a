import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * An address the mail server refused for good. Nothing more is sent to it until an admin clears
 * it (e.g. after correcting the person's address); admins see the list.
 */
@Entity({ name: 'email_bounces' })
export class EmailBounceEntity {
  @PrimaryColumn({ type: 'uuid' })
  organizationId!: string;

  /** Lower-cased. */
  @PrimaryColumn({ type: 'text' })
  email!: string;

  @Column({ type: 'timestamptz' })
  bouncedAt!: Date;

  /** The server's reply (code and text). */
  @Column({ type: 'text' })
  reason!: string;
}
