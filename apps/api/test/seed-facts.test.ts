// What the source says beyond its lists, as the API gives it: the meeting the
// programme implements, the official it answers to, the zone's role, and the
// head of the inspection office.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from './testkit.ts';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

describe('the programme as the text frames it', () => {
  it('names its basis, the official it answers to and the zone\'s role; the inspection office its director', async () => {
    const data = await api.data<Record<string, any>>(`{
      programme { basisZh responsibleOfficial { nameZh nameEn postZh organisation { code } } zone { roleZh roleEn } }
      organisation(code: "ORG-INSPECTION-OFFICE") { officials(first: 5) { nodes { nameZh postZh } } }
    }`);
    expect(data.programme.basisZh).toContain('一届七次全体会议');
    expect(data.programme.responsibleOfficial).toEqual({ nameZh: '刘玮', nameEn: 'Liu Wei', postZh: '古镇口融合区工委书记', organisation: { code: 'ORG-GZK-COMMITTEE' } });
    expect(data.programme.zone).toEqual({ roleZh: '国家示范区的核心区', roleEn: 'The core area of the national demonstration zone' });
    expect(data.organisation.officials.nodes).toEqual([{ nameZh: '陈天虹', postZh: '工委巡察办主任' }]);
  });
});
