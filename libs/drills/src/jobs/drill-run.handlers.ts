import { Inject, Injectable } from '@nestjs/common';
import {
  HandlesTopic,
  type OutboxMessage,
  type TopicHandler,
  type TopicOutcome,
} from '@academy/outbox';
import { InjectReleaser } from '../running/inject-releaser.js';
import { SeriesOccurrences } from '../scheduling/series-occurrences.js';
import { RunControl } from '../running/run-control.service.js';
import { RunScorer } from '../scoring/run-scorer.js';

/** Creates an occurrence of a recurring series (and asks for the next one). */
@Injectable()
@HandlesTopic('drills.series-occurrence')
export class SeriesOccurrenceHandler implements TopicHandler<'drills.series-occurrence'> {
  constructor(@Inject(SeriesOccurrences) private readonly occurrences: SeriesOccurrences) {}

  async handle(message: OutboxMessage<'drills.series-occurrence'>): Promise<TopicOutcome> {
    const { seriesId, occursAt } = message.payload;
    await this.occurrences.create(message.organizationId, seriesId, new Date(occursAt));
    return undefined;
  }
}

/** Opens a scheduled run at its start time (or at once, when the worker comes back late). */
@Injectable()
@HandlesTopic('drills.run-open')
export class RunOpenHandler implements TopicHandler<'drills.run-open'> {
  constructor(@Inject(RunControl) private readonly control: RunControl) {}

  async handle(message: OutboxMessage<'drills.run-open'>): Promise<TopicOutcome> {
    await this.control.open(message.organizationId, message.payload.runId);
    return undefined;
  }
}

@Injectable()
@HandlesTopic('drills.inject-release')
export class InjectReleaseHandler implements TopicHandler<'drills.inject-release'> {
  constructor(@Inject(InjectReleaser) private readonly releaser: InjectReleaser) {}

  async handle(message: OutboxMessage<'drills.inject-release'>): Promise<TopicOutcome> {
    const { runId, injectSlug, planEpoch } = message.payload;
    await this.releaser.releaseOnSchedule(message.organizationId, runId, injectSlug, planEpoch);
    return undefined;
  }
}

@Injectable()
@HandlesTopic('drills.run-end')
export class RunEndHandler implements TopicHandler<'drills.run-end'> {
  constructor(@Inject(RunControl) private readonly control: RunControl) {}

  async handle(message: OutboxMessage<'drills.run-end'>): Promise<TopicOutcome> {
    const { runId, planEpoch } = message.payload;
    await this.control.endOnSchedule(message.organizationId, runId, planEpoch);
    return undefined;
  }
}

@Injectable()
@HandlesTopic('drills.run-score')
export class RunScoreHandler implements TopicHandler<'drills.run-score'> {
  constructor(@Inject(RunScorer) private readonly scorer: RunScorer) {}

  async handle(message: OutboxMessage<'drills.run-score'>): Promise<TopicOutcome> {
    await this.scorer.score(message.organizationId, message.payload.runId);
    return undefined;
  }
}
