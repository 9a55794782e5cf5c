import { createTestDatabase, type TestDatabase } from '@zonegraph/db/testing';
import type { PubSub } from '@zonegraph/graph';
import { createLogger } from '../src/logger.ts';
import { createApp, type App, type AppOptions } from '../src/yoga.ts';

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  headers: Headers;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  extensions?: Record<string, unknown>;
}

export interface TestApi {
  db: TestDatabase;
  app: App;
  /** SQL statements sent since the last `statements.length = 0`. */
  statements: string[];
  execute<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
  /** Executes and fails the test on any GraphQL error; returns `data`. */
  data<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<T>;
  close(): Promise<void>;
}

/** The API over a database of its own (seeded unless told otherwise), called through yoga's fetch. */
export async function startTestApi({
  seeded = true,
  pubsub,
  poolSize,
  responseCache = false,
  app: options = {},
}: {
  seeded?: boolean;
  pubsub?: PubSub;
  poolSize?: number;
  /** Off unless asked for: most tests write to the database directly between reads, which no cache sees. */
  responseCache?: boolean;
  app?: Partial<Omit<AppOptions, 'db'>>;
} = {}): Promise<TestApi> {
  const statements: string[] = [];
  const db = await createTestDatabase({ seeded, poolSize, onStatement: ({ sql }) => statements.push(sql) });
  const app = createApp({ db, logger: createLogger('silent'), pubsub, ...options, settings: { RESPONSE_CACHE: responseCache, ...options.settings } });

  async function execute<T>(query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) {
    const response = await app.fetch('http://zonegraph.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as Omit<GraphQLResponse<T>, 'status' | 'headers'>;
    return { status: response.status, headers: response.headers, ...body };
  }

  return {
    db,
    app,
    statements,
    execute,
    async data<T>(query: string, variables?: Record<string, unknown>) {
      const result = await execute<T>(query, variables);
      if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors, null, 2)}`);
      return result.data as T;
    },
    close: () => db.close(),
  };
}
