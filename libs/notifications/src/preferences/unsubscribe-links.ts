import { createHmac, hkdfSync } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, digestsEqual, type AppConfig } from '@academy/common';
import type { OptionalNoticeKind } from './notice-kinds.js';

export interface UnsubscribeClaim {
  organizationId: string;
  userId: string;
  kind: OptionalNoticeKind;
}

/**
 * Signed one-click unsubscribe links for optional notices: whoever holds the link (the
 * recipient, from their mailbox) may switch that kind of email off without signing in, and
 * nothing else. The key is derived from the data key, so no new secret is needed.
 */
@Injectable()
export class UnsubscribeLinks {
  private readonly key: Buffer;
  private readonly baseUrl: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.key = Buffer.from(
      hkdfSync(
        'sha256',
        Buffer.from(config.DATA_ENCRYPTION_KEY, 'base64'),
        '',
        'unsubscribe-links',
        32,
      ),
    );
    this.baseUrl = new URL('/notifications/unsubscribe', config.PUBLIC_URL).toString();
  }

  urlFor(claim: UnsubscribeClaim): string {
    return `${this.baseUrl}#token=${this.tokenFor(claim)}`;
  }

  tokenFor(claim: UnsubscribeClaim): string {
    const body = Buffer.from(`${claim.organizationId}:${claim.userId}:${claim.kind}`).toString(
      'base64url',
    );
    return `${body}.${this.sign(body)}`;
  }

  /** The claim of a genuine token, or null. */
  verify(token: string): { organizationId: string; userId: string; kind: string } | null {
    const [body, signature, extra] = token.trim().split('.');
    if (!body || !signature || extra !== undefined) return null;
    if (!digestsEqual(signature, this.sign(body))) return null;
    const [organizationId, userId, kind] = Buffer.from(body, 'base64url').toString().split(':');
    return organizationId && userId && kind ? { organizationId, userId, kind } : null;
  }

  private sign(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('hex');
  }
}
