import { Module } from '@nestjs/common';
import { CertificationPrepModule } from '../certification-prep.module.js';
import { MockExamsResolver } from './mock-exams.resolver.js';
import { PracticeResolver } from './practice.resolver.js';
import { ReadinessResolver } from './readiness.resolver.js';
import './certification-prep.enums.js';

/** Certification prep's GraphQL room; only apps/api imports it. */
@Module({
  imports: [CertificationPrepModule],
  providers: [MockExamsResolver, PracticeResolver, ReadinessResolver],
})
export class CertificationPrepGraphqlModule {}
