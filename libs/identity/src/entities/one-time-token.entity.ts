import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { UserEntity } from './user.entity.js';

export const OneTimeTokenPurpose = {
  INVITATION: 'INVITATION',
  PASSWORD_RESET: 'PASSWORD_RESET',
} as const;
export type OneTimeTokenPurpose = (typeof OneTimeTokenPurpose)[keyof typeof OneTimeTokenPurpose];

/**
 * A single-use token sent to a person: an invitation (sets the first password) or a password
 * reset. Only its SHA-256 is stored; the message that carries it holds it sealed until sent.
 */
@Entity({ name: 'one_time_tokens' })
@Unique('uq_one_time_tokens_token_hash', ['tokenHash'])
@Index('ix_one_time_tokens_user_id_purpose', ['userId', 'purpose'])
export class OneTimeTokenEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  organizationId!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ type: 'text' })
  purpose!: OneTimeTokenPurpose;

  @Column({ type: 'text' })
  tokenHash!: string;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt!: Date | null;

  /** Who issued it (an admin for invitations); null for self-service resets. */
  @Column({ type: 'uuid', nullable: true })
  issuedBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
