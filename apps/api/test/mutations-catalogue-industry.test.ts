import { describe, expect, it } from 'vitest';
import { catalogueCases, codesOf, rowOf, useCatalogueApi, writesNothing } from './catalogue-kit.ts';

const env = useCatalogueApi();

describe('industry cluster mutations', () => {
  const clusters = catalogueCases(env, {
    type: 'IndustryCluster',
    table: 'industryCluster',
    dataField: 'industryCluster',
    selection: 'nameZh nameEn outputTarget focusZh focusEn visibility sector { code }',
    prefix: 'CL',
    newInput: (code) => ({
      code,
      nameZh: '海洋新材料产业集群',
      nameEn: 'Marine materials cluster',
      sector: 'SEC-MARINE-MATERIALS',
      outputTarget: '10000000000.50',
      focusZh: ['防腐涂料', ' 钛合金 '],
      focusEn: ['Anti-corrosion coatings', 'Titanium alloys'],
    }),
    created: {
      row: { focusZh: ['防腐涂料', '钛合金'], focusEn: ['Anti-corrosion coatings', 'Titanium alloys'], visibility: 'PUBLIC' },
      record: { outputTarget: '10000000000.5', sector: { code: 'SEC-MARINE-MATERIALS' }, focusZh: ['防腐涂料', '钛合金'] },
    },
    badCreates: [
      ['an unknown sector', { sector: 'SEC-NOPE' }, ['input', 'sector']],
      ['an output target in fractions of a fen', { outputTarget: '1.234' }, ['input', 'outputTarget']],
      ['a negative output target', { outputTarget: '-1' }, ['input', 'outputTarget']],
      ['focus lists of different lengths', { focusEn: ['Only one'] }, ['input', 'focusEn']],
      ['an empty focus product', { focusZh: ['防腐涂料', ''] }, ['input', 'focusZh', '1']],
    ],
    changes: { outputTarget: null, sector: 'SEC-OCEAN', focusZh: ['海工装备'], focusEn: ['Offshore equipment'] },
    updated: { outputTarget: null, focusZh: ['海工装备'], focusEn: ['Offshore equipment'], nameEn: 'Marine materials cluster' },
    badUpdates: [
      ['an unknown sector', { sector: 'SEC-NOPE' }, ['input', 'sector']],
      ['a Chinese focus list longer than the English one kept', { focusZh: ['一', '二', '三'] }, ['input', 'focusZh']],
      ['a null Chinese name', { nameZh: null }, ['input', 'nameZh']],
    ],
    listed: codesOf('{ industryClusters(first: 100) { nodes { code } } }', (d) => d.industryClusters),
  });

  it('stores the output target exactly and empties both focus lists given as null', async () => {
    const record = await clusters.make();
    expect(record.outputTarget.toFixed(2)).toBe('10000000000.50');
    const result = await clusters.update({ id: record.gid, version: 1, focusZh: null, focusEn: null, sector: null });
    expect(result.industryCluster).toMatchObject({ focusZh: [], focusEn: [], sector: null, outputTarget: '10000000000.5' });
  });
});

describe('sector mutations', () => {
  catalogueCases(env, {
    type: 'Sector',
    table: 'sector',
    dataField: 'sector',
    selection: 'nameZh nameEn kind visibility',
    prefix: 'SEC',
    newInput: (code) => ({ code, nameZh: '深海', nameEn: 'Deep sea', kind: 'EMERGING' }),
    created: { row: { kind: 'EMERGING', visibility: 'PUBLIC', nameZh: '深海' }, record: { kind: 'EMERGING', nameEn: 'Deep sea' } },
    badCreates: [
      ['a one-letter code', { code: 'S' }, ['input', 'code']],
      ['an empty Chinese name', { nameZh: '' }, ['input', 'nameZh']],
    ],
    changes: { kind: 'ADVANTAGE', visibility: 'INTERNAL' },
    updated: { kind: 'ADVANTAGE', visibility: 'INTERNAL', nameEn: 'Deep sea' },
    badUpdates: [
      ['a null kind', { kind: null }, ['input', 'kind']],
      ['an English name over 300 characters', { nameEn: 'x'.repeat(301) }, ['input', 'nameEn']],
    ],
    listed: codesOf('{ sectors(first: 100) { nodes { code } } }', (d) => d.sectors),
  });
});

describe('park mutations', () => {
  const parks = catalogueCases(env, {
    type: 'Park',
    table: 'park',
    dataField: 'park',
    selection: 'nameZh nameEn kind visibility',
    prefix: 'PARK',
    newInput: (code) => ({ code, nameZh: '测试园', nameEn: 'Test park' }),
    created: { row: { kind: 'THEMED_PROJECT_PARK', visibility: 'PUBLIC' }, record: { kind: 'THEMED_PROJECT_PARK', nameZh: '测试园' } },
    badCreates: [
      ['a code with spaces', { code: 'PARK 1' }, ['input', 'code']],
      ['an English name over 300 characters', { nameEn: 'x'.repeat(301) }, ['input', 'nameEn']],
    ],
    changes: { kind: 'INNOVATION_AREA', nameZh: '创新区' },
    updated: { kind: 'INNOVATION_AREA', nameZh: '创新区', nameEn: 'Test park' },
    badUpdates: [
      ['a null kind', { kind: null }, ['input', 'kind']],
      ['an empty Chinese name', { nameZh: ' ' }, ['input', 'nameZh']],
    ],
    listed: codesOf('{ parks(first: 100) { nodes { code } } }', (d) => d.parks),
  });

  it('leaves an archived park readable by code while out of the list', async () => {
    const record = await parks.make();
    await parks.archive({ id: record.gid, version: 1 });
    await writesNothing(env, async () => {
      const result = await env.api.execute(`query ($id: ID!) { node(id: $id) { ... on Park { code archivedAt } } }`, { id: record.gid }, env.editor);
      expect(result.data?.node).toMatchObject({ code: record.code, archivedAt: expect.any(String) });
    });
    expect((await rowOf(env, 'park', { id: record.id }))!.version).toBe(2);
  });
});
