import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { APP_CONFIG, DomainError, type AppConfig } from '@academy/common';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../access/actor.js';
import { roleHas, type Permission } from '../access/permissions.js';
import { clientAddressOf, parseTrustedProxies } from '../auth/client-address.js';
import { AuthenticationService } from '../auth/authentication.service.js';
import { IdentityErrors } from '../identity.errors.js';
import {
  ALLOWED_DURING_MFA_ENROLMENT,
  PUBLIC_OPERATION,
  REQUIRED_PERMISSION,
  requestOf,
} from './access.decorators.js';

/**
 * The global guard of every GraphQL operation, deny by default: an operation runs only if it is
 * marked public or names a permission that the caller's current role grants. An operation with
 * neither is refused, so a forgotten decorator fails closed.
 */
@Injectable()
export class AuthorizationGuard implements CanActivate {
  private readonly trustedProxies: ReadonlySet<string>;

  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(AuthenticationService) private readonly authentication: AuthenticationService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.trustedProxies = parseTrustedProxies(config.TRUSTED_PROXIES);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<string>() !== 'graphql') return true; // health and metrics are HTTP routes
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean | undefined>(
      PUBLIC_OPERATION,
      targets,
    );
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(
      REQUIRED_PERMISSION,
      targets,
    );
    const request = requestOf(context);
    request.meta ??= {
      requestId: request.id,
      clientAddress: clientAddressOf(
        request.socket.remoteAddress,
        request.headers['x-forwarded-for'],
        this.trustedProxies,
      ),
      userAgent: request.headers['user-agent'] ?? null,
    };
    if (isPublic) return true;
    if (!permission) {
      throw new DomainError(IdentityErrors.FORBIDDEN, 'This operation is not available.');
    }
    const actor = await this.actorOf(request);
    if (!actor) {
      throw new DomainError(IdentityErrors.NOT_AUTHENTICATED, 'Sign in to do this.');
    }
    if (
      actor.mustEnrolMfa &&
      !this.reflector.getAllAndOverride<boolean | undefined>(ALLOWED_DURING_MFA_ENROLMENT, targets)
    ) {
      throw new DomainError(
        IdentityErrors.MFA_ENROLLMENT_REQUIRED,
        'Your organization requires a second factor for your role: set one up first.',
      );
    }
    if (!roleHas(actor.role, permission)) {
      throw new DomainError(IdentityErrors.FORBIDDEN, 'You are not allowed to do this.');
    }
    return true;
  }

  /** Verifies the bearer credential once per request. */
  private async actorOf(request: FastifyRequest): Promise<Actor | null> {
    if (request.actor !== undefined) return request.actor;
    const header = request.headers.authorization;
    const bearer = header?.startsWith('Bearer ') ? header.slice(7).trim() : null;
    request.actor = bearer ? await this.authentication.actorFor(bearer) : null;
    return request.actor;
  }
}
