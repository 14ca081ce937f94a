import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, DomainError, type AppConfig } from '@academy/common';
import { REDIS } from '@academy/queue';
import type { Redis } from 'ioredis';
import { IdentityErrors } from '../identity.errors.js';

/**
 * Counts failed sign-ins per account and per client address in Redis (so the limit holds
 * across API replicas) over a fixed window. Accounts are keyed by a hash of organization slug
 * and email, so unknown and known emails are throttled alike and no email sits in Redis.
 */
@Injectable()
export class SignInThrottle {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Throws TOO_MANY_REQUESTS when either counter has reached its limit. */
  async assertAllowed(organizationSlug: string, email: string, clientAddress: string | null) {
    const [account, address] = await this.redis.mget(
      this.accountKey(organizationSlug, email),
      this.addressKey(clientAddress),
    );
    if (
      Number(account ?? 0) >= this.config.SIGN_IN_MAX_FAILURES_PER_ACCOUNT ||
      Number(address ?? 0) >= this.config.SIGN_IN_MAX_FAILURES_PER_ADDRESS
    ) {
      throw new DomainError(
        IdentityErrors.TOO_MANY_ATTEMPTS,
        'Too many failed sign-in attempts. Wait a few minutes and try again.',
      );
    }
  }

  async recordFailure(organizationSlug: string, email: string, clientAddress: string | null) {
    const window = this.config.SIGN_IN_WINDOW_SECONDS;
    await this.redis
      .multi()
      .incr(this.accountKey(organizationSlug, email))
      .expire(this.accountKey(organizationSlug, email), window, 'NX')
      .incr(this.addressKey(clientAddress))
      .expire(this.addressKey(clientAddress), window, 'NX')
      .exec();
  }

  async recordSuccess(organizationSlug: string, email: string): Promise<void> {
    await this.redis.del(this.accountKey(organizationSlug, email));
  }

  private accountKey(organizationSlug: string, email: string): string {
    const digest = createHash('sha256')
      .update(`${organizationSlug.toLowerCase()}\n${email.toLowerCase()}`)
      .digest('hex');
    return `sign-in:account:${digest}`;
  }

  private addressKey(clientAddress: string | null): string {
    return `sign-in:address:${clientAddress ?? 'unknown'}`;
  }
}
