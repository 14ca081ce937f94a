import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/domain-error.js';
import { decodeCursor, encodeCursor, toConnection } from './keyset.js';

describe('keyset cursors', () => {
  const ID = '0d1c9a3e-5b7f-4c2d-8e6a-1f2b3c4d5e6f';

  it('round-trip a position', () => {
    const position = { sort: 'ada@example.test', id: ID };
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
  });

  it('refuse a cursor that is not one of ours', () => {
    expect(() => decodeCursor('not-a-cursor')).toThrow(DomainError);
    expect(() => decodeCursor(Buffer.from('[1,2]').toString('base64url'))).toThrow(DomainError);
  });

  it('refuse a forged cursor whose values would fail in SQL', () => {
    const forged = (sort: string, id: string) => encodeCursor({ sort, id });
    expect(() => decodeCursor(forged('x', 'y'))).toThrow(DomainError);
    expect(() => decodeCursor(forged('not a time', ID), 'time')).toThrow(DomainError);
    expect(() => decodeCursor(forged('2026-13-45', ID), 'date')).toThrow(DomainError);
    expect(() => decodeCursor(forged('1; DROP', ID), 'integer')).toThrow(DomainError);
    expect(decodeCursor(forged('2026-11-26T07:00:00.000Z', ID), 'time').sort).toBe(
      '2026-11-26T07:00:00.000Z',
    );
    expect(decodeCursor(forged('2026-11-26', ID), 'date').sort).toBe('2026-11-26');
    expect(decodeCursor(forged('42', ID), 'integer').sort).toBe('42');
  });

  it('build a page, telling whether more follow', () => {
    const rows = [1, 2, 3].map((n) => ({ id: `${ID.slice(0, -1)}${n}`, name: `n${n}` }));
    const connection = toConnection(rows, 2, null, 3, (row) => ({ sort: row.name, id: row.id }));
    expect(connection.edges.map((edge) => edge.node.id)).toEqual([
      `${ID.slice(0, -1)}1`,
      `${ID.slice(0, -1)}2`,
    ]);
    expect(connection.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(decodeCursor(connection.pageInfo.endCursor ?? '')).toEqual({
      sort: 'n2',
      id: `${ID.slice(0, -1)}2`,
    });
  });
});
