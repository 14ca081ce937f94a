import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@academy/common';
import type { Actor } from '@academy/identity';
import type { Blueprint } from '../blueprints/blueprint.js';
import { PrepCatalog } from '../blueprints/prep-catalog.js';
import { AnswerHistory, type PastAnswer } from '../history/answer-history.js';
import { evidenceOf } from './evidence.js';
import { readiness, type Readiness } from './readiness-model.js';

/** Weeks of trend shown, the current week included. */
export const TREND_WEEKS = 8;
const WEEK = 7 * 86_400_000;

export interface ReadinessTrendPoint {
  at: Date;
  expectedScore: number;
  passProbability: number;
}

export interface TrackReadiness extends Readiness {
  trackSlug: string;
  passingScore: number;
  titles: Map<string, string>;
  trend: ReadinessTrendPoint[];
}

/** A learner's readiness for a track's exam now, and at the end of each of the past weeks. */
@Injectable()
export class ReadinessService {
  constructor(
    @Inject(PrepCatalog) private readonly catalog: PrepCatalog,
    @Inject(AnswerHistory) private readonly history: AnswerHistory,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async of(actor: Actor, trackSlug: string): Promise<TrackReadiness> {
    const track = await this.catalog.track(actor.organizationId, trackSlug);
    const answers = await this.history.answers(
      { organizationId: actor.organizationId, userId: actor.id },
      trackSlug,
    );
    return this.estimate(trackSlug, track.blueprint, answers, this.clock.now());
  }

  estimate(
    trackSlug: string,
    blueprint: Blueprint,
    answers: readonly PastAnswer[],
    now: Date,
  ): TrackReadiness {
    const at = (until: Date) =>
      readiness(evidenceOf(blueprint, answers, until), blueprint.passingScore);
    const trend = Array.from({ length: TREND_WEEKS }, (_, index) => {
      const until = new Date(now.getTime() - (TREND_WEEKS - 1 - index) * WEEK);
      const estimate = at(until);
      return {
        at: until,
        expectedScore: estimate.expectedScore,
        passProbability: estimate.passProbability,
      };
    });
    return {
      ...at(now),
      trackSlug,
      passingScore: blueprint.passingScore,
      titles: new Map(blueprint.domains.map((domain) => [domain.slug, domain.title])),
      trend,
    };
  }
}
