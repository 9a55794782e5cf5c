import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from './testkit.ts';

// Each filter's answer is worked out here from the rows themselves, so the
// test holds for whatever the seed contains; each case also checks that its
// filter actually narrows the list, or it would prove nothing.

interface Row {
  code: string;
  nameZh: string;
  nameEn: string;
  stage: string;
  targetStage: string | null;
  isKeyProject: boolean;
  inFiveYearPlan: boolean;
  campaign: { code: string };
  campaigns: { code: string }[];
  cluster: { code: string } | null;
  sector: { code: string } | null;
  park: { code: string } | null;
  organisations: { code: string; originGroup: string }[];
  platforms: { code: string }[];
}

const LIST = /* GraphQL */ `
  query ($filter: ProjectFilter, $orderBy: ProjectOrder) {
    projects(first: 100, filter: $filter, orderBy: $orderBy) { totalCount nodes { code } }
  }`;

describe('project filters and ordering', () => {
  let api: TestApi;
  let rows: Row[];

  beforeAll(async () => {
    api = await startTestApi();
    rows = (await api.db.prisma.project.findMany({
      include: { campaign: true, campaigns: true, cluster: true, sector: true, park: true, organisations: true, platforms: true },
    })) as unknown as Row[];
  });
  afterAll(() => api.close());

  async function codes(filter: Record<string, unknown>, orderBy?: Record<string, unknown>) {
    const { projects } = await api.data<{ projects: { totalCount: number; nodes: { code: string }[] } }>(LIST, { filter, orderBy });
    expect(projects.totalCount).toBe(projects.nodes.length);
    return projects.nodes.map((n) => n.code);
  }
  const expected = (keep: (row: Row) => boolean) => rows.filter(keep).map((r) => r.code).sort();
  const mostCommon = <T>(values: T[]) => {
    const counts = new Map<T, number>();
    for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
    return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
  };

  function narrows(result: string[]) {
    expect(result.length).toBeGreaterThan(0);
    expect(result.length).toBeLessThan(rows.length);
  }

  it('filters by campaign', async () => {
    const campaign = mostCommon(rows.map((r) => r.campaign.code));
    const result = await codes({ campaign });
    narrows(result);
    // The projects whose primary campaign it is (a campaign's listedProjects also has those it names besides).
    expect(result).toEqual(expected((r) => r.campaign.code === campaign));
  });

  it('filters by cluster and by sector', async () => {
    const cluster = mostCommon(rows.flatMap((r) => (r.cluster ? [r.cluster.code] : [])));
    const byCluster = await codes({ cluster });
    narrows(byCluster);
    expect(byCluster).toEqual(expected((r) => r.cluster?.code === cluster));
    const sector = mostCommon(rows.flatMap((r) => (r.sector ? [r.sector.code] : [])));
    const bySector = await codes({ sector });
    narrows(bySector);
    expect(bySector).toEqual(expected((r) => r.sector?.code === sector));
  });

  it('filters by park', async () => {
    const withPark = rows.filter((r) => r.park);
    const park = withPark.length ? withPark[0]!.park!.code : (await api.db.prisma.park.findFirstOrThrow()).code;
    expect(await codes({ park })).toEqual(expected((r) => r.park?.code === park));
  });

  it('filters by organisation, platform and origin group', async () => {
    const organisation = mostCommon(rows.flatMap((r) => r.organisations.map((o) => o.code)));
    const byOrg = await codes({ organisation });
    narrows(byOrg);
    expect(byOrg).toEqual(expected((r) => r.organisations.some((o) => o.code === organisation)));

    const platform = mostCommon(rows.flatMap((r) => r.platforms.map((p) => p.code)));
    const byPlatform = await codes({ platform });
    narrows(byPlatform);
    expect(byPlatform).toEqual(expected((r) => r.platforms.some((p) => p.code === platform)));

    const groups = ['CAS', 'UNIVERSITY'];
    const byGroup = await codes({ originGroup: groups });
    narrows(byGroup);
    expect(byGroup).toEqual(expected((r) => r.organisations.some((o) => groups.includes(o.originGroup))));

    // Organisation and origin group together: one organisation must be both.
    const both = await codes({ organisation, originGroup: ['OTHER', 'CAS', 'UNIVERSITY', 'DEFENCE_INDUSTRY'] });
    expect(both).toEqual(byOrg);
  });

  it('filters by current and target stage', async () => {
    const target = await codes({ targetStage: ['SIGNED', 'ENROLLING'] });
    narrows(target);
    expect(target).toEqual(expected((r) => r.targetStage === 'SIGNED' || r.targetStage === 'ENROLLING'));
    const stage = mostCommon(rows.map((r) => r.stage));
    const current = await codes({ stage: [stage] });
    expect(current).toEqual(expected((r) => r.stage === stage));
    expect(await codes({ stage: [stage], targetStage: ['SIGNED'] })).toEqual(
      expected((r) => r.stage === stage && r.targetStage === 'SIGNED'),
    );
  });

  it('filters by the key-project and five-year-plan flags', async () => {
    await api.db.prisma.project.update({ where: { code: rows[0]!.code }, data: { isKeyProject: false, inFiveYearPlan: true } });
    try {
      expect(await codes({ isKeyProject: false })).toEqual([rows[0]!.code]);
      expect(await codes({ inFiveYearPlan: true })).toEqual([rows[0]!.code]);
      expect((await codes({ isKeyProject: true })).length).toBe(rows.length - 1);
    } finally {
      await api.db.prisma.project.update({
        where: { code: rows[0]!.code },
        data: { isKeyProject: rows[0]!.isKeyProject, inFiveYearPlan: rows[0]!.inFiveYearPlan },
      });
    }
  });

  it('searches Chinese names, English names case-insensitively, and codes', async () => {
    const sample = rows.find((r) => r.nameZh.length >= 4)!;
    const zhPart = sample.nameZh.slice(1, 3);
    const byZh = await codes({ search: zhPart });
    expect(byZh).toContain(sample.code);
    expect(byZh).toEqual(expected((r) => r.nameZh.includes(zhPart) || r.nameEn.toLowerCase().includes(zhPart.toLowerCase())));

    const enWord = sample.nameEn.split(/\s+/).find((w) => w.length > 4)!;
    const byEn = await codes({ search: enWord.toUpperCase() });
    expect(byEn).toContain(sample.code);
    expect(await codes({ search: sample.code.toLowerCase() })).toEqual([sample.code]);
    expect(await codes({ search: 'no project is called this' })).toEqual([]);
  });

  it('orders by name, stage, investment and last change, breaking ties by code', async () => {
    const nameEn = await codes({}, { field: 'NAME_EN', direction: 'DESC' });
    expect(nameEn).toEqual(
      [...rows].sort((a, b) => (a.nameEn === b.nameEn ? a.code.localeCompare(b.code) : a.nameEn < b.nameEn ? 1 : -1)).map((r) => r.code),
    );
    const stageOrder = ['NEGOTIATING', 'SIGNED', 'UNDER_CONSTRUCTION', 'OPERATING', 'ENROLLING', 'SUSPENDED', 'CANCELLED'];
    const byStage = await codes({}, { field: 'STAGE' });
    expect(byStage).toEqual(
      [...rows]
        .sort((a, b) => stageOrder.indexOf(a.stage) - stageOrder.indexOf(b.stage) || (a.code < b.code ? -1 : 1))
        .map((r) => r.code),
    );

    const [first, second] = rows;
    // Public figures: this anonymous caller may not sort by the (INTERNAL by default) others.
    await api.db.prisma.project.update({
      where: { code: first!.code },
      data: { plannedInvestment: '500000000.00', investmentVisibility: 'PUBLIC', stageChangedAt: new Date('2030-01-01') },
    });
    await api.db.prisma.project.update({ where: { code: second!.code }, data: { plannedInvestment: '2500000000.00', investmentVisibility: 'PUBLIC' } });
    const byInvestment = await codes({}, { field: 'PLANNED_INVESTMENT', direction: 'DESC' });
    expect(byInvestment.slice(0, 2)).toEqual([second!.code, first!.code]);
    const byChange = await codes({}, { field: 'LAST_CHANGE', direction: 'DESC' });
    expect(byChange[0]).toBe(first!.code);
  });
});
