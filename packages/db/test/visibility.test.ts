// The visibility extension, query shape by query shape: records of each
// visibility are arranged with the unscoped client, then read back through
// `scopeToVisibility` as a partner (PUBLIC) and as an analyst (PUBLIC and
// INTERNAL) would, and what comes back is compared with exactly what may.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Prisma, Visibility, type PrismaClient } from '../src/index.ts';
import { createTestDatabase, type TestDatabase } from '../src/testing.ts';
import { ALL_VISIBILITIES, scopeToVisibility } from '../src/visibility.ts';

const { PUBLIC, INTERNAL, RESTRICTED } = Visibility;

// Every arranged record's code ends in the visibility it was given, so an
// expectation can be written as "the codes whose suffix the scope allows".
const SUFFIX = { PUBLIC: 'PUB', INTERNAL: 'INT', RESTRICTED: 'RES' } as const;

let db: TestDatabase;
const ids: Record<string, string> = {};

/**
 * The arranged world (all codes start with VT-):
 * - campaigns C-PUB, C-INT, C-RES; projects P-PUB, P-INT, P-RES in C-PUB, each with one stage change;
 * - project Q (PUBLIC) in the restricted campaign C-RES;
 * - organisations O-PUB (enterprise), O-INT, O-RES (universities), all behind P-PUB; O-PUB also behind Q;
 * - projects I-PUB, I-INT, I-RES: PUBLIC, with investmentVisibility as named; planned 1000 / 2000 / 3000,
 *   one monthly record each (10 / 20 / 30), so that the hidden figures order differently from the codes;
 * - obstacles OB-1 (campaign C-RES), OB-2 (campaign C-PUB), OB-3 (no campaign), all PUBLIC;
 * - an engagement E-1 (PUBLIC) about I-RES;
 * - indicators IND-PUB, IND-INT, IND-RES in C-PUB, one value each;
 * - a restricted programme PROG-RES with a cadence rule and a public campaign X-C.
 */
async function arrange(prisma: PrismaClient) {
  const programme = await prisma.programme.findFirstOrThrow();
  const base = { programmeId: programme.id };
  let position = 100;
  for (const v of ALL_VISIBILITIES) {
    const campaign = await prisma.campaign.create({
      data: { ...base, code: `VT-C-${SUFFIX[v]}`, position: ++position, nameZh: '运动', nameEn: 'Campaign', visibility: v },
    });
    ids[campaign.code] = campaign.id;
  }
  for (const v of ALL_VISIBILITIES) {
    const project = await prisma.project.create({
      data: { ...base, campaignId: ids['VT-C-PUB']!, code: `VT-P-${SUFFIX[v]}`, nameZh: '项目', nameEn: 'Project', visibility: v },
    });
    ids[project.code] = project.id;
    await prisma.projectStageChange.create({ data: { projectId: project.id, toStage: 'SIGNED', occurredOn: new Date('2021-03-01') } });
  }
  const q = await prisma.project.create({
    data: { ...base, campaignId: ids['VT-C-RES']!, code: 'VT-Q', nameZh: '项目', nameEn: 'Project in a restricted campaign' },
  });
  ids['VT-Q'] = q.id;
  for (const v of ALL_VISIBILITIES) {
    const organisation = await prisma.organisation.create({
      data: {
        code: `VT-O-${SUFFIX[v]}`,
        nameZh: '单位',
        nameEn: 'Organisation',
        type: v === PUBLIC ? 'ENTERPRISE' : 'UNIVERSITY',
        visibility: v,
        projects: { connect: [{ id: ids['VT-P-PUB']! }, ...(v === PUBLIC ? [{ id: q.id }] : [])] },
      },
    });
    ids[organisation.code] = organisation.id;
  }
  const figures = { PUBLIC: 1000, INTERNAL: 2000, RESTRICTED: 3000 };
  for (const v of ALL_VISIBILITIES) {
    const project = await prisma.project.create({
      data: {
        ...base,
        campaignId: ids['VT-C-PUB']!,
        code: `VT-I-${SUFFIX[v]}`,
        nameZh: '项目',
        nameEn: 'Project with figures',
        investmentVisibility: v,
        plannedInvestment: figures[v],
        completedInvestment: figures[v] / 100,
        investments: { create: { month: new Date('2021-01-01'), amount: figures[v] / 100 } },
      },
    });
    ids[project.code] = project.id;
  }
  for (const [code, campaign] of [['VT-OB-1', 'VT-C-RES'], ['VT-OB-2', 'VT-C-PUB'], ['VT-OB-3', null]] as const) {
    const obstacle = await prisma.obstacle.create({
      data: {
        code,
        titleZh: '障碍',
        titleEn: 'Obstacle',
        raisedOn: new Date('2021-02-01'),
        visibility: PUBLIC,
        campaignId: campaign ? ids[campaign]! : null,
      },
    });
    ids[code] = obstacle.id;
  }
  await prisma.engagement.create({
    data: { occurredOn: new Date('2021-02-02'), subjectZh: '洽谈', subjectEn: 'VT talk', projectId: ids['VT-I-RES']!, visibility: PUBLIC },
  });
  for (const v of ALL_VISIBILITIES) {
    const indicator = await prisma.indicator.create({
      data: {
        ...base,
        campaignId: ids['VT-C-PUB']!,
        code: `VT-IND-${SUFFIX[v]}`,
        nameZh: '指标',
        nameEn: 'Indicator',
        unitZh: '个',
        unitEn: 'items',
        target: 3,
        visibility: v,
        values: { create: { observedOn: new Date('2021-06-30'), value: 1, note: 'VT value' } },
      },
    });
    ids[indicator.code] = indicator.id;
  }
  const hiddenProgramme = await prisma.programme.create({
    data: {
      code: 'VT-PROG-RES',
      zoneId: programme.zoneId,
      nameZh: '规划',
      nameEn: 'Restricted programme',
      periodStart: new Date('2030-01-01'),
      periodEnd: new Date('2030-12-31'),
      visibility: RESTRICTED,
      cadenceRules: { create: { activity: 'SIGNING', period: 'WEEK', textZh: '每周签约', textEn: 'VT rule' } },
      campaigns: { create: { code: 'VT-X-C', position: 1, nameZh: '运动', nameEn: 'Campaign of a restricted programme' } },
    },
  });
  ids['VT-PROG-RES'] = hiddenProgramme.id;
}

beforeAll(async () => {
  db = await createTestDatabase({ seeded: true });
  await arrange(db.prisma);
  // The seeded projects get figures with ties and gaps to sort by, and the first eight public figures
  // (they are INTERNAL by default), so that a partner sees some too.
  const seeded = await db.prisma.project.findMany({ where: { code: { startsWith: 'GZK-' } }, orderBy: { code: 'asc' } });
  for (const [i, project] of seeded.entries()) {
    await db.prisma.project.update({
      where: { id: project.id },
      data: {
        plannedInvestment: i % 4 === 0 ? null : (i % 5) * 1000,
        completedInvestment: (i % 3) * 10,
        isKeyProject: i % 2 === 0,
        investmentVisibility: i < 8 ? PUBLIC : INTERNAL,
      },
    });
  }
}, 120_000);

afterAll(async () => {
  await db?.close();
});

const codesOf = (rows: { code: string }[] | null | undefined) => (rows ?? []).map((r) => r.code).sort();
const startsWith = (prefix: string) => ({ code: { startsWith: prefix } });

describe('callers who may see everything', () => {
  it('get the client unchanged: there is nothing to rewrite', () => {
    expect(scopeToVisibility(db.prisma, ALL_VISIBILITIES)).toBe(db.prisma);
    expect(scopeToVisibility(db.prisma, [RESTRICTED, PUBLIC, INTERNAL])).toBe(db.prisma);
  });
});

const scopes: [string, readonly Visibility[]][] = [
  ['a partner', [PUBLIC]],
  ['an analyst', [PUBLIC, INTERNAL]],
];

describe.each(scopes)('as seen by %s', (_role, visible) => {
  let s: PrismaClient;
  beforeAll(() => {
    s = scopeToVisibility(db.prisma, visible);
  });
  const may = (v: Visibility) => visible.includes(v);
  /** The arranged codes `prefix-PUB|INT|RES` this scope may see, sorted. */
  const visibleCodes = (prefix: string) => ALL_VISIBILITIES.filter(may).map((v) => `${prefix}-${SUFFIX[v]}`).sort();
  const hiddenCodes = (prefix: string) => ALL_VISIBILITIES.filter((v) => !may(v)).map((v) => `${prefix}-${SUFFIX[v]}`);

  describe('root reads', () => {
    it('findMany and findFirst return only visible records', async () => {
      expect(codesOf(await s.campaign.findMany({ where: startsWith('VT-C-') }))).toEqual([...visibleCodes('VT-C')]);
      expect(codesOf(await s.project.findMany({ where: startsWith('VT-P-') }))).toEqual(visibleCodes('VT-P'));
      expect(codesOf(await s.organisation.findMany({ where: startsWith('VT-O-'), select: { code: true } }))).toEqual(visibleCodes('VT-O'));
      expect(await s.project.findFirst({ where: { code: 'VT-P-RES' } })).toBeNull();
    });

    it('findUnique answers null for a hidden record, and the OrThrow variants throw as for a missing one', async () => {
      for (const code of hiddenCodes('VT-C')) {
        expect(await s.campaign.findUnique({ where: { code } })).toBeNull();
        expect(await s.campaign.findUnique({ where: { id: ids[code]! } })).toBeNull();
        await expect(s.campaign.findUniqueOrThrow({ where: { code } })).rejects.toMatchObject({ code: 'P2025' });
        await expect(s.campaign.findFirstOrThrow({ where: { code } })).rejects.toMatchObject({ code: 'P2025' });
      }
      for (const code of visibleCodes('VT-C')) expect((await s.campaign.findUnique({ where: { code } }))?.code).toBe(code);
    });

    it('count, aggregate and groupBy count only visible records', async () => {
      const where = startsWith('VT-P-');
      expect(await s.project.count({ where })).toBe(visible.length);
      expect((await s.project.aggregate({ where, _count: { _all: true } }))._count._all).toBe(visible.length);
      const groups = await s.project.groupBy({ by: ['visibility'], where, _count: { _all: true }, orderBy: { visibility: 'asc' } });
      expect(groups).toEqual(visible.map((v) => ({ visibility: v, _count: { _all: 1 } })));
    });
  });

  describe('nested reads', () => {
    it('nested list relations, through include and select, hold only visible records', async () => {
      const viaInclude = await s.campaign.findUniqueOrThrow({
        where: { code: 'VT-C-PUB' },
        include: { projects: { where: startsWith('VT-P-'), include: { organisations: true } } },
      });
      expect(codesOf(viaInclude.projects)).toEqual(visibleCodes('VT-P'));
      const pPub = viaInclude.projects.find((p) => p.code === 'VT-P-PUB')!;
      expect(codesOf(pPub.organisations)).toEqual(visibleCodes('VT-O'));

      const viaSelect = await s.project.findUniqueOrThrow({
        where: { code: 'VT-P-PUB' },
        select: { organisations: { select: { code: true }, orderBy: { code: 'asc' } } },
      });
      expect(codesOf(viaSelect.organisations)).toEqual(visibleCodes('VT-O'));
    });

    it('relation counts count only visible records, whether named, filtered or `_count: true`', async () => {
      const named = await s.campaign.findUniqueOrThrow({
        where: { code: 'VT-C-PUB' },
        select: { _count: { select: { projects: true, indicators: { where: startsWith('VT-IND-') } } } },
      });
      const all = await s.campaign.findUniqueOrThrow({ where: { code: 'VT-C-PUB' }, include: { _count: true } });
      const inSelect = await s.campaign.findUniqueOrThrow({ where: { code: 'VT-C-PUB' }, select: { _count: true } });
      const everything = await db.prisma.campaign.findUniqueOrThrow({ where: { code: 'VT-C-PUB' }, include: { _count: true } });
      // In C-PUB: P-*, and I-* (all three public projects).
      expect(named._count).toEqual({ projects: visible.length + 3, indicators: visible.length });
      // listedProjects: every project the campaign lists, here its primary projects (linked by the database).
      expect(all._count).toEqual({ ...everything._count, projects: visible.length + 3, listedProjects: visible.length + 3, indicators: visible.length });
      expect(inSelect._count).toEqual(all._count);
      const organisations = await s.project.findUniqueOrThrow({ where: { code: 'VT-P-PUB' }, include: { _count: true } });
      expect(organisations._count.organisations).toBe(visible.length);
      expect(organisations._count.stageChanges).toBe(1);
    });

    it('a to-one relation to a hidden record reads null, through include and select, at any depth', async () => {
      const q = await s.project.findUniqueOrThrow({ where: { code: 'VT-Q' }, include: { campaign: true } });
      expect(q.campaign).toBeNull();
      const selected = await s.project.findUniqueOrThrow({ where: { code: 'VT-Q' }, select: { code: true, campaign: { select: { code: true } } } });
      expect(selected.campaign).toBeNull();
      const visibleParent = await s.project.findUniqueOrThrow({ where: { code: 'VT-P-PUB' }, select: { campaign: { select: { code: true } } } });
      expect(visibleParent.campaign?.code).toBe('VT-C-PUB');

      const deep = await s.organisation.findUniqueOrThrow({
        where: { code: 'VT-O-PUB' },
        include: { projects: { orderBy: { code: 'asc' }, include: { campaign: { include: { programme: true } } } } },
      });
      expect(deep.projects.map((p) => [p.code, p.campaign?.code ?? null])).toEqual([
        ['VT-P-PUB', 'VT-C-PUB'],
        ['VT-Q', null],
      ]);
      expect(deep.projects[0]!.campaign?.programme.code).toBe('GZK-2020');

      const obstacles = await s.obstacle.findMany({ where: startsWith('VT-OB-'), orderBy: { code: 'asc' }, include: { campaign: true } });
      expect(obstacles.map((o) => o.campaign?.code ?? null)).toEqual([null, 'VT-C-PUB', null]);
      const ofHiddenProgramme = await s.campaign.findUniqueOrThrow({ where: { code: 'VT-X-C' }, include: { programme: true } });
      expect(ofHiddenProgramme.programme).toBeNull();
    });

    it('a fluent relation read is scoped like an include', async () => {
      expect(await s.project.findUnique({ where: { code: 'VT-Q' } }).campaign()).toBeNull();
      expect((await s.project.findUnique({ where: { code: 'VT-P-PUB' } }).campaign())?.code).toBe('VT-C-PUB');
      expect(await s.project.findUniqueOrThrow({ where: { code: 'VT-Q' } }).campaign({ select: { code: true } })).toBeNull();
      // A hidden link in the middle of a chain hides what lies beyond it.
      expect(await s.obstacle.findUnique({ where: { code: 'VT-OB-1' } }).campaign().programme()).toBeNull();
      expect((await s.obstacle.findUnique({ where: { code: 'VT-OB-2' } }).campaign().programme())?.code).toBe('GZK-2020');
      expect(codesOf(await s.campaign.findUnique({ where: { code: 'VT-C-PUB' } }).projects({ where: startsWith('VT-P-') }))).toEqual(
        visibleCodes('VT-P'),
      );
      expect(await s.campaign.findUnique({ where: { code: 'VT-C-RES' } }).projects()).toBeNull();
      // The record at the end of the chain is masked like any other.
      const engagement = await s.engagement.findFirstOrThrow({ where: { subjectEn: 'VT talk' } });
      const viaFluent = await s.engagement.findUnique({ where: { id: engagement.id } }).project();
      expect(viaFluent?.code).toBe('VT-I-RES');
      expect(viaFluent?.plannedInvestment).toBeNull();
    });
  });

  describe('filters', () => {
    it('some / none / every treat hidden related records as absent', async () => {
      const projectsWith = async (organisations: Prisma.OrganisationListRelationFilter) =>
        codesOf(await s.project.findMany({ where: { ...startsWith('VT-P-'), organisations } }));
      for (const code of hiddenCodes('VT-O')) {
        expect(await projectsWith({ some: { code } })).toEqual([]);
        expect(await s.project.count({ where: { organisations: { some: { code } } } })).toBe(0);
        // No visible organisation has the hidden one's code, so P-PUB has none with it.
        expect(await projectsWith({ none: { code } })).toEqual(visibleCodes('VT-P'));
      }
      expect(await projectsWith({ some: { code: 'VT-O-PUB' } })).toEqual(['VT-P-PUB']);
      // P-PUB's organisations: O-PUB an enterprise, O-INT and O-RES universities.
      const allEnterprises = await projectsWith({ every: { type: 'ENTERPRISE' } });
      expect(allEnterprises.includes('VT-P-PUB')).toBe(!may(INTERNAL));
      // Filters nested in a nested read are scoped too.
      const nested = await s.campaign.findUniqueOrThrow({
        where: { code: 'VT-C-PUB' },
        include: { projects: { where: { organisations: { some: { code: 'VT-O-RES' } } } } },
      });
      expect(nested.projects).toEqual([]);
    });

    it('is / isNot / null on a to-one relation see a hidden record as absent', async () => {
      const obstacles = async (where: Prisma.ObstacleWhereInput) =>
        codesOf(await s.obstacle.findMany({ where: { ...startsWith('VT-OB-'), ...where } }));
      // OB-1's campaign is hidden, so it reads null and filters as null.
      expect(await obstacles({ campaign: null })).toEqual(['VT-OB-1', 'VT-OB-3']);
      expect(await obstacles({ campaign: { is: null } })).toEqual(['VT-OB-1', 'VT-OB-3']);
      expect(await obstacles({ campaign: { isNot: null } })).toEqual(['VT-OB-2']);
      expect(await obstacles({ campaign: { code: 'VT-C-RES' } })).toEqual([]);
      expect(await obstacles({ campaign: { is: { code: 'VT-C-RES' } } })).toEqual([]);
      expect(await obstacles({ campaign: { isNot: { code: 'VT-C-PUB' } } })).toEqual(['VT-OB-1', 'VT-OB-3']);
      expect(await obstacles({ NOT: { campaign: { code: 'VT-C-RES' } } })).toEqual(['VT-OB-1', 'VT-OB-2', 'VT-OB-3']);
      expect(await s.project.findMany({ where: { campaign: { code: 'VT-C-RES' } } })).toEqual([]);
      expect(await s.project.count({ where: { campaign: { is: { code: 'VT-C-RES' } } } })).toBe(0);
    });

    it('foreign-key columns filter like the relation they hold', async () => {
      const obstacles = async (where: Prisma.ObstacleWhereInput) =>
        codesOf(await s.obstacle.findMany({ where: { ...startsWith('VT-OB-'), ...where } }));
      expect(await obstacles({ campaignId: null })).toEqual(['VT-OB-1', 'VT-OB-3']);
      expect(await obstacles({ campaignId: { equals: null } })).toEqual(['VT-OB-1', 'VT-OB-3']);
      expect(await obstacles({ campaignId: { not: null } })).toEqual(['VT-OB-2']);
      expect(await obstacles({ campaignId: ids['VT-C-RES']! })).toEqual([]);
      expect(await obstacles({ campaignId: { in: [ids['VT-C-RES']!, ids['VT-C-PUB']!] } })).toEqual(['VT-OB-2']);
      expect(await s.project.count({ where: { campaignId: ids['VT-C-RES']! } })).toBe(0);
      expect(await s.campaign.count({ where: { programmeId: ids['VT-PROG-RES']! } })).toBe(0);
    });
  });

  describe('records without a visibility of their own follow their parent', () => {
    it('project stage changes', async () => {
      const where = { project: startsWith('VT-P-') };
      const changes = await s.projectStageChange.findMany({ where, include: { project: true } });
      expect(codesOf(changes.map((c) => c.project))).toEqual(visibleCodes('VT-P'));
      expect(await s.projectStageChange.count({ where })).toBe(visible.length);
      const hidden = await db.prisma.projectStageChange.findFirstOrThrow({ where: { project: { code: 'VT-P-RES' } } });
      expect(await s.projectStageChange.findUnique({ where: { id: hidden.id } })).toBeNull();
      expect(await s.projectStageChange.count({ where: { projectId: ids['VT-P-RES']! } })).toBe(0);
    });

    it('monthly investment records, which also follow the project\'s investmentVisibility', async () => {
      const records = await s.investmentRecord.findMany({ where: { project: startsWith('VT-I-') }, select: { project: { select: { code: true } } } });
      expect(codesOf(records.map((r) => r.project))).toEqual(visibleCodes('VT-I'));
      const sum = await s.investmentRecord.aggregate({ where: { project: startsWith('VT-I-') }, _sum: { amount: true } });
      expect(Number(sum._sum.amount)).toBe(visible.length === 1 ? 10 : 30);
      const hidden = await db.prisma.investmentRecord.findFirstOrThrow({ where: { project: { code: 'VT-I-RES' } } });
      expect(await s.investmentRecord.findUnique({ where: { id: hidden.id } })).toBeNull();
      expect(await s.investmentRecord.findUnique({ where: { projectId_month: { projectId: hidden.projectId, month: hidden.month } } })).toBeNull();
    });

    it('indicator values', async () => {
      const values = await s.indicatorValue.findMany({ where: { note: 'VT value' }, include: { indicator: true } });
      expect(codesOf(values.map((v) => v.indicator))).toEqual(visibleCodes('VT-IND'));
      const groups = await s.indicatorValue.groupBy({ by: ['note'], where: { note: 'VT value' }, _count: { _all: true } });
      expect(groups).toEqual([{ note: 'VT value', _count: { _all: visible.length } }]);
      const indicators = await s.indicator.findMany({ where: startsWith('VT-IND-'), include: { values: true } });
      expect(indicators.every((i) => i.values.length === 1)).toBe(true);
    });

    it('cadence rules', async () => {
      expect(await s.cadenceRule.count({ where: { textEn: 'VT rule' } })).toBe(0);
      const seeded = await s.cadenceRule.count();
      expect(seeded).toBe(await db.prisma.cadenceRule.count({ where: { programme: { visibility: PUBLIC } } }));
      expect(await s.programme.findUnique({ where: { code: 'VT-PROG-RES' }, include: { cadenceRules: true } })).toBeNull();
    });
  });

  describe('investment figures follow investmentVisibility', () => {
    const where = startsWith('VT-I-');

    it('hidden figures read null, through include, select and nested reads', async () => {
      // In code order: I-INT, I-PUB, I-RES.
      const expected = [INTERNAL, PUBLIC, RESTRICTED].map((v) => [`VT-I-${SUFFIX[v]}`, may(v)]);
      const included = await s.project.findMany({ where, orderBy: { code: 'asc' } });
      expect(included.map((p) => [p.code, p.plannedInvestment !== null && p.completedInvestment !== null])).toEqual(expected);
      const selected = await s.project.findMany({ where, orderBy: { code: 'asc' }, select: { code: true, plannedInvestment: true } });
      expect(selected.map((p) => [p.code, p.plannedInvestment !== null])).toEqual(expected);
      const nested = await s.campaign.findUniqueOrThrow({
        where: { code: 'VT-C-PUB' },
        select: { projects: { where, orderBy: { code: 'asc' }, select: { code: true, completedInvestment: true, investments: true } } },
      });
      expect(nested.projects.map((p) => [p.code, p.completedInvestment !== null])).toEqual(expected);
      expect(nested.projects.map((p) => [p.code, p.investments.length === 1])).toEqual(expected);
    });

    it('aggregates and groups of figures cover only the figures the caller may see', async () => {
      const aggregate = await s.project.aggregate({
        where,
        _sum: { plannedInvestment: true, completedInvestment: true },
        _max: { plannedInvestment: true },
        _count: { plannedInvestment: true },
      });
      const visibleFigures = ALL_VISIBILITIES.filter(may).map((v) => ({ PUBLIC: 1000, INTERNAL: 2000, RESTRICTED: 3000 })[v]);
      expect(Number(aggregate._sum.plannedInvestment)).toBe(visibleFigures.reduce((a, b) => a + b, 0));
      expect(Number(aggregate._max.plannedInvestment)).toBe(Math.max(...visibleFigures));
      expect(aggregate._count.plannedInvestment).toBe(visibleFigures.length);
      const groups = await s.project.groupBy({ by: ['plannedInvestment'], where, _count: { _all: true }, orderBy: { plannedInvestment: 'asc' } });
      expect(groups.map((g) => Number(g.plannedInvestment))).toEqual(visibleFigures);
      // Aggregating something else counts every visible project.
      const other = await s.project.aggregate({ where, _max: { code: true }, _count: { _all: true } });
      expect(other).toEqual({ _max: { code: 'VT-I-RES' }, _count: { _all: 3 } });
    });

    it('filters on figures match only figures the caller may see, and hidden ones filter as null', async () => {
      expect(codesOf(await s.project.findMany({ where: { ...where, plannedInvestment: { gte: 1500 } } }))).toEqual(
        visibleCodes('VT-I').filter((c) => c !== 'VT-I-PUB'),
      );
      expect(await s.project.count({ where: { ...where, completedInvestment: { gt: 25 } } })).toBe(may(RESTRICTED) ? 1 : 0);
      expect(codesOf(await s.project.findMany({ where: { ...where, plannedInvestment: null } }))).toEqual(hiddenCodes('VT-I').sort());
      // As with a missing figure in SQL, NOT of a comparison with null does not hold either.
      expect(codesOf(await s.project.findMany({ where: { ...where, NOT: { plannedInvestment: { gte: 1500 } } } }))).toEqual(['VT-I-PUB']);
      // Whether a project has monthly records at all is an investment figure too.
      expect(codesOf(await s.project.findMany({ where: { ...where, investments: { some: {} } } }))).toEqual(visibleCodes('VT-I'));
    });

    it('ordering by a figure sorts hidden figures as unknown (null), and pages consistently', async () => {
      const order = async (args: Omit<Prisma.ProjectFindManyArgs, 'where'>) => (await s.project.findMany({ ...args, where })).map((p) => p.code);
      const byCode = [{ code: 'asc' as const }];
      // Planned: PUB 1000, INT 2000, RES 3000. Hidden ones sort as null, then by code.
      const partner = !may(INTERNAL);
      const descNullsFirst = partner ? ['VT-I-INT', 'VT-I-RES', 'VT-I-PUB'] : ['VT-I-RES', 'VT-I-INT', 'VT-I-PUB'];
      const descNullsLast = partner ? ['VT-I-PUB', 'VT-I-INT', 'VT-I-RES'] : ['VT-I-INT', 'VT-I-PUB', 'VT-I-RES'];
      expect(await order({ orderBy: [{ plannedInvestment: 'desc' }, ...byCode] })).toEqual(descNullsFirst);
      expect(await order({ orderBy: [{ plannedInvestment: { sort: 'desc', nulls: 'last' } }, ...byCode] })).toEqual(descNullsLast);
      // Completed investment is never missing (0 at least): only a hidden one reads null, and those go last.
      expect(await order({ orderBy: [{ completedInvestment: 'desc' }, ...byCode] })).toEqual(partner ? ['VT-I-PUB', 'VT-I-INT', 'VT-I-RES'] : ['VT-I-INT', 'VT-I-PUB', 'VT-I-RES']);
      // Ascending puts nulls last; the hidden ones keep their order by code.
      expect(await order({ orderBy: [{ completedInvestment: 'asc' }, ...byCode] })).toEqual(['VT-I-PUB', 'VT-I-INT', 'VT-I-RES']);
      // Pages, as a connection asks for them: take, cursor + skip, and a negative take.
      const orderBy = [{ plannedInvestment: 'desc' as const }, ...byCode];
      expect(await order({ orderBy, take: 2 })).toEqual(descNullsFirst.slice(0, 2));
      expect(await order({ orderBy, take: 2, skip: 1, cursor: { id: ids[descNullsFirst[1]!]! } })).toEqual(descNullsFirst.slice(2));
      expect(await order({ orderBy, take: -2, skip: 1, cursor: { id: ids[descNullsFirst[2]!]! } })).toEqual(descNullsFirst.slice(0, 2));
      expect(await order({ orderBy, take: -1 })).toEqual(descNullsFirst.slice(2));
      expect(await order({ orderBy, skip: 1 })).toEqual(descNullsFirst.slice(1));
      const first = await s.project.findFirst({ where, orderBy, select: { code: true } });
      expect(first?.code).toBe(descNullsFirst[0]);
      expect((await s.project.findFirst({ where, orderBy, skip: 1 }))?.code).toBe(descNullsFirst[1]);
      await expect(s.project.findFirstOrThrow({ where, orderBy, skip: 3 })).rejects.toMatchObject({ code: 'P2025' });
    });

    it('where every figure is visible, ordering and paging by figures is exactly the database\'s', async () => {
      const seeded = { code: { startsWith: 'GZK-' }, investmentVisibility: { in: [...visible] } };
      const sample = await db.prisma.project.findMany({ where: seeded, orderBy: { code: 'asc' }, select: { id: true } });
      expect(sample.length).toBeGreaterThan(3);
      const pivot = sample[3]!.id;
      const orders: Prisma.ProjectOrderByWithRelationInput[][] = [
        [{ plannedInvestment: 'desc' }, { code: 'asc' }],
        [{ plannedInvestment: { sort: 'asc', nulls: 'first' } }, { code: 'desc' }],
        [{ stage: 'asc' }, { completedInvestment: 'desc' }, { nameEn: 'asc' }, { code: 'asc' }],
        [{ isKeyProject: 'desc' }, { plannedInvestment: { sort: 'desc', nulls: 'last' } }, { code: 'asc' }],
      ];
      const pages: Omit<Prisma.ProjectFindManyArgs, 'where' | 'orderBy'>[] = [
        {},
        { take: 5 },
        { take: 5, skip: 2 },
        { take: -4 },
        { take: -3, skip: 1 },
        { cursor: { id: pivot }, take: 4 },
        { cursor: { id: pivot }, skip: 1, take: 4 },
        { cursor: { id: pivot }, skip: 1, take: -3 },
        { cursor: { id: pivot }, take: -2 },
      ];
      for (const orderBy of orders) {
        for (const page of pages) {
          const args = { where: seeded, orderBy, ...page, select: { code: true } };
          const label = JSON.stringify({ orderBy, ...page, cursor: page.cursor && 'pivot' });
          expect((await s.project.findMany(args)).map((p) => p.code), label).toEqual((await db.prisma.project.findMany(args)).map((p) => p.code));
        }
      }
    });
  });

  describe('cursors', () => {
    it('a cursor at a hidden record reads like a cursor at a missing one', async () => {
      const missing = '00000000-0000-7000-8000-000000000000';
      const from = (id: string, skip = 0) => s.project.findMany({ where: startsWith('VT-P-'), orderBy: { code: 'desc' }, cursor: { id }, skip });
      const after = (id: string) => from(id, 1);
      expect(await from(missing)).toEqual([]);
      // In code order descending RES comes first; everything visible follows it.
      expect(await from(ids['VT-P-RES']!)).toEqual([]);
      expect(await after(ids['VT-P-RES']!)).toEqual([]);
      expect(await s.project.findFirst({ where: startsWith('VT-P-'), orderBy: { code: 'desc' }, cursor: { id: ids['VT-P-RES']! } })).toBeNull();
      expect(await s.project.count({ where: startsWith('VT-P-'), orderBy: { code: 'desc' }, cursor: { id: ids['VT-P-RES']! } })).toBe(0);
      const nested = await s.campaign.findUniqueOrThrow({
        where: { code: 'VT-C-PUB' },
        include: { projects: { where: startsWith('VT-P-'), orderBy: { code: 'desc' }, cursor: { id: ids['VT-P-RES']! } } },
      });
      expect(nested.projects).toEqual([]);
      // A visible cursor still pages.
      expect((await after(ids['VT-P-PUB']!)).map((p) => p.code)).toEqual(may(INTERNAL) ? ['VT-P-INT'] : []);
    });
  });
});
