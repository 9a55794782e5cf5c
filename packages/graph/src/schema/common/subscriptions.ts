import { Repeater } from 'graphql-yoga';
import { builder } from '../../builder.ts';
import type { Context } from '../../context.ts';
import type { Events } from '../../pubsub.ts';

builder.subscriptionType({
  description:
    'Live updates over Server-Sent Events: POST the subscription to /graphql with `Accept: text/event-stream`. ' +
    'You receive only changes to records you may read.',
});

/**
 * Follows a topic and yields what `load` finds for each event. Events carry
 * ids only, and `load` reads through the subscriber's own visibility-scoped
 * client with the subscription's filter, so an event whose record the
 * subscriber may not see, or that does not match, is skipped: a subscriber
 * learns nothing it could not have read.
 *
 * A stream lives no longer than its key's rights: it ends as soon as the key
 * is revoked (on any instance) and when the key expires. Both are known
 * without asking the database per event: revocation is announced, and the
 * expiry came with the key.
 *
 * A Repeater rather than an async generator: a generator waiting for the
 * next event cannot be stopped until one comes, so a client that went away
 * would keep its listener (and its Redis subscription) until then.
 */
export function visibleEvents<K extends keyof Events, R>(ctx: Context, topic: K, load: (event: Events[K][0]) => Promise<R | null>): AsyncIterable<R> {
  return new Repeater<R>(async (push, stop) => {
    const keyId = ctx.caller.apiKeyId;
    if (keyId) void endOnRevocation(ctx, keyId, stop, () => stop());
    if (ctx.caller.keyExpiresAt) endAt(ctx.caller.keyExpiresAt, stop, () => stop());
    const source = follow(ctx, topic);
    void stop.then(() => source.return?.());
    for (;;) {
      const next = await source.next();
      if (next.done) break;
      const record = await load(next.value);
      if (record) await push(record);
    }
    stop();
  });
}

function follow<K extends keyof Events>(ctx: Context, topic: K): AsyncIterator<Events[K][0]> {
  // Every event has one payload, so subscribing needs the topic alone.
  const subscribe = ctx.pubsub.subscribe.bind(ctx.pubsub) as (topic: K) => AsyncIterable<Events[K][0]>;
  return subscribe(topic)[Symbol.asyncIterator]();
}

async function endOnRevocation(ctx: Context, keyId: string, stopped: Promise<unknown>, end: () => void): Promise<void> {
  const revocations = follow(ctx, 'apiKeyRevoked');
  void stopped.then(() => revocations.return?.());
  for (;;) {
    const next = await revocations.next();
    if (next.done) return;
    if (next.value.apiKeyId === keyId) return end();
  }
}

/** Ends the stream at `when`; a timer can wait at most about 24 days, so a longer wait is taken in steps. */
function endAt(when: Date, stopped: Promise<unknown>, end: () => void): void {
  let timer: NodeJS.Timeout | undefined;
  const wait = () => {
    const left = when.getTime() - Date.now();
    if (left <= 0) return end();
    timer = setTimeout(wait, Math.min(left, 2 ** 31 - 1));
  };
  wait();
  void stopped.then(() => clearTimeout(timer));
}
