import type { FastifyRequest } from 'fastify';

/** What every resolver receives as its context; later issues add the authenticated actor. */
export interface GraphqlContext {
  req: FastifyRequest;
}
