import { REDIS } from '@academy/queue';
import type { GraphQLFormattedError } from 'graphql';
import { createClient, type FormattedExecutionResult } from 'graphql-ws';
import type { Redis } from 'ioredis';
import WebSocket from 'ws';
import {
  InAppNotifier,
  type NewNotification,
} from '../../notifications/src/inbox/in-app-notifier.js';
import { InboxChannel } from '../../notifications/src/inbox/inbox-channel.js';
import { waitFor } from './child-process.js';
import type { TestApi } from './test-apps.js';

export type LiveMessage =
  | { kind: 'next'; result: FormattedExecutionResult<Record<string, unknown>, unknown> }
  | { kind: 'error'; errors: readonly GraphQLFormattedError[] };

export interface LiveSubscription {
  /** What the server sent for the operation, in order. */
  readonly messages: LiveMessage[];
  /** The `index`-th message (0-based), once it has arrived. */
  message(index: number): Promise<LiveMessage>;
  /** The close code, once the connection has closed. */
  readonly closed: Promise<number>;
  /** How the connection closed (code and reason), or null while it is open. */
  readonly closure: { code: number; reason: string } | null;
  /** How far the connection got: for a failure's message. */
  readonly progress: 'connecting' | 'opened' | 'acknowledged' | 'closed';
  dispose(): Promise<void>;
}

/**
 * A real graphql-ws client (the `ws` package) on the test API, running one operation with the
 * given connection_init payload, and recording what arrives.
 */
export function subscribeLive(
  api: TestApi,
  query: string,
  connectionParams: Record<string, unknown>,
): LiveSubscription {
  const messages: LiveMessage[] = [];
  let closure: { code: number; reason: string } | null = null;
  let progress: LiveSubscription['progress'] = 'connecting';
  let closedWith: (code: number) => void = () => undefined;
  const closed = new Promise<number>((resolve) => {
    closedWith = resolve;
  });
  const client = createClient({
    url: `${api.url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams,
    retryAttempts: 0,
    on: {
      opened: () => {
        progress = 'opened';
      },
      connected: () => {
        progress = 'acknowledged';
      },
      closed: (event) => {
        const { code, reason } = event as { code: number; reason?: string };
        closure = { code, reason: reason ?? '' };
        progress = 'closed';
        closedWith(code);
      },
    },
  });
  client.subscribe(
    { query },
    {
      next: (result) => messages.push({ kind: 'next', result }),
      // A closed connection is reported through `closed`; only protocol errors are messages.
      error: (error) => {
        if (Array.isArray(error)) messages.push({ kind: 'error', errors: error });
      },
      complete: () => undefined,
    },
  );
  return {
    messages,
    closed,
    get closure() {
      return closure;
    },
    get progress() {
      return progress;
    },
    async message(index) {
      await waitFor(() => messages.length > index, `live message ${index}`);
      const message = messages[index];
      if (!message) throw new Error(`no live message ${index}`);
      return message;
    },
    async dispose() {
      await client.dispose();
    },
  };
}

/** How many Redis connections listen on the person's inbox channel. */
export async function inboxListeners(api: TestApi, userId: string): Promise<number> {
  const channel = api.app.get(InboxChannel).of(userId);
  const [, count] = (await api.app.get<Redis>(REDIS).pubsub('NUMSUB', channel)) as [string, number];
  return count;
}

/**
 * Puts a notification in the person's inbox the way the worker does, once a live subscription
 * of theirs listens (the protocol does not acknowledge a subscription, Redis does). Given the
 * subscription expected to listen, fails at once, with its close code, should it close first.
 */
export async function notifyWhenListening(
  api: TestApi,
  notification: Pick<NewNotification, 'organizationId' | 'userId' | 'subject'>,
  expected?: LiveSubscription,
): Promise<void> {
  await waitFor(async () => {
    const closure = expected?.closure;
    if (closure) {
      throw new Error(
        `the live subscription closed (${closure.code} ${closure.reason}) before it listened; it received ${JSON.stringify(expected.messages)}`,
      );
    }
    return (await inboxListeners(api, notification.userId)) > 0;
  }, 'a live subscription to listen').catch((error: unknown) => {
    // A wait that timed out says how far the connection got (opened, acknowledged…).
    if (!expected || expected.closure) throw error;
    throw new Error(
      `${(error as Error).message} (the connection was ${expected.progress}; it received ${JSON.stringify(expected.messages)})`,
    );
  });
  await api.app.get(InAppNotifier).add({
    ...notification,
    kind: 'test',
    summary: `${notification.subject} (summary)`,
    body: `${notification.subject} (body)`,
    link: '/learning',
    sourceMessageId: crypto.randomUUID(),
  });
}
