import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp, createLogger, type AppOptions } from '@zonegraph/api';
import { createTestDatabase, type TestDatabase } from '@zonegraph/db/testing';

export interface RestartableApi {
  url: string;
  db: TestDatabase;
  /** Stops the API (dropping every open connection) and starts it again on the same port. */
  restart(): Promise<void>;
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The real API with settings of the test's choosing (rate limits, trusted
 * documents), on a port that stays the same across restarts.
 */
export async function startRestartableApi(settings: AppOptions['settings'] = {}): Promise<RestartableApi> {
  const db = await createTestDatabase({ seeded: true });
  let server: Server | undefined;
  let port = 0;
  const start = async () => {
    const listening = createServer(createApp({ db, logger: createLogger('silent'), graphiql: false, settings }));
    await listen(listening, port);
    port = (listening.address() as AddressInfo).port;
    server = listening;
  };
  const stop = async () => {
    const stopping = server;
    server = undefined;
    if (!stopping) return;
    stopping.closeAllConnections();
    await new Promise<void>((resolve) => stopping.close(() => resolve()));
  };
  await start();
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    db,
    start,
    stop,
    restart: async () => {
      await stop();
      await start();
    },
    close: async () => {
      await stop();
      await db.close();
    },
  };
}

export type Fault = (request: IncomingMessage, response: ServerResponse) => boolean | Promise<boolean>;

export interface FaultyProxy {
  url: string;
  /** Every request that reached the proxy, faulted or not. */
  requests: { method: string; headers: IncomingMessage['headers']; body: string }[];
  /** The next requests meet these faults, one each, in order; the rest go through. */
  faults: Fault[];
  /**
   * From now on, the answers being streamed (event streams) get no more
   * bytes, though their connections stay open: a connection that broke
   * silently somewhere between client and API.
   */
  silenceOpenStreams(): void;
  close(): Promise<void>;
}

/**
 * A proxy in front of the real API that can fail the next requests the way
 * networks and overloaded servers do (a 503, a dropped connection, a stall,
 * a 429), and otherwise forwards them unchanged.
 */
export async function startFaultyProxy(target: string): Promise<FaultyProxy> {
  const requests: FaultyProxy['requests'] = [];
  const faults: Fault[] = [];
  const streaming = new Set<{ silenced: boolean }>();
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    requests.push({ method: request.method ?? 'GET', headers: request.headers, body });
    const fault = faults.shift();
    if (fault && (await fault(request, response))) return;
    const targetUrl = new URL(target);
    const incoming = new URL(request.url ?? '/', 'http://proxy');
    targetUrl.search = incoming.search;
    const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => !['host', 'connection', 'content-length'].includes(name))) as Record<string, string>;
    try {
      const answer = await fetch(targetUrl, { method: request.method, headers, body: request.method === 'GET' ? undefined : body });
      response.writeHead(answer.status, Object.fromEntries([...answer.headers].filter(([name]) => !['content-length', 'transfer-encoding', 'content-encoding', 'connection'].includes(name))));
      // Streamed as it arrives, so that event streams flow through.
      const stream = { silenced: false };
      streaming.add(stream);
      response.on('close', () => streaming.delete(stream));
      const reader = answer.body?.getReader();
      for (let chunk = await reader?.read(); chunk && !chunk.done; chunk = await reader?.read()) {
        if (!stream.silenced) response.write(chunk.value);
      }
      if (!stream.silenced) response.end();
    } catch {
      response.destroy();
    }
  });
  await listen(server, 0);
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    requests,
    faults,
    silenceOpenStreams: () => {
      for (const stream of streaming) stream.silenced = true;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export const faults = {
  /** An overloaded upstream: 503 with a small HTML page, as proxies answer. */
  unavailable: (): Fault => (_request, response) => {
    response.writeHead(503, { 'content-type': 'text/html' }).end('<h1>503 Service Unavailable</h1>');
    return true;
  },
  /** The connection drops before any answer. */
  drop: (): Fault => (request) => {
    request.socket.destroy();
    return true;
  },
  /** No answer for `ms`, then the connection drops. */
  stall: (ms: number): Fault => (request) =>
    new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => {
        request.socket.destroy();
        resolve(true);
      }, ms);
      request.socket.once('close', () => {
        clearTimeout(timer);
        resolve(true);
      });
    }),
  /** A rate limit with this Retry-After. */
  rateLimited: (retryAfter: string): Fault => (_request, response) => {
    response
      .writeHead(429, { 'content-type': 'application/graphql-response+json', 'retry-after': retryAfter })
      .end(JSON.stringify({ errors: [{ message: 'slow down', extensions: { code: 'RATE_LIMITED' } }] }));
    return true;
  },
};

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
}
