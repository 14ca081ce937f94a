import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@academy/common';
import { parse } from 'csv-parse/sync';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { Actor, RequestMeta } from '../access/actor.js';
import { AuditTrail } from '../audit/audit-trail.service.js';
import { isEmail, normalizeEmail } from '../auth/normalize.js';
import { GroupEntity } from '../entities/group.entity.js';
import { Role, UserEntity } from '../entities/user.entity.js';
import { GroupService } from '../groups/group.service.js';
import { IdentityErrors } from '../identity.errors.js';
import { OnboardingService } from './onboarding.service.js';

export type BulkRowOutcome = 'CREATED' | 'UPDATED' | 'REJECTED';

export interface BulkRowReport {
  line: number;
  email: string;
  outcome: BulkRowOutcome;
  reason: string | null;
}

export interface BulkInviteReport {
  /** False when `atomic` was asked and a row was bad: then nothing was written. */
  applied: boolean;
  rows: BulkRowReport[];
}

interface PlannedRow {
  line: number;
  email: string;
  name: string;
  department: string | null;
  managerEmail: string | null;
  role: Role;
  groupIds: string[];
  /** Decided when planning: an email already in the organization is updated, not invited. */
  outcome: 'CREATED' | 'UPDATED';
  existing: UserEntity | undefined;
}

const COLUMNS = ['email', 'name', 'department', 'manager_email', 'groups', 'role'];
const REQUIRED = ['email', 'name'];
const MAX_ROWS = 5000;

/**
 * Invites people from CSV text (`email,name,department,manager_email,groups,role`; groups by
 * name, separated by `;`). Each row is reported as created, updated (the email already exists:
 * profile and groups are updated, no new invitation) or rejected with the reason. With
 * `atomic`, a single bad row means nothing is written.
 */
@Injectable()
export class BulkInviteService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(OnboardingService) private readonly onboarding: OnboardingService,
    @Inject(GroupService) private readonly groups: GroupService,
    @Inject(AuditTrail) private readonly audit: AuditTrail,
  ) {}

  async invite(
    actor: Actor,
    csv: string,
    atomic: boolean,
    meta: RequestMeta,
  ): Promise<BulkInviteReport> {
    const records = this.parse(csv);
    const { planned, rejected } = await this.plan(actor, records);
    const rows: BulkRowReport[] = [...rejected];
    if (atomic && rejected.length > 0) {
      rows.push(...planned.map((row) => this.report(row)));
      return { applied: false, rows: rows.sort((a, b) => a.line - b.line) };
    }
    if (atomic) {
      await this.dataSource.transaction(async (manager) => {
        for (const row of planned) await this.apply(manager, actor, row, meta);
        for (const row of planned) await this.linkManager(manager, actor, row);
        await this.auditBulk(manager, actor, planned.length, meta);
      });
      rows.push(...planned.map((row) => this.report(row)));
    } else {
      const applied: PlannedRow[] = [];
      for (const row of planned) {
        try {
          await this.dataSource.transaction((manager) => this.apply(manager, actor, row, meta));
          applied.push(row);
          rows.push(this.report(row));
        } catch (error) {
          rows.push({ ...this.report(row), outcome: 'REJECTED', reason: this.reasonOf(error) });
        }
      }
      await this.dataSource.transaction(async (manager) => {
        for (const row of applied) await this.linkManager(manager, actor, row);
        await this.auditBulk(manager, actor, applied.length, meta);
      });
    }
    return { applied: true, rows: rows.sort((a, b) => a.line - b.line) };
  }

  private parse(csv: string): { line: number; record: Record<string, string> }[] {
    let parsed: { info: { lines: number }; record: Record<string, string> }[];
    try {
      parsed = parse(csv, {
        columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
        skip_empty_lines: true,
        trim: true,
        info: true,
        bom: true,
      });
    } catch (error) {
      throw new DomainError(
        IdentityErrors.INVALID_INPUT,
        `The CSV cannot be read: ${(error as Error).message}`,
      );
    }
    const headers = Object.keys(parsed[0]?.record ?? {});
    const unknown = headers.filter((header) => !COLUMNS.includes(header));
    const missing = REQUIRED.filter((column) => parsed.length > 0 && !headers.includes(column));
    if (parsed.length === 0)
      throw new DomainError(IdentityErrors.INVALID_INPUT, 'The CSV has no rows.');
    if (unknown.length || missing.length) {
      throw new DomainError(
        IdentityErrors.INVALID_INPUT,
        `The CSV header must use the columns ${COLUMNS.join(', ')} (email and name required).` +
          (unknown.length ? ` Unknown: ${unknown.join(', ')}.` : '') +
          (missing.length ? ` Missing: ${missing.join(', ')}.` : ''),
      );
    }
    if (parsed.length > MAX_ROWS) {
      throw new DomainError(IdentityErrors.INVALID_INPUT, `At most ${MAX_ROWS} rows per upload.`);
    }
    return parsed.map(({ info, record }) => ({ line: info.lines, record }));
  }

  private async plan(actor: Actor, records: { line: number; record: Record<string, string> }[]) {
    const emails = records.map(({ record }) => normalizeEmail(record.email ?? ''));
    const managerEmails = records
      .map(({ record }) => normalizeEmail(record.manager_email ?? ''))
      .filter(Boolean);
    const known = await this.dataSource.getRepository(UserEntity).findBy({
      organizationId: actor.organizationId,
      email: In([...new Set([...emails, ...managerEmails])]),
    });
    const existingByEmail = new Map(known.map((user) => [user.email, user]));
    const groupNames = records.flatMap(({ record }) => this.groupNames(record.groups));
    const groups = await this.dataSource.getRepository(GroupEntity).findBy({
      organizationId: actor.organizationId,
      name: In([...new Set(groupNames)]),
    });
    const groupByName = new Map(groups.map((group) => [group.name.toLowerCase(), group]));

    const planned: PlannedRow[] = [];
    const rejected: BulkRowReport[] = [];
    const seen = new Set<string>();
    for (const { line, record } of records) {
      const email = normalizeEmail(record.email ?? '');
      const reject = (reason: string) =>
        rejected.push({ line, email, outcome: 'REJECTED', reason });
      const role = (record.role?.toUpperCase() || Role.LEARNER) as Role;
      const names = this.groupNames(record.groups);
      const missingGroup = names.find((name) => !groupByName.has(name.toLowerCase()));
      const managerEmail = normalizeEmail(record.manager_email ?? '') || null;
      if (!isEmail(email)) reject('The email address is not valid.');
      else if (seen.has(email)) reject('This email appears on an earlier line.');
      else if (!record.name) reject('The name is missing.');
      else if (record.name.length > 200) reject('The name is longer than 200 characters.');
      else if (!Object.values(Role).includes(role))
        reject(`The role must be one of ${Object.values(Role).join(', ')}.`);
      else if (missingGroup) reject(`There is no group named "${missingGroup}".`);
      else if (managerEmail === email) reject('A person cannot be their own manager.');
      else if (
        managerEmail &&
        !existingByEmail.has(managerEmail) &&
        !emails.includes(managerEmail)
      ) {
        reject(`The manager ${managerEmail} is neither in the organization nor in this file.`);
      } else {
        planned.push({
          line,
          email,
          name: record.name,
          department: record.department || null,
          managerEmail,
          role,
          groupIds: names.map((name) => groupByName.get(name.toLowerCase())?.id ?? ''),
          outcome: existingByEmail.has(email) ? 'UPDATED' : 'CREATED',
          existing: existingByEmail.get(email),
        });
      }
      seen.add(email);
    }
    // A manager rejected in this file cannot be linked; nor can their reports.
    const rejectedEmails = new Set(rejected.map((row) => row.email));
    const usable = planned.filter((row) => {
      const manager = row.managerEmail;
      if (manager && rejectedEmails.has(manager) && !existingByEmail.has(manager)) {
        rejected.push({
          ...this.report(row),
          outcome: 'REJECTED',
          reason: `The manager ${manager} was rejected on another line.`,
        });
        return false;
      }
      return true;
    });
    return { planned: usable, rejected };
  }

  private async apply(manager: EntityManager, actor: Actor, row: PlannedRow, meta: RequestMeta) {
    if (row.existing) {
      const user = row.existing;
      user.displayName = row.name;
      user.department = row.department;
      await manager.save(user);
      await this.groups.addMemberWithin(manager, actor.organizationId, user.id, row.groupIds);
      return;
    }
    const { user } = await this.onboarding.inviteWithin(
      manager,
      actor,
      {
        email: row.email,
        displayName: row.name,
        department: row.department,
        role: row.role,
        groupIds: row.groupIds,
      },
      meta,
    );
    row.existing = user;
  }

  private async linkManager(manager: EntityManager, actor: Actor, row: PlannedRow) {
    if (!row.managerEmail || !row.existing) return;
    const boss = await manager
      .getRepository(UserEntity)
      .findOneBy({ organizationId: actor.organizationId, email: row.managerEmail });
    if (boss) await manager.update(UserEntity, { id: row.existing.id }, { managerId: boss.id });
  }

  private auditBulk(manager: EntityManager, actor: Actor, count: number, meta: RequestMeta) {
    return this.audit.recordBy(manager, actor, 'user.bulk_invited', {
      meta,
      details: { rowsApplied: count },
    });
  }

  private report(row: PlannedRow): BulkRowReport {
    return { line: row.line, email: row.email, outcome: row.outcome, reason: null };
  }

  private groupNames(cell: string | undefined): string[] {
    return (cell ?? '')
      .split(';')
      .map((name) => name.trim())
      .filter(Boolean);
  }

  private reasonOf(error: unknown): string {
    return error instanceof DomainError ? error.safeMessage : 'The row could not be saved.';
  }
}
