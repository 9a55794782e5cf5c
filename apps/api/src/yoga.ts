import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import type { Database } from '@zonegraph/db';
import { createEvents, schema, type Context, type PubSub } from '@zonegraph/graph';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import { createAuthenticator } from './auth.ts';
import { exampleOperations } from './examples.ts';
import type { Logger } from './logger.ts';
import { useHealth } from './plugins/health.ts';
import { requestIdOf, useRequestId } from './plugins/request-id.ts';
import { useUserErrorCodes } from './plugins/user-errors.ts';

export interface AppOptions {
  db: Database;
  logger: Logger;
  graphiql?: boolean;
  /** Whether callers without an API key may read public records (default true). */
  allowAnonymous?: boolean;
  /** Where mutations announce changes; in-process unless given (e.g. through Redis). */
  pubsub?: PubSub;
}

export type App = YogaServerInstance<Record<string, unknown>, Context>;

/** The whole HTTP API as a fetch handler: tests call `app.fetch` and never open a port. */
export function createApp({ db, logger, graphiql = true, allowAnonymous = true, pubsub = createEvents() }: AppOptions): App {
  const authenticate = createAuthenticator({ db, logger, allowAnonymous });
  return createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/health/live',
    landingPage: false,
    // Assets come from the API itself: zone intranets are often closed to the internet.
    renderGraphiQL,
    graphiql: graphiql && {
      title: 'zonegraph',
      defaultTabs: exampleOperations.map(({ query }) => ({ query })),
    },
    logging: {
      debug: (...args) => logger.debug(args.map(String).join(' ')),
      info: (...args) => logger.info(args.map(String).join(' ')),
      warn: (...args) => logger.warn(args.map(String).join(' ')),
      error: (...args) => logger.error({ err: args.find((a) => a instanceof Error) }, args.map(String).join(' ')),
    },
    context: async ({ request }) => ({ ...(await authenticate(request)), requestId: requestIdOf(request), pubsub }),
    plugins: [useHealth(db), useRequestId(), useUserErrorCodes()],
  });
}
