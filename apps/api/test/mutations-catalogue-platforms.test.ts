import { describe, expect, it } from 'vitest';
import { catalogueCases, codesOf, rowOf, useCatalogueApi, writesNothing } from './catalogue-kit.ts';
import { auditEventsFor } from './mutation-kit.ts';

// Platforms and organisations: both name related records by code and both
// form a hierarchy through `parent`, which must never loop.

const env = useCatalogueApi();

type Made = { id: string; gid: string; code: string };
type Mutations = ReturnType<typeof catalogueCases>;

/** Builds A ← B ← C (C part of B, B part of A), then checks that no parent choice closes a loop. */
function refusesCycles(what: string, mutations: () => Mutations, table: 'platform' | 'organisation') {
  it(`refuses a parent that would make a ${what} part of itself, changing nothing`, async () => {
    const { make, update } = mutations();
    const a: Made = await make();
    const b: Made = await make();
    const c: Made = await make();
    expect((await update({ id: b.gid, version: 1, parent: a.code })).__typename).toMatch(/Success$/);
    expect((await update({ id: c.gid, version: 1, parent: b.code })).__typename).toMatch(/Success$/);
    const rows = async () => Promise.all([a, b, c].map((r) => rowOf(env, table, { id: r.id })));
    await writesNothing(
      env,
      async () => {
        const loop = await update({ id: a.gid, version: 1, parent: c.code });
        expect(loop.issues).toEqual([{ path: ['input', 'parent'], message: `${c.code} is already part of this ${what} (${c.code} → ${b.code} → ${a.code}), so it cannot be its parent` }]);
        const self = await update({ id: a.gid, version: 1, parent: a.code });
        expect(self.issues).toEqual([{ path: ['input', 'parent'], message: `a ${what} cannot be part of itself` }]);
      },
      rows,
    );
    // Moving the lowest one up to the top is no loop.
    const moved = await update({ id: c.gid, version: 2, parent: null });
    expect(moved.__typename).toMatch(/Success$/);
    expect((await update({ id: a.gid, version: 1, parent: c.code })).__typename).toMatch(/Success$/);
  });
}

describe('platform mutations', () => {
  const platforms = catalogueCases(env, {
    type: 'Platform',
    table: 'platform',
    dataField: 'platform',
    selection: 'nameZh nameEn summaryZh kind status visibility organisation { code } park { code } parent { code } campaigns(first: 10) { nodes { code } }',
    prefix: 'PF',
    newInput: (code) => ({
      code,
      nameZh: '测试平台',
      nameEn: 'Test platform',
      summaryZh: '简介',
      kind: 'RESEARCH',
      organisation: 'ORG-CAS',
      park: 'PARK-SCI-EDU',
      campaigns: ['GZK-2020-C4', 'GZK-2020-C1', 'GZK-2020-C4'],
    }),
    created: {
      row: { kind: 'RESEARCH', status: 'PLANNED', visibility: 'PUBLIC', parentId: null, summaryZh: '简介' },
      record: {
        status: 'PLANNED',
        organisation: { code: 'ORG-CAS' },
        park: { code: 'PARK-SCI-EDU' },
        parent: null,
        campaigns: { nodes: [{ code: 'GZK-2020-C1' }, { code: 'GZK-2020-C4' }] },
      },
    },
    badCreates: [
      ['an unknown organisation', { organisation: 'ORG-NOPE' }, ['input', 'organisation']],
      ['an unknown park', { park: 'PARK-NOPE' }, ['input', 'park']],
      ['an unknown parent', { parent: 'PF-NOPE' }, ['input', 'parent']],
      ['an unknown campaign in the list', { campaigns: ['GZK-2020-C1', 'NO-SUCH-CAMPAIGN'] }, ['input', 'campaigns', '1']],
      ['a summary over 5000 characters', { summaryEn: 'x'.repeat(5001) }, ['input', 'summaryEn']],
    ],
    changes: { status: 'OPERATING', park: null, summaryZh: null, campaigns: ['GZK-2020-C2'], parent: 'PF-NAVY-PARK' },
    updated: { status: 'OPERATING', parkId: null, summaryZh: null, nameZh: '测试平台' },
    badUpdates: [
      ['an unknown campaign in the list', { campaigns: ['NO-SUCH-CAMPAIGN'] }, ['input', 'campaigns', '0']],
      ['an unknown parent', { parent: 'PF-NOPE' }, ['input', 'parent']],
      ['a null kind', { kind: null }, ['input', 'kind']],
    ],
    listed: codesOf('{ platforms(first: 100) { nodes { code } } }', (d) => d.platforms),
  });

  it('replaces the campaign list, and keeps the campaign codes before and after in the audit trail', async () => {
    const record = await platforms.make();
    const result = await platforms.update({ id: record.gid, version: 1, campaigns: ['GZK-2020-C6', 'GZK-2020-C2'], parent: 'PF-NAVY-PARK' });
    expect(result.platform).toMatchObject({ campaigns: { nodes: [{ code: 'GZK-2020-C2' }, { code: 'GZK-2020-C6' }] }, parent: { code: 'PF-NAVY-PARK' } });
    const [, updated] = await auditEventsFor(env.api, record.id);
    expect(updated!.before).toMatchObject({ campaigns: ['GZK-2020-C1', 'GZK-2020-C4'] });
    expect(updated!.after).toMatchObject({ campaigns: ['GZK-2020-C2', 'GZK-2020-C6'] });
    const cleared = await platforms.update({ id: record.gid, version: 2, campaigns: null });
    expect(cleared.platform.campaigns.nodes).toEqual([]);
  });

  refusesCycles('platform', () => platforms, 'platform');
});

describe('organisation mutations', () => {
  const organisations = catalogueCases(env, {
    type: 'Organisation',
    table: 'organisation',
    dataField: 'organisation',
    selection: 'nameZh nameEn type originGroup visibility parent { code }',
    prefix: 'ORG',
    newInput: (code) => ({ code, nameZh: '测试研究所', nameEn: 'Test institute', type: 'RESEARCH_INSTITUTE', parent: 'ORG-CAS' }),
    created: {
      row: { type: 'RESEARCH_INSTITUTE', originGroup: 'OTHER', visibility: 'PUBLIC' },
      record: { type: 'RESEARCH_INSTITUTE', originGroup: 'OTHER', parent: { code: 'ORG-CAS' } },
    },
    badCreates: [
      ['an unknown parent', { parent: 'ORG-NOPE' }, ['input', 'parent']],
      ['a code with a slash', { code: 'ORG/1' }, ['input', 'code']],
      ['an empty English name', { nameEn: '  ' }, ['input', 'nameEn']],
    ],
    changes: { originGroup: 'CAS', parent: null, nameEn: 'Renamed institute', visibility: 'RESTRICTED' },
    updated: { originGroup: 'CAS', parentId: null, nameEn: 'Renamed institute', visibility: 'RESTRICTED', type: 'RESEARCH_INSTITUTE' },
    badUpdates: [
      ['an unknown parent', { parent: 'ORG-NOPE' }, ['input', 'parent']],
      ['a null type', { type: null }, ['input', 'type']],
      ['a null visibility', { visibility: null }, ['input', 'visibility']],
    ],
    listed: codesOf('{ organisations(first: 100) { nodes { code } } }', (d) => d.organisations),
  });

  refusesCycles('organisation', () => organisations, 'organisation');
});
