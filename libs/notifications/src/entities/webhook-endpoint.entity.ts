import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { WebhookEvent } from '../webhooks/webhook-events.js';

/**
 * Where an organization wants to hear about its learning (e.g. a chat tool's incoming hook).
 * Every message is signed with the endpoint's secret (Standard Webhooks), which is kept sealed
 * with the data key and shown to an admin only when it is created or rotated.
 */
@Entity({ name: 'webhook_endpoints' })
@Index('ix_webhook_endpoints_organization_id', ['organizationId'])
export class WebhookEndpointEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  organizationId!: string;

  /** https (http outside production); may itself hold a token, so it is never logged. */
  @Column({ type: 'text' })
  url!: string;

  @Column({ type: 'text', default: '' })
  description!: string;

  /** Wire names of the events it receives, e.g. `enrollment.completed`. */
  @Column({ type: 'text', array: true })
  events!: WebhookEvent[];

  /** The signing secret (`whsec_…`), sealed with the data key for this endpoint. */
  @Column({ type: 'text' })
  secretSealed!: string;

  /**
   * The secret before the last rotation, still signing beside the new one until
   * `previousSecretExpiresAt`, so a receiver can switch over without dropping messages.
   */
  @Column({ type: 'text', nullable: true })
  previousSecretSealed!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  previousSecretExpiresAt!: Date | null;

  /** Inactive endpoints receive nothing (an admin paused it, or it answered 410 Gone). */
  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'uuid' })
  createdBy!: string;
}
