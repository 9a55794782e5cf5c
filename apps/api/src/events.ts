import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { createEvents, type EventTarget as EventTargetOption, type PubSub } from '@zonegraph/graph';
import { Redis } from 'ioredis';
import type { Logger } from './logger.ts';

type EventTarget = NonNullable<EventTargetOption>;

/** Events shared by every API instance through Redis, and the connections to end on shutdown. */
export interface SharedEvents {
  pubsub: PubSub;
  close(): Promise<void>;
}

export interface RedisEventsOptions {
  url: string;
  /**
   * Put before every channel name, so that deployments (or test runs) that
   * share a Redis server do not receive each other's events.
   */
  channelPrefix: string;
  logger: Logger;
  /** How long to wait for Redis at start before giving up (default 10 s). */
  connectTimeoutMs?: number;
}

/** A Redis URL safe to log: never the password. */
export function describeRedis(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return `Redis at ${parsed.toString()}`;
  } catch {
    return 'Redis (unparseable URL)';
  }
}

/**
 * Publishes and subscribes through Redis, so that a subscriber on one API
 * instance receives the changes made on another. Resolves once both
 * connections are ready, so that a mistyped URL stops the start instead of
 * dropping events later. Events carry ids only, never record contents.
 */
export async function createRedisEvents({ url, channelPrefix, logger, connectTimeoutMs = 10_000 }: RedisEventsOptions): Promise<SharedEvents> {
  const where = describeRedis(url);
  // A subscribing connection can do nothing else, hence two.
  const publishClient = new Redis(url, { lazyConnect: true, connectTimeout: connectTimeoutMs, maxRetriesPerRequest: 3 });
  const subscribeClient = new Redis(url, { lazyConnect: true, connectTimeout: connectTimeoutMs });
  for (const [client, role] of [[publishClient, 'publish'], [subscribeClient, 'subscribe']] as const) {
    // ioredis reconnects on its own; without a listener it would print to stderr.
    client.on('error', (error: Error) => logger.warn({ redis: where, connection: role, reason: error.message }, 'Redis connection trouble; retrying'));
  }
  const close = async () => {
    await Promise.all(
      [publishClient, subscribeClient].map(async (client) => {
        if (client.status === 'end') return;
        try {
          await client.quit();
        } catch {
          client.disconnect();
        }
      }),
    );
  };
  try {
    await Promise.all([publishClient.connect(), subscribeClient.connect()]);
  } catch (error) {
    await close();
    throw new Error(`could not connect to ${where}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const target = createRedisEventTarget<CustomEvent>({ publishClient, subscribeClient });
  return { pubsub: createEvents(withChannelPrefix(target as EventTarget, channelPrefix)), close };
}

/** Prefixes every topic on its way to Redis; subscribers still see the plain topic names. */
function withChannelPrefix(target: EventTarget, prefix: string): EventTarget {
  return {
    addEventListener: (topic, listener) => target.addEventListener(prefix + topic, listener),
    removeEventListener: (topic, listener) => target.removeEventListener(prefix + topic, listener),
    dispatchEvent: (event) => target.dispatchEvent(new CustomEvent(prefix + event.type, { detail: event.detail })),
  } as EventTarget;
}
