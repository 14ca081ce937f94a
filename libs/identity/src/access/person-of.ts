import { DomainError } from '@academy/common';
import { IdentityErrors } from '../identity.errors.js';
import type { Actor } from './actor.js';

/**
 * The signed-in person an operation acts for. An API key acts for its organization, not for a
 * person, so it has no learning, inbox or anything else of a person's own: it is refused.
 * `whatIsTheirOwn` completes the refusal, e.g. "their own learning".
 */
export function personOf(actor: Actor, whatIsTheirOwn: string): Actor {
  if (actor.kind !== 'USER') {
    throw new DomainError(
      IdentityErrors.FORBIDDEN,
      `Only a signed-in person has ${whatIsTheirOwn}.`,
    );
  }
  return actor;
}
