import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTestDatabase, type TestDatabase } from '@zonegraph/db/testing';
import { createLogger } from './logger.ts';
import { createApp, type EdgeSettings } from './yoga.ts';

export interface RunningApi {
  /** The GraphQL endpoint, e.g. `http://127.0.0.1:39123/graphql`. */
  url: string;
  /** The server's origin, for requests to paths that are not the API. */
  origin: string;
  /** Its database, unscoped, for arranging data and checking results. */
  db: TestDatabase;
  close(): Promise<void>;
}

/**
 * The real API over real HTTP on an ephemeral port, with a seeded database of
 * its own: the SDK and the apps built on it are tested as a partner would use
 * them, through the network. With `dashboardDir`, it also serves the built
 * dashboard at /dashboard, as `pnpm start` does; with `graphiql`, GraphiQL
 * at /graphql for a browser; `settings` as in the environment. The response
 * cache is off unless `settings` turns it on: tests arrange data in the
 * database directly, which no cache sees. For tests only.
 */
export async function startApi({
  dashboardDir,
  graphiql = false,
  settings,
}: { dashboardDir?: string; graphiql?: boolean; settings?: Partial<EdgeSettings> } = {}): Promise<RunningApi> {
  const db = await createTestDatabase({ seeded: true });
  const server = createServer(createApp({ db, logger: createLogger('silent'), graphiql, dashboardDir, settings: { RESPONSE_CACHE: false, ...settings } }));
  try {
    await listen(server, 0);
  } catch (error) {
    await db.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/graphql`,
    origin,
    db,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
    },
  };
}

/** A URL on this machine where nothing listens: the port was free a moment ago and is closed again. */
export async function unreachableUrl(): Promise<string> {
  const server = createServer();
  await listen(server, 0);
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/graphql`;
}

function listen(server: ReturnType<typeof createServer>, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
}
