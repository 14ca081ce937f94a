import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/domain-error.js';
import { decodeCursor, encodeCursor, toConnection } from './keyset.js';

describe('keyset cursors', () => {
  it('round-trip a position', () => {
    const position = { sort: 'ada@example.test', id: '0d1c' };
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
  });

  it('refuse a cursor that is not one of ours', () => {
    expect(() => decodeCursor('not-a-cursor')).toThrow(DomainError);
    expect(() => decodeCursor(Buffer.from('[1,2]').toString('base64url'))).toThrow(DomainError);
  });

  it('build a page, telling whether more follow', () => {
    const rows = [1, 2, 3].map((n) => ({ id: `id${n}`, name: `n${n}` }));
    const connection = toConnection(rows, 2, null, 3, (row) => ({ sort: row.name, id: row.id }));
    expect(connection.edges.map((edge) => edge.node.id)).toEqual(['id1', 'id2']);
    expect(connection.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(decodeCursor(connection.pageInfo.endCursor ?? '')).toEqual({ sort: 'n2', id: 'id2' });
  });
});
