import { apportion, type TrackFile } from '@academy/catalog';

/** A certification-prep track's exam blueprint (curriculum/FORMAT.md, `exam`). */
export type Blueprint = NonNullable<TrackFile['exam']>;
export type BlueprintDomain = Blueprint['domains'][number];

/** The catalog parent of a bank domain's questions. */
export const bankDomainParent = (blueprint: Blueprint, domain: string): string =>
  `${blueprint.bank}/${domain}`;

/** The parents of every bank question the blueprint draws from, one per domain. */
export const bankParentsOf = (blueprint: Blueprint): string[] =>
  blueprint.domains.map((domain) => bankDomainParent(blueprint, domain.slug));

/**
 * Questions per domain for a mock exam of the blueprint's length: largest-remainder rounding
 * of the weights, so the counts sum exactly to the length and each is within one question of
 * its exact weighted share (the split the curriculum validator checks the banks against).
 */
export function domainCounts(blueprint: Blueprint): Map<string, number> {
  const counts = apportion(
    blueprint.length,
    blueprint.domains.map((domain) => domain.weight),
  );
  return new Map(blueprint.domains.map((domain, index) => [domain.slug, counts[index] ?? 0]));
}
