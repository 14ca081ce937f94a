import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { GraphQLModule, GraphQLSchemaHost } from '@nestjs/graphql';
import { APP_CONFIG, LOGGER, type AppConfig } from '@academy/common';
import { IdentityModule } from '@academy/identity';
import type { Logger } from 'pino';
import { MetricsModule } from '../metrics/metrics.module.js';
import { MetricsService } from '../metrics/metrics.service.js';
import { ServerInfoModule } from '../server-info/server-info.module.js';
import { formatGraphqlError } from './format-error.js';
import { observabilityPlugin } from './observability.plugin.js';
import { queryCostPlugin } from './query-cost.plugin.js';
import { aliasLimitRule, depthLimitRule } from './query-limits.js';
import { GraphqlWsServer } from './subscriptions/graphql-ws-server.js';
import { subscriptionsOverHttpRefusedPlugin } from './subscriptions/subscriptions-over-http.plugin.js';

/**
 * The GraphQL endpoint at /graphql: code-first schema (kept in memory; `npm run schema:emit`
 * writes schema.gql), limits on depth, aliases and cost, CSRF prevention, no batching, and in
 * production neither introspection nor "did you mean" suggestions. Subscriptions are served
 * over graphql-ws on the same path and server (GraphqlWsServer), never over HTTP.
 */
@Module({
  imports: [
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      imports: [MetricsModule],
      inject: [APP_CONFIG, LOGGER, MetricsService, GraphQLSchemaHost],
      useFactory: (
        config: AppConfig,
        logger: Logger,
        metrics: MetricsService,
        schemaHost: GraphQLSchemaHost,
      ): ApolloDriverConfig => {
        const production = config.NODE_ENV === 'production';
        return {
          path: '/graphql',
          autoSchemaFile: true,
          sortSchema: true,
          graphiql: false,
          introspection: !production,
          hideSchemaDetailsFromClientErrors: production,
          includeStacktraceInErrorResponses: false,
          csrfPrevention: true,
          allowBatchedHttpRequests: false,
          validationRules: [
            depthLimitRule(config.GRAPHQL_MAX_DEPTH),
            aliasLimitRule(config.GRAPHQL_MAX_ALIASES),
          ],
          formatError: formatGraphqlError,
          plugins: [
            queryCostPlugin(() => schemaHost.schema, config.GRAPHQL_MAX_COST),
            observabilityPlugin(metrics, logger),
            subscriptionsOverHttpRefusedPlugin(),
            // Responses are per user, never cacheable by a CDN: the cache-control plugin would
            // only wrap every field resolver for nothing. No landing page: the API is the product.
            ApolloServerPluginCacheControlDisabled(),
            ApolloServerPluginLandingPageDisabled(),
          ],
        };
      },
    }),
    ServerInfoModule,
    IdentityModule,
  ],
  providers: [GraphqlWsServer],
})
export class ApiGraphqlModule {}
