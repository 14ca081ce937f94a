import { DomainError } from '@academy/common';
import * as rruleModule from 'rrule';
import { DrillsErrors } from '../drills.errors.js';

// rrule is CommonJS to Node, whose ESM loader exposes it as the default export only, and ESM
// (named exports) to bundlers such as vitest's.
const rrule = rruleModule as typeof rruleModule & { default?: typeof rruleModule };
const { RRule, rrulestr } = rrule.default ?? rruleModule;

/** Drills are rehearsals, not alarms: a series recurs at most hourly. */
const FINEST_FREQUENCY = RRule.HOURLY;

/**
 * A series' schedule: an RFC 5545 recurrence rule (e.g. `FREQ=MONTHLY;INTERVAL=3` for
 * quarterly) counted from its first start. Pure: the same rule and start give the same times.
 */
export class Recurrence {
  private constructor(private readonly rule: InstanceType<typeof RRule>) {}

  /** Parses `rule` (without DTSTART: the series' first start is given separately). */
  static parse(rule: string, firstStart: Date): Recurrence {
    const text = rule.trim().replace(/^RRULE:/i, '');
    if (text === '' || /DTSTART|\n/i.test(text)) {
      throw new DomainError(
        DrillsErrors.INVALID_INPUT,
        'Give the recurrence as one RRULE line without DTSTART, e.g. FREQ=MONTHLY;INTERVAL=3.',
      );
    }
    let parsed: InstanceType<typeof RRule>;
    try {
      parsed = rrulestr(text, { dtstart: firstStart }) as InstanceType<typeof RRule>;
    } catch {
      throw new DomainError(DrillsErrors.INVALID_INPUT, 'The recurrence is not a valid RRULE.');
    }
    if (!(parsed instanceof RRule) || parsed.options.freq > FINEST_FREQUENCY) {
      throw new DomainError(
        DrillsErrors.INVALID_INPUT,
        'A drill series recurs at most hourly (FREQ=HOURLY, DAILY, WEEKLY, MONTHLY or YEARLY).',
      );
    }
    return new Recurrence(parsed);
  }

  /** The first occurrence at or after `instant`, or null when the series is over. */
  firstFrom(instant: Date): Date | null {
    return this.rule.after(instant, true);
  }

  /** The occurrence after `occurrence`, or null when the series is over. */
  after(occurrence: Date): Date | null {
    return this.rule.after(occurrence, false);
  }
}
