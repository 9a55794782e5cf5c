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
 * A Repeater rather than an async generator: a generator waiting for the
 * next event cannot be stopped until one comes, so a client that went away
 * would keep its listener (and its Redis subscription) until then.
 */
export function visibleEvents<K extends keyof Events, R>(ctx: Context, topic: K, load: (event: Events[K][0]) => Promise<R | null>): AsyncIterable<R> {
  return new Repeater<R>(async (push, stop) => {
    // Every event has one payload, so subscribing needs the topic alone.
    const subscribe = ctx.pubsub.subscribe.bind(ctx.pubsub) as (topic: K) => AsyncIterable<Events[K][0]>;
    const source = subscribe(topic)[Symbol.asyncIterator]();
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
