import { describe, expect, it } from 'vitest';
import { catalogueCases, codesOf, freshCode, rowOf, useCatalogueApi, writesNothing } from './catalogue-kit.ts';

const env = useCatalogueApi();

// Campaign positions are unique within the programme, so each new campaign takes the next free one.
let position = 100;

describe('campaign mutations', () => {
  const campaigns = catalogueCases(env, {
    type: 'Campaign',
    table: 'campaign',
    dataField: 'campaign',
    selection: 'position nameZh nameEn summaryZh summaryEn visibility programme { code }',
    prefix: 'CMP',
    newInput: (code) => ({ code, position: ++position, nameZh: '测试攻坚战', nameEn: ' Test campaign ', summaryZh: '简介' }),
    created: {
      row: { nameEn: 'Test campaign', summaryZh: '简介', summaryEn: null, visibility: 'PUBLIC' },
      record: { nameEn: 'Test campaign', visibility: 'PUBLIC', programme: { code: 'GZK-2020' } },
    },
    badCreates: [
      ['a one-letter code', { code: 'x' }, ['input', 'code']],
      ['an empty Chinese name', { nameZh: '   ' }, ['input', 'nameZh']],
      ['position 0', { position: 0 }, ['input', 'position']],
      ['an unknown programme', { programme: 'NO-SUCH-PROGRAMME' }, ['input', 'programme']],
      ['a summary over 5000 characters', { summaryEn: 'x'.repeat(5001) }, ['input', 'summaryEn']],
    ],
    changes: { nameEn: 'Renamed campaign', summaryZh: null, visibility: 'INTERNAL' },
    updated: { nameEn: 'Renamed campaign', summaryZh: null, visibility: 'INTERNAL', nameZh: '测试攻坚战' },
    badUpdates: [
      ['position 1000', { position: 1000 }, ['input', 'position']],
      ['a null English name', { nameEn: null }, ['input', 'nameEn']],
      ['a name over 300 characters', { nameEn: 'x'.repeat(301) }, ['input', 'nameEn']],
    ],
    listed: codesOf('{ campaigns(first: 100) { nodes { code } } }', (d) => d.campaigns),
  });

  it('refuses a position another campaign of the programme holds with ConflictError, on create and on update', async () => {
    const code = freshCode('CMP');
    await writesNothing(env, async () => {
      const taken = await campaigns.create({ code, position: 1, nameZh: '重复', nameEn: 'Clash' });
      expect(taken).toMatchObject({ __typename: 'ConflictError', message: expect.stringContaining('GZK-2020-C1') });
    });
    expect(await rowOf(env, 'campaign', { code })).toBeNull();

    const record = await campaigns.make();
    await writesNothing(
      env,
      async () => {
        expect(await campaigns.update({ id: record.gid, version: 1, position: 2 })).toMatchObject({ __typename: 'ConflictError' });
      },
      () => rowOf(env, 'campaign', { id: record.id }),
    );
    const moved = await campaigns.update({ id: record.gid, version: 1, position: 500 });
    expect(moved.campaign).toMatchObject({ position: 500, version: 2 });
    // Its own position is no clash.
    expect((await campaigns.update({ id: record.gid, version: 2, position: 500 })).__typename).toBe('UpdateCampaignSuccess');
  });

  // On PostgreSQL both requests may pass the position check before either
  // writes; the unique index then refuses one. PGlite runs them one after the
  // other, so the check refuses the second. Either way: one campaign, one event.
  it('of two campaigns created at once at the same position, one is made and the other gets ConflictError', async () => {
    const events = await env.api.db.prisma.auditEvent.count();
    const at = ++position;
    const outcomes = await Promise.all(
      [freshCode('CMP'), freshCode('CMP')].map((code) => campaigns.create({ code, position: at, nameZh: '并发', nameEn: 'Concurrent' })),
    );
    expect(outcomes.map((o) => o.__typename).sort()).toEqual(['ConflictError', 'CreateCampaignSuccess']);
    expect(outcomes.find((o) => o.__typename === 'ConflictError')!.message).toContain(`Position ${at} of the programme`);
    expect(await env.api.db.prisma.campaign.count({ where: { position: at } })).toBe(1);
    expect(await env.api.db.prisma.auditEvent.count()).toBe(events + 1);
  });

  it('keeps an archived campaign\'s position taken', async () => {
    const record = await campaigns.make();
    await campaigns.archive({ id: record.gid, version: 1 });
    const clash = await campaigns.create({ code: freshCode('CMP'), position: record.position, nameZh: '重复', nameEn: 'Clash' });
    expect(clash).toMatchObject({ __typename: 'ConflictError', message: expect.stringContaining('archived') });
  });
});

describe('key task mutations', () => {
  const keyTasks = catalogueCases(env, {
    type: 'KeyTask',
    table: 'keyTask',
    dataField: 'keyTask',
    selection: 'position nameZh nameEn status visibility campaign { code }',
    prefix: 'KT',
    newInput: (code) => ({ campaign: 'GZK-2020-C1', code, position: 9, nameZh: '测试重点工作', nameEn: 'Test key task' }),
    created: {
      row: { position: 9, status: 'IN_PROGRESS', visibility: 'PUBLIC' },
      record: { status: 'IN_PROGRESS', campaign: { code: 'GZK-2020-C1' } },
    },
    badCreates: [
      ['an unknown campaign', { campaign: 'NO-SUCH-CAMPAIGN' }, ['input', 'campaign']],
      ['a code with spaces', { code: 'KT ONE' }, ['input', 'code']],
      ['a negative position', { position: -1 }, ['input', 'position']],
      ['an empty English name', { nameEn: '' }, ['input', 'nameEn']],
    ],
    changes: { status: 'DONE', nameEn: 'Done key task', position: 3 },
    updated: { status: 'DONE', nameEn: 'Done key task', position: 3 },
    badUpdates: [
      ['an unknown campaign', { campaign: 'NO-SUCH-CAMPAIGN' }, ['input', 'campaign']],
      ['a null campaign', { campaign: null }, ['input', 'campaign']],
      ['position 1000', { position: 1000 }, ['input', 'position']],
    ],
    listed: codesOf('{ campaign(code: "GZK-2020-C1") { keyTasks(first: 100) { nodes { code } } } }', (d) => d.campaign.keyTasks),
  });

  it('moves a key task to another campaign named by code', async () => {
    const record = await keyTasks.make();
    const moved = await keyTasks.update({ id: record.gid, version: 1, campaign: 'GZK-2020-C2' });
    expect(moved.keyTask).toMatchObject({ campaign: { code: 'GZK-2020-C2' }, version: 2 });
    const c2 = await env.api.db.prisma.campaign.findUniqueOrThrow({ where: { code: 'GZK-2020-C2' } });
    expect((await rowOf(env, 'keyTask', { id: record.id }))!.campaignId).toBe(c2.id);
  });
});

describe('mechanism mutations', () => {
  catalogueCases(env, {
    type: 'Mechanism',
    table: 'mechanism',
    dataField: 'mechanism',
    selection: 'nameZh nameEn status visibility campaign { code }',
    prefix: 'MECH',
    newInput: (code) => ({ campaign: 'GZK-2020-C2', code, nameZh: '测试运行机制', nameEn: 'Test mechanism', visibility: 'INTERNAL' }),
    created: {
      row: { status: 'ESTABLISHING', visibility: 'INTERNAL', nameZh: '测试运行机制' },
      record: { status: 'ESTABLISHING', visibility: 'INTERNAL', campaign: { code: 'GZK-2020-C2' } },
    },
    badCreates: [
      ['an unknown campaign', { campaign: 'NO-SUCH-CAMPAIGN' }, ['input', 'campaign']],
      ['a code over 40 characters', { code: 'M'.repeat(41) }, ['input', 'code']],
      ['a Chinese name over 200 characters', { nameZh: '机'.repeat(201) }, ['input', 'nameZh']],
    ],
    changes: { status: 'ESTABLISHED', visibility: 'PUBLIC' },
    updated: { status: 'ESTABLISHED', visibility: 'PUBLIC', nameEn: 'Test mechanism' },
    badUpdates: [
      ['an unknown campaign', { campaign: 'NO-SUCH-CAMPAIGN' }, ['input', 'campaign']],
      ['an empty Chinese name', { nameZh: ' ' }, ['input', 'nameZh']],
    ],
    listed: codesOf('{ campaign(code: "GZK-2020-C2") { mechanisms(first: 100) { nodes { code } } } }', (d) => d.campaign.mechanisms),
  });
});
