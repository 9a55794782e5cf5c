import { randomUUID } from 'node:crypto';
import { createApiKey, type Project, type Visibility } from '@zonegraph/db';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { createRedisEvents, describeRedis, type SharedEvents } from '../src/events.ts';
import { createLogger } from '../src/logger.ts';
import { createApp } from '../src/yoga.ts';
import { dayIn, globalId, headersFor, mutate, type Headers } from './mutation-kit.ts';
import { countingEvents, subscribe, waitFor, type EventStream } from './sse.ts';
import { startTestApi, type TestApi } from './testkit.ts';

const STAGE_CHANGED = /* GraphQL */ `
  subscription ($filter: ProjectStageChangedFilter) {
    projectStageChanged(filter: $filter) { id fromStage toStage occurredOn note project { code stage visibility } }
  }`;
const AUDIT_EVENTS = /* GraphQL */ `
  subscription ($filter: AuditEventSubscriptionFilter) {
    auditEvents(filter: $filter) { holder role action recordType recordId recordCode after }
  }`;

interface StageChanged {
  projectStageChanged: { id: string; fromStage: string; toStage: string; occurredOn: string; note: string | null; project: { code: string; stage: string; visibility: Visibility } };
}

describe('subscriptions over server-sent events', () => {
  let api: TestApi;
  let listeners: (topic: string) => number;
  let editor: Headers;
  let roles: Record<'anonymous' | 'partner' | 'analyst' | 'editor', Headers>;
  let today: string;
  let serial = 0;
  const open: EventStream[] = [];

  async function project(data: Partial<Project> = {}): Promise<Project> {
    const programme = await api.db.prisma.programme.findFirstOrThrow({ orderBy: { periodStart: 'desc' } });
    const campaign = await api.db.prisma.campaign.findFirstOrThrow({ orderBy: { code: 'asc' } });
    serial += 1;
    return api.db.prisma.project.create({
      data: { programmeId: programme.id, campaignId: campaign.id, code: `SUB-P${String(serial).padStart(3, '0')}`, nameZh: `订阅${serial}`, nameEn: `Sub ${serial}`, ...data },
    });
  }

  const move = (p: Project, toStage: string, note?: string) =>
    mutate(api, editor, 'recordProjectStageChange', 'RecordProjectStageChangeInput', { id: globalId('Project', p.id), toStage, occurredOn: today, note }, '... on RecordProjectStageChangeSuccess { project { code stage } }').then((r) => {
      expect(r.__typename, JSON.stringify(r)).toBe('RecordProjectStageChangeSuccess');
    });

  /** Subscribes, and waits until the subscription listens, so that no event is missed by a race. */
  async function listen(query: string, variables: Record<string, unknown>, headers: Headers, topic: string): Promise<EventStream> {
    const before = listeners(topic);
    const stream = await subscribe(api.app, query, variables, headers);
    open.push(stream);
    expect(stream.status).toBe(200);
    expect(stream.contentType).toMatch(/^text\/event-stream/);
    await waitFor(() => listeners(topic) > before, 10_000, `a listener on ${topic}`);
    return stream;
  }

  beforeAll(async () => {
    const events = countingEvents();
    listeners = events.listeners;
    api = await startTestApi({ pubsub: events.pubsub });
    editor = await headersFor(api, 'EDITOR', 'planning office');
    roles = {
      anonymous: {},
      partner: await headersFor(api, 'PARTNER', 'partner portal'),
      analyst: await headersFor(api, 'ANALYST', 'analyst desk'),
      editor,
    };
    const programme = await api.db.prisma.programme.findFirstOrThrow({ orderBy: { periodStart: 'desc' } });
    today = dayIn(programme.timeZone);
  });
  afterAll(async () => {
    await Promise.all(open.map((s) => s.close()));
    await api.close();
  });

  it('streams a project\'s move to a new stage, with the project', async () => {
    const p = await project();
    const stream = await listen(STAGE_CHANGED, {}, editor, 'projectStageChanged');
    await move(p, 'SIGNED', 'signing ceremony');
    const { data, errors } = await stream.next<StageChanged>();
    expect(errors).toBeUndefined();
    expect(data!.projectStageChanged).toMatchObject({
      fromStage: 'NEGOTIATING',
      toStage: 'SIGNED',
      occurredOn: today,
      note: 'signing ceremony',
      project: { code: p.code, stage: 'SIGNED' },
    });
    const change = await api.db.prisma.projectStageChange.findFirstOrThrow({ where: { projectId: p.id }, orderBy: { createdAt: 'desc' } });
    expect(data!.projectStageChanged.id).toBe(globalId('ProjectStageChange', change.id));
    await stream.close();
    await waitFor(() => listeners('projectStageChanged') === 0, 10_000, 'the listener to go when the client leaves');
  });

  it('delivers only the moves that match the filter', async () => {
    const [a, b] = [await project(), await project()];
    const byProject = await listen(STAGE_CHANGED, { filter: { project: b.code } }, editor, 'projectStageChanged');
    const byStage = await listen(STAGE_CHANGED, { filter: { toStage: ['UNDER_CONSTRUCTION', 'OPERATING'] } }, editor, 'projectStageChanged');
    const otherCampaign = await api.db.prisma.campaign.findFirstOrThrow({ where: { id: { not: a.campaignId } }, orderBy: { code: 'asc' } });
    const c = await project({ campaignId: otherCampaign.id });
    const byCampaign = await listen(STAGE_CHANGED, { filter: { campaign: otherCampaign.code } }, editor, 'projectStageChanged');

    await move(a, 'SIGNED');
    await move(a, 'UNDER_CONSTRUCTION');
    await move(b, 'SIGNED');
    await move(c, 'CANCELLED');

    const first = async (stream: EventStream) => {
      const { data, errors } = await stream.next<StageChanged>();
      expect(errors).toBeUndefined();
      return `${data!.projectStageChanged.project.code} ${data!.projectStageChanged.toStage}`;
    };
    expect(await first(byProject)).toBe(`${b.code} SIGNED`);
    expect(await first(byStage)).toBe(`${a.code} UNDER_CONSTRUCTION`);
    expect(await first(byCampaign)).toBe(`${c.code} CANCELLED`);
    // Each saw every move before its match, so anything else would be queued by now.
    expect([byProject.pending(), byStage.pending(), byCampaign.pending()]).toEqual([[], [], []]);
  });

  it('a subscriber receives only the moves of projects it may read', async () => {
    const restricted = await project({ visibility: 'RESTRICTED' });
    const internal = await project({ visibility: 'INTERNAL' });
    const open = await project({ visibility: 'PUBLIC' });
    const streams = {} as Record<keyof typeof roles, EventStream>;
    for (const [who, headers] of Object.entries(roles) as [keyof typeof roles, Headers][]) {
      streams[who] = await listen(STAGE_CHANGED, {}, headers, 'projectStageChanged');
    }

    await move(restricted, 'SIGNED');
    await move(internal, 'SIGNED');
    await move(open, 'SIGNED');

    const expected: Record<keyof typeof roles, string[]> = {
      anonymous: [open.code],
      partner: [open.code],
      analyst: [internal.code, open.code],
      editor: [restricted.code, internal.code, open.code],
    };
    for (const [who, codes] of Object.entries(expected) as [keyof typeof roles, string[]][]) {
      const received: string[] = [];
      for (const _ of codes) {
        const { data, errors } = await streams[who].next<StageChanged>();
        expect(errors, who).toBeUndefined();
        received.push(data!.projectStageChanged.project.code);
      }
      // The public move came last: a subscriber that reached it has passed over the others.
      expect(received, who).toEqual(codes);
      expect(streams[who].pending(), who).toEqual([]);
    }
  });

  it('streams audit events to editors, filtered; events about API keys to admins only', async () => {
    const p = await project();
    const admin = await headersFor(api, 'ADMIN', 'key office');
    const all = await listen(AUDIT_EVENTS, {}, editor, 'auditEvent');
    const keysOnly = await listen(AUDIT_EVENTS, { filter: { recordType: 'ApiKey' } }, admin, 'auditEvent');
    const editorsKeys = await listen(AUDIT_EVENTS, { filter: { recordType: 'ApiKey' } }, editor, 'auditEvent');

    await move(p, 'SIGNED');
    const created = await mutate<{ key: string; apiKey: { id: string } }>(api, admin, 'createApiKey', 'CreateApiKeyInput', { holder: 'streamed', role: 'PARTNER' }, '... on CreateApiKeySuccess { key apiKey { id } }');

    const moved = await all.next();
    expect(moved.data!.auditEvents).toMatchObject({
      holder: 'planning office',
      role: 'EDITOR',
      action: 'recordStageChange',
      recordType: 'Project',
      recordId: globalId('Project', p.id),
      recordCode: p.code,
    });
    const key = await keysOnly.next();
    expect(key.data!.auditEvents).toMatchObject({ holder: 'key office', action: 'create', recordType: 'ApiKey', recordId: created.apiKey.id });
    expect(JSON.stringify(key)).not.toContain(created.key);
    // The editor's stream passes over the key's event: the next it receives is the project's next move.
    const q = await project();
    await move(q, 'SIGNED');
    expect((await all.next()).data!.auditEvents).toMatchObject({ recordType: 'Project', recordCode: q.code });
    expect(editorsKeys.pending()).toEqual([]);
  });

  it('ends a stream as soon as its key is revoked, and delivers nothing after', async () => {
    const { key, record } = await createApiKey(api.db.prisma, { holder: 'soon revoked', role: 'EDITOR' });
    // Stage moves: revoking a key makes none, so only the revocation itself can end this stream.
    const stream = await listen(STAGE_CHANGED, {}, { authorization: `Bearer ${key}` }, 'projectStageChanged');
    const admin = await headersFor(api, 'ADMIN', 'key office');
    const revoked = await mutate(api, admin, 'revokeApiKey', 'RevokeApiKeyInput', { id: globalId('ApiKey', record.id) }, '... on RevokeApiKeySuccess { apiKey { revokedAt } }');
    expect(revoked.__typename).toBe('RevokeApiKeySuccess');
    await stream.completed();
    expect(stream.pending()).toEqual([]);
  });

  it('ends an expired key\'s stream when the key expires, without waiting for an event', async () => {
    const expiresAt = new Date(Date.now() + 1500);
    const { key } = await createApiKey(api.db.prisma, { holder: 'soon expired', role: 'EDITOR', expiresAt });
    const stream = await listen(STAGE_CHANGED, {}, { authorization: `Bearer ${key}` }, 'projectStageChanged');
    await stream.completed(5_000);
    expect(Date.now()).toBeGreaterThanOrEqual(expiresAt.getTime());
    expect(stream.pending()).toEqual([]);
  });

  it('refuses audit event subscriptions to analysts, partners and anonymous callers', async () => {
    const before = listeners('auditEvent');
    for (const who of ['analyst', 'partner', 'anonymous'] as const) {
      const stream = await subscribe(api.app, AUDIT_EVENTS, {}, roles[who]);
      open.push(stream);
      const { data, errors } = await stream.next();
      expect(data ?? null, who).toBeNull();
      expect(errors?.map((e) => e.extensions?.code), who).toEqual(['FORBIDDEN']);
      await stream.completed();
    }
    // Refused before it listened to anything.
    expect(listeners('auditEvent')).toBe(before);
  });
});

describe('subscriptions across API instances through Redis', () => {
  const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  // Parallel runs (and CI jobs) sharing the server must not hear each other.
  const channelPrefix = `zonegraph-test-${randomUUID()}:`;
  let api: TestApi;
  let events: [SharedEvents, SharedEvents];
  let probe: Redis;

  beforeAll(async () => {
    const logger = createLogger('silent');
    events = [await createRedisEvents({ url, channelPrefix, logger }), await createRedisEvents({ url, channelPrefix, logger })];
    probe = new Redis(url);
    api = await startTestApi({ pubsub: events[0].pubsub });
  });
  afterAll(async () => {
    await api?.close();
    await Promise.all(events?.map((e) => e.close()) ?? []);
    probe?.disconnect();
  });

  it('a subscriber on one instance receives a move made on another', async () => {
    // A second instance over the same database, with its own Redis connections.
    const other = createApp({ db: api.db, logger: createLogger('silent'), pubsub: events[1].pubsub });
    const editor = await headersFor(api, 'EDITOR', 'planning office');
    const partner = await headersFor(api, 'PARTNER', 'partner portal');
    const programme = await api.db.prisma.programme.findFirstOrThrow({ orderBy: { periodStart: 'desc' } });
    const campaign = await api.db.prisma.campaign.findFirstOrThrow({ orderBy: { code: 'asc' } });
    const make = (code: string, visibility: Visibility) =>
      api.db.prisma.project.create({ data: { programmeId: programme.id, campaignId: campaign.id, code, nameZh: code, nameEn: code, visibility } });
    const hidden = await make('REDIS-P1', 'RESTRICTED');
    const shown = await make('REDIS-P2', 'PUBLIC');

    const channel = `${channelPrefix}projectStageChanged`;
    const subscribers = async () => ((await probe.pubsub('NUMSUB', channel)) as [string, number])[1];
    const asEditor = await subscribe(other, STAGE_CHANGED, {}, editor);
    const asPartner = await subscribe(other, STAGE_CHANGED, {}, partner);
    try {
      // Both listen through instance two's one Redis subscription.
      await waitFor(async () => (await subscribers()) === 1, 10_000, 'the Redis subscription');

      for (const p of [hidden, shown]) {
        const moved = await mutate(api, editor, 'recordProjectStageChange', 'RecordProjectStageChangeInput', { id: globalId('Project', p.id), toStage: 'SIGNED', occurredOn: dayIn(programme.timeZone) }, '... on RecordProjectStageChangeSuccess { project { stage } }');
        expect(moved.__typename).toBe('RecordProjectStageChangeSuccess');
      }

      const editorSaw = [await asEditor.next<StageChanged>(), await asEditor.next<StageChanged>()].map((r) => r.data!.projectStageChanged.project.code);
      expect(editorSaw).toEqual(['REDIS-P1', 'REDIS-P2']);
      const partnerSaw = await asPartner.next<StageChanged>();
      expect(partnerSaw.data!.projectStageChanged.project.code).toBe('REDIS-P2');
      expect(asPartner.pending()).toEqual([]);
    } finally {
      await asEditor.close();
      await asPartner.close();
    }
    await waitFor(async () => (await subscribers()) === 0, 10_000, 'the Redis subscription to end');
  });
});

describe('REDIS_URL', () => {
  it('is checked at start and never echoed, since it may hold a password', () => {
    expect(loadConfig({ REDIS_URL: 'redis://:s3cret@redis.internal:6379/0' })).toMatchObject({ REDIS_URL: 'redis://:s3cret@redis.internal:6379/0', REDIS_CHANNEL_PREFIX: 'zonegraph:' });
    expect(loadConfig({}).REDIS_URL).toBeUndefined();
    for (const bad of ['http://:s3cret@redis.internal:6379', 'redis.internal:6379', 'redis://']) {
      expect(() => loadConfig({ REDIS_URL: bad }), bad).toThrow(/REDIS_URL: must be a Redis URL/);
      try {
        loadConfig({ REDIS_URL: bad });
      } catch (error) {
        expect(String(error)).not.toContain('s3cret');
      }
    }
    expect(describeRedis('redis://default:s3cret@redis.internal:6379/0')).toBe('Redis at redis://default:***@redis.internal:6379/0');
  });

  it('an unreachable Redis stops the start with a message that names it without the password', async () => {
    const attempt = createRedisEvents({ url: 'redis://:s3cret@127.0.0.1:1', channelPrefix: 'x:', logger: createLogger('silent'), connectTimeoutMs: 2_000 });
    await expect(attempt).rejects.toThrow(/could not connect to Redis at redis:\/\/:\*\*\*@127\.0\.0\.1:1/);
    await attempt.catch((error: Error) => expect(error.message).not.toContain('s3cret'));
  });
});
