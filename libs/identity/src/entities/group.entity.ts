import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { OrganizationEntity } from './organization.entity.js';

export const GroupKind = { DEPARTMENT: 'DEPARTMENT', TEAM: 'TEAM', OTHER: 'OTHER' } as const;
export type GroupKind = (typeof GroupKind)[keyof typeof GroupKind];

/** A set of people (a department, a team) that can be assigned training together. */
@Entity({ name: 'groups' })
@Unique('uq_groups_organization_id_name', ['organizationId', 'name'])
export class GroupEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  organizationId!: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id' })
  organization?: OrganizationEntity;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', default: GroupKind.TEAM })
  kind!: GroupKind;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
