import { Rating, State, createEmptyCard, fsrs, type Card, type Grade } from 'ts-fsrs';

export const Confidence = { LOW: 'low', MEDIUM: 'medium', HIGH: 'high' } as const;
export type Confidence = (typeof Confidence)[keyof typeof Confidence];

/** A question's review card as stored: ts-fsrs's card state, without its deprecated fields. */
export interface ReviewCardState {
  due: Date;
  stability: number;
  difficulty: number;
  scheduledDays: number;
  reps: number;
  lapses: number;
  state: State;
  lastReview: Date | null;
}

/**
 * Day-granular FSRS: without short-term (minute) learning steps every interval is whole days,
 * which a daily review queue can honour; without fuzz the schedule is reproducible.
 */
const scheduler = fsrs({ enable_fuzz: false, enable_short_term: false });

/** A wrong answer is a lapse; a right one the learner was unsure of was hard; else good. */
export function ratingOf(correct: boolean, confidence: Confidence | null): Grade {
  if (!correct) return Rating.Again;
  return confidence === Confidence.LOW ? Rating.Hard : Rating.Good;
}

/** ts-fsrs's card for a stored state (its empty card supplies the fields we do not keep). */
const toCard = (state: ReviewCardState): Card => ({
  ...createEmptyCard(state.due),
  stability: state.stability,
  difficulty: state.difficulty,
  scheduled_days: state.scheduledDays,
  reps: state.reps,
  lapses: state.lapses,
  state: state.state,
  ...(state.lastReview ? { last_review: state.lastReview } : {}),
});

const fromCard = (card: Card): ReviewCardState => ({
  due: card.due,
  stability: card.stability,
  difficulty: card.difficulty,
  scheduledDays: card.scheduled_days,
  reps: card.reps,
  lapses: card.lapses,
  state: card.state,
  lastReview: card.last_review ?? null,
});

/**
 * The card after an answer. A question without a card gets one only when it was missed or
 * answered with low confidence (what is known already needs no review); a question with a
 * card is reviewed by every answer, right or wrong, so a card once made follows FSRS until
 * its intervals outgrow the exam.
 */
export function scheduleAfterAnswer(
  card: ReviewCardState | null,
  correct: boolean,
  confidence: Confidence | null,
  now: Date,
): ReviewCardState | null {
  if (!card && correct && confidence !== Confidence.LOW) return null;
  const current = card ? toCard(card) : createEmptyCard(now);
  return fromCard(scheduler.next(current, now, ratingOf(correct, confidence)).card);
}
