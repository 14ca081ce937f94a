import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '@academy/common';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { domainCounts, type Blueprint } from './blueprint.js';

const shipped = (track: string): Blueprint =>
  (
    parse(readFileSync(join(PROJECT_ROOT, 'curriculum/tracks', `${track}.yaml`), 'utf8')) as {
      exam: Blueprint;
    }
  ).exam;

const countsOf = (blueprint: Blueprint) => Object.fromEntries(domainCounts(blueprint));

describe('mock exam split by domain weight (largest remainder)', () => {
  it('gives the published CISSP split for its 100-question mock', () => {
    expect(countsOf(shipped('cissp-prep'))).toEqual({
      'security-and-risk-management': 16,
      'asset-security': 10,
      'security-architecture-and-engineering': 13,
      'communication-and-network-security': 13,
      'identity-and-access-management': 13,
      'security-assessment-and-testing': 12,
      'security-operations': 13,
      'software-development-security': 10,
    });
  });

  it('gives CISM 26/30/49/45 of 150: the two .5 remainders tie and the earlier domain wins', () => {
    expect(countsOf(shipped('cism-prep'))).toEqual({
      'information-security-governance': 26,
      'information-security-risk-management': 30,
      'information-security-program': 49,
      'incident-management': 45,
    });
  });

  it('gives Security+ 11/20/16/25/18 of 90: the .8 remainders get the two leftover seats', () => {
    expect(countsOf(shipped('security-plus-prep'))).toEqual({
      'general-security-concepts': 11,
      'threats-vulnerabilities-and-mitigations': 20,
      'security-architecture': 16,
      'security-operations': 25,
      'security-program-management-and-oversight': 18,
    });
  });

  it('gives the AI-governance split 18/18/15/9 of 60 stated in its track file', () => {
    expect(countsOf(shipped('ai-governance-prep'))).toEqual({
      'nist-ai-rmf-and-genai-profile': 18,
      'eu-ai-act': 18,
      'iso-iec-42001': 15,
      'cross-framework-operations': 9,
    });
  });

  it('always sums to the length and keeps each domain within one question of its exact share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 400 }),
        fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 12 }),
        (length, weights) => {
          const blueprint: Blueprint = {
            bank: 'bank',
            length,
            timeLimitMinutes: 60,
            passingScore: 70,
            domains: weights.map((weight, index) => ({
              slug: `d${index}`,
              title: `D${index}`,
              weight,
            })),
          };
          const counts = [...domainCounts(blueprint).values()];
          const sum = weights.reduce((a, b) => a + b, 0);
          expect(counts.reduce((a, b) => a + b, 0)).toBe(length);
          counts.forEach((count, index) => {
            expect(Math.abs(count - (length * (weights[index] ?? 0)) / sum)).toBeLessThan(1);
          });
        },
      ),
    );
  });
});
