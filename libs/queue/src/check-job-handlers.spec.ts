import { describe, expect, it } from 'vitest';
import { checkJobHandlers } from './check-job-handlers.js';

const registry = { maintenance: ['heartbeat'], reminders: ['send', 'digest'] };

describe('checkJobHandlers', () => {
  it('accepts exactly one handler per registered job', () => {
    expect(
      checkJobHandlers(registry, [
        { queue: 'maintenance', name: 'heartbeat' },
        { queue: 'reminders', name: 'send' },
        { queue: 'reminders', name: 'digest' },
      ]),
    ).toEqual([]);
  });

  it('reports a job with no handler, one with two, and a handler for an unknown job', () => {
    expect(
      checkJobHandlers(registry, [
        { queue: 'maintenance', name: 'heartbeat' },
        { queue: 'reminders', name: 'send' },
        { queue: 'reminders', name: 'send' },
        { queue: 'reminders', name: 'sned' },
      ]),
    ).toEqual([
      'job reminders/send has 2 handlers',
      'job reminders/digest has no handler',
      'handler for unregistered job reminders/sned',
    ]);
  });
});
