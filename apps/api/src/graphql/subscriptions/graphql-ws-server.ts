import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { APP_CONFIG, LOGGER, withTimeout, type AppConfig } from '@academy/common';
import {
  AuthenticationService,
  clientAddressOf,
  parseTrustedProxies,
  type RequestMeta,
} from '@academy/identity';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { GraphQLError } from 'graphql';
import { CloseCode, type Context, type Disposable } from 'graphql-ws';
import { useServer, type Extra } from 'graphql-ws/use/ws';
import type { Logger } from 'pino';
import { WebSocketServer } from 'ws';
import { requestIdOf } from '../../request-id.js';
import type { GraphqlContext } from '../graphql-context.js';
import { formatSocketErrors } from './socket-errors.js';
import { prepareSocketOperation } from './socket-operation.js';

const GRAPHQL_PATH = '/graphql';
/** Live operations one connection may hold at once (a page needs one or two). */
const MAX_OPERATIONS_PER_SOCKET = 10;
/** How long closing waits for clients to answer the "going away" close. */
const CLOSE_GRACE_MS = 2000;

/** Who is on a socket: the credential from connection_init, kept to verify it again later. */
interface SocketCaller {
  bearer: string;
  meta: RequestMeta;
}

type SocketContext = Context<Record<string, unknown>, Extra & Partial<{ caller: SocketCaller }>>;

/** The access token or API key of `connection_init`'s `authorization: 'Bearer …'`, as over HTTP. */
function bearerOf(params: Readonly<Record<string, unknown>> | undefined): string | null {
  const authorization = params?.authorization;
  if (typeof authorization !== 'string' || !authorization.startsWith('Bearer ')) return null;
  return authorization.slice(7).trim() || null;
}

function callerOf(context: SocketContext): SocketCaller {
  const caller = context.extra.caller;
  // graphql-ws closes a socket that sends an operation before its connection was acknowledged.
  if (!caller) throw new Error('an operation arrived on an unacknowledged socket');
  return caller;
}

/**
 * What resolvers and the authorization guard read of a request, made afresh for each operation
 * on a socket (so per-request DataLoaders never outlive it). The guard verifies the credential
 * from `headers` and checks the operation's permission exactly as for an HTTP request.
 */
function operationRequest(caller: SocketCaller): FastifyRequest {
  const request: Pick<FastifyRequest, 'headers' | 'meta'> = {
    headers: { authorization: `Bearer ${caller.bearer}` },
    meta: caller.meta,
  };
  return request as FastifyRequest;
}

/**
 * GraphQL subscriptions over graphql-ws (the graphql-transport-ws protocol) on the API's own
 * HTTP server at /graphql. A connection is authenticated once, from the bearer credential in
 * `connection_init` (4401 when it is missing or not valid); each subscription then passes the
 * deny-by-default guard like any operation, and before anything is pushed the credential is
 * verified again, so a revoked session, a deactivated person or an expired token gets nothing
 * more (4401). Messages are limited to the HTTP body limit. The credential travels in the
 * protocol, not in a cookie, so another site cannot ride on a browser's session here.
 */
@Injectable()
export class GraphqlWsServer implements OnApplicationBootstrap {
  private readonly trustedProxies: ReadonlySet<string>;
  private sockets: WebSocketServer | null = null;
  private server: Disposable | null = null;

  constructor(
    @Inject(HttpAdapterHost) private readonly adapterHost: HttpAdapterHost,
    @Inject(GraphQLSchemaHost) private readonly schemaHost: GraphQLSchemaHost,
    @Inject(AuthenticationService) private readonly authentication: AuthenticationService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.trustedProxies = parseTrustedProxies(config.TRUSTED_PROXIES);
  }

  onApplicationBootstrap(): void {
    this.sockets = new WebSocketServer({
      noServer: true,
      maxPayload: this.config.HTTP_BODY_LIMIT_BYTES,
    });
    this.server = useServer<Record<string, unknown>, { caller: SocketCaller }>(
      {
        isProd: true, // close reasons never carry internal error messages
        onConnect: (context) => this.connect(context),
        onSubscribe: (context, _id, payload) => {
          const caller = callerOf(context);
          if (Object.keys(context.subscriptions).length > MAX_OPERATIONS_PER_SOCKET) {
            return [
              new GraphQLError(
                `At most ${MAX_OPERATIONS_PER_SOCKET} operations at once per connection.`,
                { extensions: { code: 'BAD_REQUEST' } },
              ),
            ];
          }
          const prepared = prepareSocketOperation(this.schemaHost.schema, payload, {
            maxDepth: this.config.GRAPHQL_MAX_DEPTH,
            maxAliases: this.config.GRAPHQL_MAX_ALIASES,
            hideSuggestions: this.config.NODE_ENV === 'production',
          });
          if (Array.isArray(prepared)) return prepared;
          const contextValue: GraphqlContext = { req: operationRequest(caller) };
          return { schema: this.schemaHost.schema, ...prepared, contextValue };
        },
        onNext: async (context, _id, _payload, _args, result) => {
          const caller = callerOf(context);
          if (!(await this.stillValid(context, caller.bearer))) {
            context.extra.socket.close(CloseCode.Unauthorized, 'Unauthorized');
            // Nothing is sent on a closing socket; should that ever change, this is all it gets.
            return { data: null };
          }
          const { errors, ...rest } = result;
          if (!errors) return rest;
          return {
            ...rest,
            errors: formatSocketErrors(errors, this.logger, caller.meta.requestId),
          };
        },
        onError: (context, _id, _payload, errors) =>
          formatSocketErrors(errors, this.logger, callerOf(context).meta.requestId),
      },
      this.sockets,
    );
    this.httpServer().on('upgrade', this.upgrade);
    this.adapterHost.httpAdapter
      .getInstance<FastifyInstance>()
      .addHook('preClose', () => this.close());
  }

  /**
   * Closes every socket as the HTTP server starts closing (whoever closes it: Apollo's drain on
   * shutdown does), since the server's close waits for the connections that sockets still hold.
   */
  private async close(): Promise<void> {
    const { sockets, server } = this;
    if (!sockets || !server) return;
    this.httpServer().off('upgrade', this.upgrade);
    const disposed = server.dispose();
    // Clients get a "going away" close; one that does not answer is cut off.
    await withTimeout(Promise.resolve(disposed), CLOSE_GRACE_MS, 'sockets did not close').catch(
      () => {
        for (const client of sockets.clients) client.terminate();
        return disposed;
      },
    );
  }

  private httpServer(): Server {
    return this.adapterHost.httpAdapter.getHttpServer() as Server;
  }

  private readonly upgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const sockets = this.sockets;
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (!sockets || path !== GRAPHQL_PATH) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(request, socket, head, (client) => {
      sockets.emit('connection', client, request);
    });
  };

  private async connect(context: SocketContext): Promise<boolean> {
    const bearer = bearerOf(context.connectionParams);
    if (!bearer || !(await this.stillValid(context, bearer))) {
      context.extra.socket.close(CloseCode.Unauthorized, 'Unauthorized');
      return false;
    }
    const { request } = context.extra;
    context.extra.caller = {
      bearer,
      meta: {
        requestId: requestIdOf(request),
        clientAddress: clientAddressOf(
          request.socket.remoteAddress,
          request.headers['x-forwarded-for'],
          this.trustedProxies,
        ),
        userAgent: request.headers['user-agent'] ?? null,
      },
    };
    return true;
  }

  /**
   * Whether the credential is valid now, checked by the same service, with the same session,
   * status and expiry checks, as an HTTP request's. When that cannot be known (the database is
   * down) the socket is closed as a server error: the client should retry, not sign out.
   */
  private async stillValid(context: SocketContext, bearer: string): Promise<boolean> {
    try {
      return (await this.authentication.actorFor(bearer)) !== null;
    } catch (error) {
      this.logger.error({ err: error }, 'could not verify the credential of a GraphQL socket');
      context.extra.socket.close(CloseCode.InternalServerError, 'Internal server error');
      return false;
    }
  }
}
