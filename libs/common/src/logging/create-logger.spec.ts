import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './create-logger.js';

function capture(): { lines: string[]; stream: Writable } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { lines, stream };
}

describe('createLogger', () => {
  it('redacts secrets at any of the first nesting levels and GraphQL variables', () => {
    const { lines, stream } = capture();
    const logger = createLogger({ LOG_LEVEL: 'info' }, 'spec', stream);
    logger.info(
      {
        password: 'top-level-password-value',
        input: { refreshToken: 'nested-refresh-token' },
        req: { headers: { authorization: 'Bearer abc.def.ghi' } },
        variables: { anything: 'user-supplied' },
      },
      'signing in',
    );
    const line = lines.join('');
    expect(line).toContain('signing in');
    for (const secret of [
      'top-level-password-value',
      'nested-refresh-token',
      'abc.def.ghi',
      'user-supplied',
    ]) {
      expect(line).not.toContain(secret);
    }
    expect(line).toContain('[REDACTED]');
  });
});
