import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';

/** Settings an organization's admins control. */
export interface OrganizationSettings {
  /** Admins and managers must enrol a second factor before they can use the platform. */
  requireMfaForPrivilegedRoles: boolean;
}

export const DEFAULT_ORGANIZATION_SETTINGS: OrganizationSettings = {
  requireMfaForPrivilegedRoles: false,
};

/** A tenant: every other row of the platform belongs to exactly one organization. */
@Entity({ name: 'organizations' })
@Unique('uq_organizations_slug', ['slug'])
export class OrganizationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  /** Used at sign-in to name the organization, e.g. `acme`. */
  @Column({ type: 'text' })
  slug!: string;

  @Column({ type: 'text', default: 'UTC' })
  timezone!: string;

  @Column({ type: 'text', default: 'en' })
  locale!: string;

  @Column({ type: 'jsonb' })
  settings!: OrganizationSettings;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
