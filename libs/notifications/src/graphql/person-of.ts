import { DomainError } from '@academy/common';
import { IdentityErrors, type Actor } from '@academy/identity';

/** An inbox belongs to a person; an API key has none. */
export function personOf(actor: Actor): Actor {
  if (actor.kind !== 'USER') {
    throw new DomainError(IdentityErrors.FORBIDDEN, 'Only a signed-in person has notifications.');
  }
  return actor;
}
