import { Inject, Injectable } from '@nestjs/common';
import { Clock, DomainError } from '@academy/common';
import type { Actor } from '@academy/identity';
import { CertificationPrepErrors } from '../certification-prep.errors.js';
import { ReadinessService } from '../readiness/readiness.service.js';
import { studyPlan, weeksUntil, type DomainTarget } from './study-plan.js';

export interface StudyPlanView {
  trackSlug: string;
  examOn: Date;
  weeksLeft: number;
  passProbability: number;
  targets: (DomainTarget & { title: string })[];
}

/** A learner's weekly targets per domain until their exam, from their readiness now. */
@Injectable()
export class StudyPlanService {
  constructor(
    @Inject(ReadinessService) private readonly readiness: ReadinessService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async of(actor: Actor, trackSlug: string, examOn: Date): Promise<StudyPlanView> {
    const now = this.clock.now();
    if (examOn <= now) {
      throw new DomainError(
        CertificationPrepErrors.INVALID_INPUT,
        'The exam date must be in the future.',
      );
    }
    const readiness = await this.readiness.of(actor, trackSlug);
    const plan = studyPlan(readiness.domains, weeksUntil(examOn, now));
    return {
      trackSlug,
      examOn,
      weeksLeft: plan.weeksLeft,
      passProbability: readiness.passProbability,
      targets: plan.targets.map((target) => ({
        ...target,
        title: readiness.titles.get(target.domain) ?? target.domain,
      })),
    };
  }
}
