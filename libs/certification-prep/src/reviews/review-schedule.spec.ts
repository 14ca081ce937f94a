import { describe, expect, it } from 'vitest';
import { scheduleAfterAnswer, type ReviewCardState } from './review-schedule.js';

const DAY = 86_400_000;
const start = new Date('2026-03-02T09:00:00Z');

/** Answers on each due date in turn; returns each interval in days. */
function intervals(answers: readonly boolean[]): number[] {
  let card: ReviewCardState | null = null;
  let now = start;
  const days: number[] = [];
  for (const correct of answers) {
    const next = scheduleAfterAnswer(card, correct, 'medium', now);
    if (!next) throw new Error('expected a card');
    days.push(Math.round((next.due.getTime() - now.getTime()) / DAY));
    card = next;
    now = next.due;
  }
  return days;
}

describe('spaced repetition (FSRS)', () => {
  it('schedules a missed question and lets intervals grow with each right answer', () => {
    const days = intervals([false, true, true, true, true]);
    expect(days[0]).toBe(1);
    for (let i = 1; i < days.length; i++) {
      expect(days[i]).toBeGreaterThan(days[i - 1] ?? 0);
    }
  });

  it('resets to a short interval after a lapse and counts it', () => {
    const days = intervals([false, true, true, true, false]);
    const beforeLapse = days[3] ?? 0;
    expect(beforeLapse).toBeGreaterThan(7);
    expect(days[4]).toBeLessThanOrEqual(2);
    let card: ReviewCardState | null = null;
    let now = start;
    for (const correct of [false, true, false]) {
      card = scheduleAfterAnswer(card, correct, 'medium', now);
      now = card?.due ?? now;
    }
    // Missing a question never seen before is its first learning, not a lapse.
    expect(card?.lapses).toBe(1);
  });

  it('makes no card for a question answered right with confidence, one for low confidence', () => {
    expect(scheduleAfterAnswer(null, true, 'high', start)).toBeNull();
    expect(scheduleAfterAnswer(null, true, null, start)).toBeNull();
    const unsure = scheduleAfterAnswer(null, true, 'low', start);
    expect(unsure?.due.getTime()).toBeGreaterThan(start.getTime());
  });

  it('reviews sooner after a right answer given with low confidence than with confidence', () => {
    const card = scheduleAfterAnswer(null, false, null, start) as ReviewCardState;
    const sure = scheduleAfterAnswer(card, true, 'high', card.due) as ReviewCardState;
    const unsure = scheduleAfterAnswer(card, true, 'low', card.due) as ReviewCardState;
    expect(unsure.due.getTime()).toBeLessThan(sure.due.getTime());
  });
});
