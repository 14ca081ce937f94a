import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { OrganizationEntity } from './organization.entity.js';

export const Role = { LEARNER: 'LEARNER', MANAGER: 'MANAGER', ADMIN: 'ADMIN' } as const;
export type Role = (typeof Role)[keyof typeof Role];

export const UserStatus = { ACTIVE: 'ACTIVE', DEACTIVATED: 'DEACTIVATED' } as const;
export type UserStatus = (typeof UserStatus)[keyof typeof UserStatus];

/** A person of an organization. Emails are stored lower-cased and unique per organization. */
@Entity({ name: 'users' })
@Unique('uq_users_organization_id_email', ['organizationId', 'email'])
@Index('ix_users_organization_id_manager_id', ['organizationId', 'managerId'])
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  organizationId!: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id' })
  organization?: OrganizationEntity;

  @Column({ type: 'text' })
  email!: string;

  @Column({ type: 'text' })
  displayName!: string;

  @Column({ type: 'text', nullable: true })
  jobTitle!: string | null;

  @Column({ type: 'text', nullable: true })
  department!: string | null;

  @Column({ type: 'text', nullable: true })
  locale!: string | null;

  @Column({ type: 'text', nullable: true })
  timezone!: string | null;

  @Column({ type: 'uuid', nullable: true })
  managerId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'manager_id' })
  manager?: UserEntity | null;

  @Column({ type: 'date', nullable: true })
  hiredOn!: string | null;

  @Column({ type: 'text', default: Role.LEARNER })
  role!: Role;

  @Column({ type: 'text', default: UserStatus.ACTIVE })
  status!: UserStatus;

  /** argon2id; null until the person accepts their invitation. */
  @Column({ type: 'text', nullable: true })
  passwordHash!: string | null;

  /** The TOTP seed sealed with the data key; null when no second factor is enrolled. */
  @Column({ type: 'text', nullable: true })
  mfaSecretSealed!: string | null;

  /** Set when enrolment was confirmed with a first valid code. */
  @Column({ type: 'timestamptz', nullable: true })
  mfaEnabledAt!: Date | null;

  /** The last TOTP time step accepted, so a code cannot be replayed. */
  @Column({ type: 'bigint', nullable: true })
  mfaLastStep!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  deactivatedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
