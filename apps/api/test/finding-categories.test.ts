// The inspection office's kinds of problem (就业就医, 用水用电, 危房改造, 环境卫生)
// are finding categories: listed, set on a finding by code, and an unknown code
// is refused with nothing written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headersFor, mutate, type Headers } from './mutation-kit.ts';
import { startTestApi, type TestApi } from './testkit.ts';

let api: TestApi;
let editor: Headers;
beforeAll(async () => {
  api = await startTestApi();
  editor = await headersFor(api, 'EDITOR');
});
afterAll(() => api?.close());

const create = (input: Record<string, unknown>) =>
  mutate(api, editor, 'createInspectionFinding', 'CreateInspectionFindingInput', input, '... on CreateInspectionFindingSuccess { inspectionFinding { id version code category { code nameZh } } }');

describe('finding categories', () => {
  it('are the four kinds of problem the inspection office names, readable by anyone', async () => {
    const data = await api.data<{ findingCategories: { nodes: { nameZh: string; nameEn: string }[] } }>('{ findingCategories { nodes { nameZh nameEn } } }');
    expect(data.findingCategories.nodes.map((c) => c.nameZh)).toEqual(['危房改造', '就业就医', '环境卫生', '用水用电']);
  });

  it('file a finding under one by code, change it and clear it', async () => {
    const created = await create({ code: 'XC-T-001', titleZh: '村庄垃圾清运不及时', titleEn: 'Rubbish collected late', foundOn: '2020-05-01', category: 'FC-SANITATION' });
    expect(created.inspectionFinding.category).toEqual({ code: 'FC-SANITATION', nameZh: '环境卫生' });
    const { id, version } = created.inspectionFinding;
    const select = '... on UpdateInspectionFindingSuccess { inspectionFinding { version category { code } } }';
    const changed = await mutate(api, editor, 'updateInspectionFinding', 'UpdateInspectionFindingInput', { id, version, category: 'FC-WATER-POWER' }, select);
    expect(changed.inspectionFinding.category).toEqual({ code: 'FC-WATER-POWER' });
    const cleared = await mutate(api, editor, 'updateInspectionFinding', 'UpdateInspectionFindingInput', { id, version: version + 1, category: null }, select);
    expect(cleared.inspectionFinding.category).toBeNull();
  });

  it('refuse an unknown category with a ValidationError on the field, writing nothing', async () => {
    const before = await api.db.prisma.inspectionFinding.count();
    const refused = await create({ code: 'XC-T-002', titleZh: '问题', titleEn: 'A problem', foundOn: '2020-05-01', category: 'FC-NOPE' });
    expect(refused).toMatchObject({ __typename: 'ValidationError', issues: [{ path: ['input', 'category'], message: 'no finding category has the code "FC-NOPE"' }] });
    expect(await api.db.prisma.inspectionFinding.count()).toBe(before);
  });
});
