import { describe, expect, it } from 'vitest';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';

describe('SnakeNamingStrategy', () => {
  const strategy = new SnakeNamingStrategy();

  it('names tables after the entity class without its suffix', () => {
    expect(strategy.tableName('WorkerHeartbeatEntity')).toBe('worker_heartbeat');
    expect(strategy.tableName('WorkerHeartbeatEntity', 'worker_heartbeats')).toBe(
      'worker_heartbeats',
    );
  });

  it('snake-cases columns, embedded prefixes and join columns', () => {
    expect(strategy.columnName('organizationId', undefined, [])).toBe('organization_id');
    expect(strategy.columnName('city', undefined, ['homeAddress'])).toBe('home_address_city');
    expect(strategy.columnName('x', 'hiredOn', [])).toBe('hired_on');
    expect(strategy.joinColumnName('manager', 'id')).toBe('manager_id');
    expect(strategy.columnName('HTTPStatus', undefined, [])).toBe('http_status');
  });
});

describe('SnakeNamingStrategy constraint names', () => {
  const strategy = new SnakeNamingStrategy();

  it('names keys after their table and columns', () => {
    expect(strategy.primaryKeyName('worker_heartbeats')).toBe('pk_worker_heartbeats');
    expect(strategy.uniqueConstraintName('users', ['organization_id', 'email'])).toBe(
      'uq_users_organization_id_email',
    );
    expect(strategy.indexName('public.users', ['email'])).toBe('ix_users_email');
  });

  it('keeps long names within PostgreSQL identifier length and distinct', () => {
    const columns = ['organization_id', 'assignment_id', 'reminder_kind', 'scheduled_for_day'];
    const first = strategy.uniqueConstraintName('notification_outbox_entries', columns);
    const second = strategy.uniqueConstraintName('notification_outbox_entries', [
      ...columns.slice(0, 3),
      'scheduled_for_week',
    ]);
    expect(first.length).toBeLessThanOrEqual(63);
    expect(first).not.toBe(second);
  });
});
