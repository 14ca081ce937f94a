import { lookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type ClientRequest, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { isNonPublicAddress, webhookUrlProblem, type WebhookUrlRules } from './webhook-url.js';

/** The webhook may not be sent there (a refused URL or address): no retry can fix it. */
export class WebhookRefusedError extends Error {
  override readonly name = 'WebhookRefusedError';
}

export interface WebhookPost {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  rules: WebhookUrlRules;
}

/**
 * Resolves like dns.lookup, but fails when any address of the name is not public. It runs as
 * the socket connects, so the address checked is the address used: a name that resolved to a
 * public address a moment ago cannot be switched to an internal one (DNS rebinding).
 */
export function publicOnlyLookup(allowPrivateNetworks: boolean): LookupFunction {
  return (hostname, options, callback) => {
    lookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) {
        callback(error, '');
        return;
      }
      if (!allowPrivateNetworks && addresses.some((entry) => isNonPublicAddress(entry.address))) {
        callback(new WebhookRefusedError('the URL resolves to a non-public address'), '');
        return;
      }
      const [first] = addresses;
      if (options.all) callback(null, addresses);
      else if (first) callback(null, first.address, first.family);
      else callback(Object.assign(new Error('no address'), { code: 'ENOTFOUND' }), '');
    });
  };
}

/**
 * POSTs one webhook and returns the receiver's HTTP status. Redirects are not followed (a
 * redirect could lead to an internal address), the answer's body is not read, and the whole
 * exchange is bounded by `timeoutMs`. Errors name what went wrong, never the URL or the body,
 * which may carry secrets.
 */
export function postWebhook(post: WebhookPost): Promise<number> {
  const problem = webhookUrlProblem(post.url, post.rules);
  if (problem) return Promise.reject(new WebhookRefusedError(problem));
  const url = new URL(post.url);
  const options: RequestOptions = {
    method: 'POST',
    headers: { ...post.headers, 'content-length': String(Buffer.byteLength(post.body)) },
    lookup: publicOnlyLookup(post.rules.allowPrivateNetworks),
    agent: false,
    signal: AbortSignal.timeout(post.timeoutMs),
  };
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<number>((resolve, reject) => {
    let request: ClientRequest | undefined = undefined;
    const fail = (error: Error & { code?: string }) => {
      request?.destroy();
      if (error instanceof WebhookRefusedError) reject(error);
      else if (error.name === 'AbortError' || error.code === 'ABORT_ERR') {
        reject(new Error(`no answer within ${post.timeoutMs} ms`));
      } else reject(new Error(`could not reach the receiver (${error.code ?? error.name})`));
    };
    request = send(url, options, (response) => {
      const status = response.statusCode ?? 0;
      response.destroy();
      resolve(status);
    });
    request.on('error', fail);
    request.end(post.body);
  });
}
