import { createEvents, type EventTarget, type PubSub } from '@zonegraph/graph';
import type { App } from '../src/yoga.ts';

/** One `next` message of a subscription: a GraphQL result. */
export interface StreamResult<T = Record<string, any>> {
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

export interface EventStream {
  status: number;
  contentType: string | null;
  /** The next result; fails after `timeoutMs` without one. */
  next<T = Record<string, any>>(timeoutMs?: number): Promise<StreamResult<T>>;
  /** Resolves when the server ended the stream (an `event: complete`). */
  completed(timeoutMs?: number): Promise<void>;
  /** Every result received and not yet taken with `next`. */
  pending(): StreamResult[];
  close(): Promise<void>;
}

/**
 * Opens a subscription the way a browser's EventSource or graphql-sse would:
 * a POST with `Accept: text/event-stream`, read as the server streams it.
 */
export async function subscribe(app: App, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<EventStream> {
  const response = await app.fetch('http://zonegraph.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const queue: StreamResult[] = [];
  let done = false;
  let wake: () => void = () => {};
  const changed = () => new Promise<void>((resolve) => (wake = resolve));

  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const reading = (async () => {
    let buffer = '';
    try {
      for (;;) {
        const { value, done: ended } = await reader.read();
        if (ended) break;
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const lines = block.split('\n');
          const event = lines.find((l) => l.startsWith('event:'))?.slice(6).trim();
          const data = lines.filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trim()).join('\n');
          if (event === 'next' && data) queue.push(JSON.parse(data) as StreamResult);
          if (event === 'complete') done = true;
          wake();
        }
      }
    } catch {
      // Cancelled by close().
    } finally {
      done = true;
      wake();
    }
  })();

  async function waitUntil(ready: () => boolean, timeoutMs: number, what: string) {
    const deadline = Date.now() + timeoutMs;
    while (!ready()) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no ${what} within ${timeoutMs} ms`);
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([changed(), new Promise((resolve) => (timer = setTimeout(resolve, left)))]);
      clearTimeout(timer);
    }
  }

  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    async next<T>(timeoutMs = 10_000) {
      await waitUntil(() => queue.length > 0 || done, timeoutMs, 'subscription result');
      const result = queue.shift();
      if (!result) throw new Error('the stream ended without another result');
      return result as StreamResult<T>;
    },
    completed: (timeoutMs = 10_000) => waitUntil(() => done, timeoutMs, 'end of stream'),
    pending: () => [...queue],
    async close() {
      await reader.cancel().catch(() => {});
      await reading;
    },
  };
}

/**
 * The in-process pub/sub, counting the listeners on each topic, so that a
 * test can wait until a subscription is really listening before it makes
 * the change it expects to hear about.
 */
export function countingEvents(): { pubsub: PubSub; listeners(topic: string): number } {
  const target = new globalThis.EventTarget();
  const counts = new Map<string, number>();
  const counting = {
    addEventListener(topic: string, listener: EventListenerOrEventListenerObject | null) {
      counts.set(topic, (counts.get(topic) ?? 0) + 1);
      target.addEventListener(topic, listener);
    },
    removeEventListener(topic: string, listener: EventListenerOrEventListenerObject | null) {
      counts.set(topic, (counts.get(topic) ?? 1) - 1);
      target.removeEventListener(topic, listener);
    },
    dispatchEvent: (event: Event) => target.dispatchEvent(event),
  };
  return { pubsub: createEvents(counting as unknown as EventTarget), listeners: (topic) => counts.get(topic) ?? 0 };
}

export async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
