import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createClient, GraphQLResponseError, TransportError, type Subscription, type ZonegraphClient } from '../src/index.ts';
import { createApiKey } from '@zonegraph/db';
import { startFaultyProxy, startRestartableApi, type RestartableApi } from './server.ts';

// Subscriptions over server-sent events, against the real API on a port this
// file can stop and start again, to see the client reconnect.

let api: RestartableApi;
let url: string;
let editor: ZonegraphClient;
let serial = 0;

beforeAll(async () => {
  api = await startRestartableApi();
  url = api.url;
  const { key } = await createApiKey(api.db.prisma, { holder: 'sdk live editor', role: 'EDITOR' });
  editor = createClient({ url, apiKey: key });
});

afterAll(async () => {
  await api?.close();
});

async function newProject(client = editor) {
  serial += 1;
  const { createProject } = await client.createProject({
    input: { campaign: 'GZK-2020-C2', code: `SDK-LIVE-${serial}`, nameZh: `实时${serial}`, nameEn: `Live ${serial}` },
  });
  if (createProject.__typename !== 'CreateProjectSuccess') throw new Error(createProject.__typename);
  return createProject.project;
}

/**
 * The next event, making changes until one arrives: a stream counts as open
 * when its headers arrive, a moment before the API listens for events, and
 * an event published in that moment is (rightly) not delivered.
 */
async function nextWhile<T>(subscription: Subscription<T>, act: () => Promise<unknown>, attempts = 10): Promise<T> {
  const next = subscription.next();
  for (let attempt = 0; attempt < attempts; attempt++) {
    await act();
    const step = await Promise.race([next, new Promise<'none'>((resolve) => setTimeout(() => resolve('none'), 1000))]);
    if (step === 'none') continue;
    if (step.done) throw new Error('the subscription ended');
    return step.value;
  }
  throw new Error(`no event after ${attempts} changes`);
}

/** Moves a project back and forth between NEGOTIATING and SUSPENDED, one move per call. */
function mover(client: ZonegraphClient, project: { id: string }) {
  let stage: 'NEGOTIATING' | 'SUSPENDED' = 'NEGOTIATING';
  return async () => {
    stage = stage === 'NEGOTIATING' ? 'SUSPENDED' : 'NEGOTIATING';
    // `retry: true`: right after the API restarts, a request may meet a
    // pooled connection the old process closed; repeating a move here is harmless.
    const { recordProjectStageChange } = await client.recordProjectStageChange({ input: { id: project.id, toStage: stage, occurredOn: '2020-06-01' } }, { retry: true });
    expect(recordProjectStageChange.__typename).toBe('RecordProjectStageChangeSuccess');
  };
}

describe('subscriptions', () => {
  test('projectStageChanged streams typed moves, filtered by project', async () => {
    const watched = await newProject();
    const other = await newProject();
    const subscription = editor.subscriptions.projectStageChanged({ filter: { project: watched.code } });
    try {
      const moveOther = mover(editor, other);
      const moveWatched = mover(editor, watched);
      const event = await nextWhile(subscription, async () => {
        await moveOther();
        await moveWatched();
      });
      expect(event.projectStageChanged.project.code).toBe(watched.code);
      expect(event.projectStageChanged).toMatchObject({ fromStage: 'NEGOTIATING', toStage: 'SUSPENDED', occurredOn: '2020-06-01' });
    } finally {
      await subscription.close();
    }
  });

  test('auditEvents streams each change to an editor; `break` ends the subscription', async () => {
    const project = await newProject();
    const move = mover(editor, project);
    const subscription = editor.subscriptions.auditEvents({ filter: { recordType: 'Project' } });
    const event = await nextWhile(subscription, move);
    expect(event.auditEvents).toMatchObject({ action: 'recordStageChange', recordCode: project.code, holder: 'sdk live editor' });
    await subscription.return();
    expect(await subscription.next()).toEqual({ done: true, value: undefined });
  });

  test('a subscription the caller may not make rejects with the API’s error, without retrying', async () => {
    let opened = 0;
    const anonymous = createClient({
      url,
      fetch: async (input, init) => {
        opened += 1;
        return fetch(input, init);
      },
    });
    const subscription = anonymous.subscriptions.auditEvents();
    const error = await subscription.next().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphQLResponseError);
    expect((error as GraphQLResponseError).message).toMatch(/editor|administrator|forbidden|not allowed/i);
    expect(opened).toBe(1);
  });

  test('a revoked key ends with the API’s 401, not endless retries', async () => {
    const { key, record } = await createApiKey(api.db.prisma, { holder: 'sdk soon revoked', role: 'EDITOR' });
    await api.db.prisma.apiKey.update({ where: { id: record.id }, data: { revokedAt: new Date() } });
    const revoked = createClient({ url, apiKey: key });
    const error = await revoked.subscriptions.projectStageChanged().next().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphQLResponseError);
    expect((error as GraphQLResponseError).status).toBe(401);
  });

  test('the stream reconnects after the API restarts, and events flow again', async () => {
    const project = await newProject();
    const move = mover(editor, project);
    const connections: boolean[] = [];
    const subscription = editor.subscriptions.projectStageChanged(
      { filter: { project: project.code } },
      { onConnected: (reconnected) => connections.push(reconnected), reconnect: { attempts: 20, baseDelayMs: 100, maxDelayMs: 400 } },
    );
    try {
      await nextWhile(subscription, move);
      expect(connections).toEqual([false]);

      await api.restart();

      const after = await nextWhile(subscription, move);
      expect(after.projectStageChanged.project.code).toBe(project.code);
      expect(connections).toEqual([false, true]);
    } finally {
      await subscription.close();
    }
  });

  test('with reconnection off, a broken stream ends with a TransportError', async () => {
    const project = await newProject();
    const subscription = editor.subscriptions.projectStageChanged({ filter: { project: project.code } }, { reconnect: false });
    await nextWhile(subscription, mover(editor, project));
    const pending = subscription.next();
    await api.restart();
    const error = await pending.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransportError);
  });
});

describe('a stream that goes silent', () => {
  test('is taken as dead after idleTimeoutMs without even a keep-alive, and reopened', async () => {
    const proxy = await startFaultyProxy(api.url);
    const { key } = await createApiKey(api.db.prisma, { holder: 'sdk idle editor', role: 'EDITOR' });
    const viaProxy = createClient({ url: proxy.url, apiKey: key });
    const project = await newProject();
    const connections: boolean[] = [];
    // The API pings every 300 ms under NODE_ENV=test (12 s otherwise), so 2 s of silence is a dead stream.
    const subscription = viaProxy.subscriptions.projectStageChanged(
      { filter: { project: project.code } },
      { idleTimeoutMs: 2_000, onConnected: (reconnected) => connections.push(reconnected), reconnect: { baseDelayMs: 50, maxDelayMs: 200 } },
    );
    try {
      const move = mover(editor, project);
      await nextWhile(subscription, move);
      proxy.silenceOpenStreams();
      const started = Date.now();
      const after = await nextWhile(subscription, move, 20);
      expect(after.projectStageChanged.project.code).toBe(project.code);
      expect(connections).toEqual([false, true]);
      expect(Date.now() - started).toBeGreaterThanOrEqual(1_500);
    } finally {
      await subscription.close();
      await proxy.close();
    }
  });
});
