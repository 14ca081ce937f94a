import { SetMetadata, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { FastifyRequest } from 'fastify';
import type { Actor, RequestMeta } from '../access/actor.js';
import type { Permission } from '../access/permissions.js';

export const PUBLIC_OPERATION = Symbol('PUBLIC_OPERATION');
export const REQUIRED_PERMISSION = Symbol('REQUIRED_PERMISSION');
export const ALLOWED_DURING_MFA_ENROLMENT = Symbol('ALLOWED_DURING_MFA_ENROLMENT');

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the authorization guard: the verified caller, or null for an anonymous one. */
    actor?: Actor | null;
    /** Set by the authorization guard: request id, client address and user agent. */
    meta?: RequestMeta;
  }
}

/** Anyone may call the operation, signed in or not. */
export const Public = () => SetMetadata(PUBLIC_OPERATION, true);

/** The caller must be authenticated and their role must grant `permission`. */
export const RequirePermission = (permission: Permission) =>
  SetMetadata(REQUIRED_PERMISSION, permission);

/**
 * The operation stays available to someone who must enrol a second factor before anything else
 * (reading their profile, enrolling, signing out).
 */
export const AllowedDuringMfaEnrolment = () => SetMetadata(ALLOWED_DURING_MFA_ENROLMENT, true);

export function requestOf(context: ExecutionContext): FastifyRequest {
  return GqlExecutionContext.create(context).getContext<{ req: FastifyRequest }>().req;
}

/** The authenticated actor (the guard has ensured there is one). */
export const CurrentActor = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Actor => {
    const actor = requestOf(context).actor;
    if (!actor) throw new Error('CurrentActor used on an operation without a permission');
    return actor;
  },
);

/** Request id, client address and user agent, for the audit trail. */
export const Meta = createParamDecorator(
  (_data: unknown, context: ExecutionContext): RequestMeta =>
    requestOf(context).meta ?? { requestId: null, clientAddress: null, userAgent: null },
);
