// Checks what the seed loads against the source document, and that loading it
// again changes nothing. Expected values are restated from the text here rather
// than read from the data modules, so a wrong data module fails.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seed, seedData, type SeedSummary } from '../src/seed/index.ts';
import { createTestDatabase, type TestDatabase } from '../src/testing.ts';

// The text is hard-wrapped (and indented with ideographic spaces) mid-phrase.
const sourceText = readFileSync(new URL('../src/seed/source/guzhenkou-six-campaigns.zh.txt', import.meta.url), 'utf8').replace(
  /\s/gu,
  '',
);
const HAN = /\p{Script=Han}/u;

let db: TestDatabase;
const statements: string[] = [];
let firstSummary: SeedSummary;
let coldStatements: string[];

beforeAll(async () => {
  db = await createTestDatabase({ onStatement: (s) => statements.push(s.sql) });
  statements.length = 0;
  firstSummary = await seed(db.prisma);
  coldStatements = [...statements];
}, 120_000);

afterAll(async () => {
  await db?.close();
});

const programme = () => db.prisma.programme.findUniqueOrThrow({ where: { code: 'GZK-2020' } });

describe('the seed data quotes the source', () => {
  it('the copy of the source is the page with both pieces', () => {
    expect(sourceText).toContain('打响六大攻坚战，勇当发展排头兵');
    expect(sourceText).toContain('在放大情怀中担当作为');
  });

  it('every record rests on words that stand in the text', () => {
    const records = Object.entries(seedData).flatMap(([model, rows]) =>
      (rows as readonly object[]).map((row) => ({ model, row: row as { code?: string; source?: string; textZh?: string } })),
    );
    const quotes = records.map(({ model, row }) => ({ at: `${model} ${row.code ?? row.textZh}`, quote: row.source ?? row.textZh }));
    expect(quotes.length).toBeGreaterThan(100);
    expect(quotes.filter(({ quote }) => !quote || !sourceText.includes(quote))).toEqual([]);
  });

  it('every parent link rests on words that stand in the text', () => {
    const linked = [...seedData.organisations, ...seedData.platforms].filter((r) => r.parentCode !== undefined || r.parentSource !== undefined);
    expect(linked.length).toBeGreaterThanOrEqual(4);
    expect(linked.filter((r) => !r.parentCode || !r.parentSource || !sourceText.includes(r.parentSource)).map((r) => r.code)).toEqual([]);
  });
});

describe('what the text says beyond the lists', () => {
  it('every further quote (basis, responsible official, second listing) stands in the text', () => {
    const quotes = [
      ...seedData.programmes.flatMap((p) => [p.basisSource, p.responsibleSource]),
      ...seedData.projects.flatMap((p) => (p.alsoListedByCodes.length ? [p.alsoListedSource] : [])),
    ];
    expect(quotes.length).toBeGreaterThan(2);
    expect(quotes.filter((q) => !q || !sourceText.includes(q))).toEqual([]);
  });

  it('the hospital is listed by both campaigns that name it, the first one primary', async () => {
    const hospital = await db.prisma.project.findFirstOrThrow({
      where: { nameZh: '军地医院' },
      include: { campaign: true, campaigns: { orderBy: { code: 'asc' } } },
    });
    expect(hospital.campaign.code).toBe('GZK-2020-C1');
    expect(hospital.campaigns.map((c) => c.code)).toEqual(['GZK-2020-C1', 'GZK-2020-C4']);
    // Every other project is listed by its primary campaign alone.
    const projects = await db.prisma.project.findMany({ include: { campaigns: true } });
    expect(projects.filter((p) => p.campaigns.length !== 1 || p.campaigns[0]!.id !== p.campaignId).map((p) => p.nameZh)).toEqual(['军地医院']);
  });

  it('the investment target and growth measure campaign 4\'s key task 3 and stay programme-wide', async () => {
    const indicators = await db.prisma.indicator.findMany({
      where: { code: { in: ['GZK-2020-FAI', 'GZK-2020-FAI-GROWTH'] } },
      include: { keyTask: true },
      orderBy: { code: 'asc' },
    });
    expect(indicators.map((i) => [i.code, i.campaignId, i.keyTask?.code, i.keyTask?.nameZh])).toEqual([
      ['GZK-2020-FAI', null, 'GZK-2020-C4-KT3', '完成区域内固定资产投资195亿元，增长20%以上'],
      ['GZK-2020-FAI-GROWTH', null, 'GZK-2020-C4-KT3', '完成区域内固定资产投资195亿元，增长20%以上'],
    ]);
  });

  it('the programme implements the plenary session and answers to the zone\'s committee secretary', async () => {
    const p = await db.prisma.programme.findUniqueOrThrow({ where: { code: 'GZK-2020' }, include: { responsibleOfficial: true, zone: true } });
    expect(p.basisZh).toContain('一届七次全体会议');
    expect([p.responsibleOfficial?.nameZh, p.responsibleOfficial?.postZh]).toEqual(['刘玮', '古镇口融合区工委书记']);
    expect(p.zone.roleZh).toBe('国家示范区的核心区');
  });

  it('the officials hold the posts the text prints, in the bodies it names', async () => {
    const officials = await db.prisma.official.findMany({ include: { organisation: true }, orderBy: { code: 'asc' } });
    expect(officials.map((o) => [o.nameZh, o.organisation?.nameZh])).toEqual([
      ['陈天虹', '工委巡察办'],
      ['刘玮', '古镇口融合区工委'],
      ['孙永红', '西海岸新区工委'],
    ]);
  });

  it('the inspection office\'s four kinds of problem are the finding categories', async () => {
    const categories = await db.prisma.findingCategory.findMany({ orderBy: { nameZh: 'asc' } });
    expect(categories.map((c) => c.nameZh).sort()).toEqual(['危房改造', '就业就医', '环境卫生', '用水用电'].sort());
  });
});

describe('campaigns', () => {
  it('are the six of the text, in its order, under the programme', async () => {
    const campaigns = await db.prisma.campaign.findMany({ where: { programme: { code: 'GZK-2020' } }, orderBy: { position: 'asc' } });
    expect(campaigns.map((c) => [c.position, c.code, c.nameZh])).toEqual([
      [1, 'GZK-2020-C1', '示范任务推进攻坚战'],
      [2, 'GZK-2020-C2', '“六大中心”提升攻坚战'],
      [3, 'GZK-2020-C3', '科技协同创新攻坚战'],
      [4, 'GZK-2020-C4', '产业项目发展攻坚战'],
      [5, 'GZK-2020-C5', '制度壁垒突破攻坚战'],
      [6, 'GZK-2020-C6', '资源力量聚合攻坚战'],
    ]);
    const positions = campaigns.map((c) => sourceText.indexOf(c.nameZh));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('carry the numeric targets the text gives them', async () => {
    const indicators = await db.prisma.indicator.findMany({ where: { campaignId: { not: null } }, include: { campaign: true, keyTask: true } });
    const byCode = Object.fromEntries(indicators.map((i) => [i.code, [i.campaign?.position, i.target.toString(), i.unitZh]]));
    expect(byCode).toEqual({
      'GZK-2020-C1-SUPPORT-PLATFORMS': [1, '3', '个'],
      'GZK-2020-C1-MECHANISMS': [1, '9', '项'],
      'GZK-2020-C1-ENGINEERING-PROJECTS': [1, '10', '个'],
      'GZK-2020-C2-SUPPORT-CIRCLE': [2, '15', '分钟'],
      'GZK-2020-C3-INNOVATION-PLATFORMS': [3, '8', '个'],
      'GZK-2020-C3-SERVICE-AGENCIES': [3, '20', '家'],
      'GZK-2020-C5-OBSTACLES': [5, '10', '项'],
      'GZK-2020-C6-FYP-PROJECTS': [6, '64', '个'],
    });
    // Each target is tied to a key task of its own campaign whose words contain the number.
    for (const i of indicators) {
      expect(i.keyTask?.campaignId).toBe(i.campaignId);
      expect(i.keyTask?.nameZh).toContain(i.target.toString() === '8' ? '八大' : i.target.toString());
    }
  });

  it('have key tasks numbered from 1 within each campaign', async () => {
    const tasks = await db.prisma.keyTask.findMany({ include: { campaign: true }, orderBy: [{ campaign: { position: 'asc' } }, { position: 'asc' }] });
    expect(tasks.length).toBeGreaterThan(0);
    for (const t of tasks) expect(t.code).toBe(`${t.campaign.code}-KT${t.position}`);
    expect(new Set(tasks.map((t) => t.campaign.position))).toEqual(new Set([1, 2, 3, 4, 5, 6]));
  });
});

describe('projects', () => {
  const expected: Record<string, string> = {
    军地医院: 'OPERATING',
    海军中学: 'OPERATING',
    '360网信融合创新基地': 'SIGNED',
    无人装备研究院: 'SIGNED',
    山东大学研究院: 'SIGNED',
    易瑞国际跨境电商平台: 'UNDER_CONSTRUCTION',
    中远集团青岛创新基地: 'UNDER_CONSTRUCTION',
    恒华数字产业: 'UNDER_CONSTRUCTION',
    华泰森淼哈瓦无人机: 'UNDER_CONSTRUCTION',
    赛伯乐5G工业互联网创新中心: 'OPERATING',
    启迪集群创新中心: 'OPERATING',
    天航凤岐协同创新基地: 'OPERATING',
    航空技术研究院快反中心: 'OPERATING',
    中核北方核应急培训基地: 'OPERATING',
    鲁普耐特产业基地: 'OPERATING',
    中科院大学海洋学院: 'ENROLLING',
    '中国石油大学（华东）新能源研究生院': 'ENROLLING',
    '中国石油大学（华东）新材料研究生院': 'ENROLLING',
  };

  it('are every project the text names, each with the stage it is to reach', async () => {
    const projects = await db.prisma.project.findMany();
    expect(Object.fromEntries(projects.map((p) => [p.nameZh, p.targetStage]))).toEqual(expected);
    expect(projects.every((p) => p.targetDate?.toISOString() === '2020-12-31T00:00:00.000Z')).toBe(true);
  });

  it('stand one stage short of their target', async () => {
    const before: Record<string, string> = {
      SIGNED: 'NEGOTIATING',
      UNDER_CONSTRUCTION: 'SIGNED',
      OPERATING: 'UNDER_CONSTRUCTION',
      ENROLLING: 'UNDER_CONSTRUCTION',
    };
    const projects = await db.prisma.project.findMany();
    for (const p of projects) expect([p.nameZh, p.stage]).toEqual([p.nameZh, before[p.targetStage ?? '']]);
  });

  it('sit in the campaign that names them', async () => {
    const projects = await db.prisma.project.findMany({ include: { campaign: true } });
    const campaignOf = Object.fromEntries(projects.map((p) => [p.nameZh, p.campaign.position]));
    expect(campaignOf['海军中学']).toBe(1);
    expect(campaignOf['军地医院']).toBe(1);
    expect(projects.filter((p) => p.campaign.position === 4)).toHaveLength(16);
  });

  it('are linked to the institutions behind them', async () => {
    const projects = await db.prisma.project.findMany({ include: { organisations: true, platforms: true, cluster: true, sector: true } });
    const get = (nameZh: string) => {
      const p = projects.find((x) => x.nameZh === nameZh);
      if (!p) throw new Error(`no project ${nameZh}`);
      return p;
    };
    const orgCodes = (nameZh: string) => get(nameZh).organisations.map((o) => o.code).sort();
    expect(orgCodes('华泰森淼哈瓦无人机')).toEqual(['ORG-HARWAR', 'ORG-HUATAI-SENMIAO']);
    expect(orgCodes('中科院大学海洋学院')).toEqual(['ORG-CAS-UCAS']);
    expect(orgCodes('中国石油大学（华东）新能源研究生院')).toEqual(['ORG-UPC']);
    expect(orgCodes('中国石油大学（华东）新材料研究生院')).toEqual(['ORG-UPC']);
    expect(orgCodes('山东大学研究院')).toEqual(['ORG-SDU']);
    expect(orgCodes('中核北方核应急培训基地')).toEqual(['ORG-CNNC-NORTH']);
    expect(orgCodes('军地医院')).toEqual([]);
    const rapid = get('航空技术研究院快反中心');
    expect(rapid.organisations.map((o) => o.nameZh)).toEqual(['中科院青岛航空技术研究院']);
    expect(rapid.platforms.map((p) => p.nameZh)).toEqual(['中科院青岛航空技术研究院']);
    expect(rapid.sector?.nameZh).toBe('航空航天');
    const drones = get('华泰森淼哈瓦无人机');
    expect(drones.cluster?.focusZh).toContain('无人机');
    expect(drones.sector?.nameZh).toBe('航空航天');
    expect(projects.filter((p) => p.parkId !== null)).toEqual([]);
    expect(projects.every((p) => p.isKeyProject && !p.inFiveYearPlan)).toBe(true);
  });
});

describe('sectors, clusters and parks', () => {
  it('are the 4 advantage and 6 emerging sectors', async () => {
    const sectors = await db.prisma.sector.findMany();
    const names = (kind: string) => sectors.filter((s) => s.kind === kind).map((s) => s.nameZh).sort();
    expect(names('ADVANTAGE')).toEqual(['船舶海工', '航空航天', '电子信息', '海洋新材料'].sort());
    expect(names('EMERGING')).toEqual(['海洋', '太空', '网络空间', '生物', '新能源', '人工智能'].sort());
    expect(sectors).toHaveLength(10);
  });

  it('are two clusters of 10 billion yuan with their focus products', async () => {
    const clusters = await db.prisma.industryCluster.findMany({ include: { sector: true }, orderBy: { code: 'asc' } });
    expect(clusters.map((c) => [c.code, c.sector?.nameZh, c.outputTarget?.toFixed(2), c.focusZh])).toEqual([
      ['CL-AEROSPACE', '航空航天', '10000000000.00', ['轻型动力发动机', '无人机', '卫星大数据应用']],
      ['CL-SHIPBUILDING', '船舶海工', '10000000000.00', ['水面水下无人装备']],
    ]);
    for (const c of clusters) expect(c.focusEn).toHaveLength(c.focusZh.length);
  });

  it('are the four themed project parks and the science and education innovation area', async () => {
    const parks = await db.prisma.park.findMany();
    expect(parks.filter((p) => p.kind === 'THEMED_PROJECT_PARK').map((p) => p.nameZh).sort()).toEqual(
      ['海洋科技创新特色项目园', '高端装备制造特色项目园', '航空航天特色项目园', '舰船保障特色项目园'].sort(),
    );
    expect(parks.filter((p) => p.kind === 'INNOVATION_AREA').map((p) => p.nameZh)).toEqual(['古镇口科教创新区']);
  });
});

describe('platforms', () => {
  it('are the named platforms, each of the right kind', async () => {
    const platforms = await db.prisma.platform.findMany();
    expect(Object.fromEntries(platforms.map((p) => [p.nameZh, p.kind]))).toEqual({
      深远海人因工程实验室: 'SUPPORT',
      社会化保障中心: 'SERVICE_CENTRE',
      中科院海洋大科学研究中心: 'COLLABORATIVE_INNOVATION',
      哈工程青岛船舶科技园: 'COLLABORATIVE_INNOVATION',
      中科院青岛航空技术研究院: 'COLLABORATIVE_INNOVATION',
      中电科14所古镇口创新基地: 'COLLABORATIVE_INNOVATION',
      国家技术标准创新基地: 'COLLABORATIVE_INNOVATION',
      采购信息网青岛分中心: 'TRADING_INFORMATION',
      山东省军民两用技术交易中心: 'TRADING_INFORMATION',
      社会化保障中心食品智慧采购监管平台: 'DIGITAL_SUPERVISION_COMMAND',
      山东海上应急动员指挥平台: 'DIGITAL_SUPERVISION_COMMAND',
      海军公园: 'EDUCATION_DEMONSTRATION',
    });
    for (const p of platforms) expect(sourceText).toContain(p.nameZh);
  });

  it('take their status from the verb the text uses', async () => {
    const platforms = await db.prisma.platform.findMany();
    const status = Object.fromEntries(platforms.map((p) => [p.nameZh, p.status]));
    expect(status['深远海人因工程实验室']).toBe('BUILDING'); // 建成
    expect(status['中电科14所古镇口创新基地']).toBe('BUILDING'); // 加快推进…建设
    expect(status['社会化保障中心食品智慧采购监管平台']).toBe('BUILDING'); // 启用
    expect(status['山东省军民两用技术交易中心']).toBe('OPERATING'); // 拓展…平台功能
    expect(status['山东海上应急动员指挥平台']).toBe('OPERATING'); // 提升使用效能
    expect(status['海军公园']).toBe('OPERATING'); // 完善提升
  });

  it('serve the campaigns that name them and belong to the institutions they are named after', async () => {
    const platforms = await db.prisma.platform.findMany({ include: { campaigns: true, organisation: true } });
    const third = platforms.filter((p) => p.campaigns.some((c) => c.code === 'GZK-2020-C3'));
    expect(third.map((p) => p.kind).sort()).toEqual([
      ...Array<string>(5).fill('COLLABORATIVE_INNOVATION'),
      ...Array<string>(2).fill('TRADING_INFORMATION'),
    ]);
    expect(platforms.every((p) => p.campaigns.length > 0)).toBe(true);
    const owner = Object.fromEntries(platforms.map((p) => [p.nameZh, p.organisation?.code ?? null]));
    expect(owner['中电科14所古镇口创新基地']).toBe('ORG-CETC14');
    expect(owner['哈工程青岛船舶科技园']).toBe('ORG-HEU');
    expect(owner['中科院海洋大科学研究中心']).toBe('ORG-CAS');
    expect(owner['国家技术标准创新基地']).toBeNull();
  });

  it('are part of another platform only where the text names it so', async () => {
    const platforms = await db.prisma.platform.findMany({ include: { parent: true, children: true } });
    const parents = Object.fromEntries(platforms.filter((p) => p.parent).map((p) => [p.nameZh, p.parent?.nameZh]));
    // 启用社会化保障中心食品智慧采购监管平台
    expect(parents).toEqual({ 社会化保障中心食品智慧采购监管平台: '社会化保障中心' });
    const centre = platforms.find((p) => p.code === 'PF-SOCIAL-SUPPORT-CENTRE');
    expect(centre?.children.map((c) => c.code)).toEqual(['PF-FOOD-PROCUREMENT']);
    expect(platforms.filter((p) => p.version !== 1).map((p) => p.code)).toEqual([]);
  });
});

describe('organisations', () => {
  it('fall into the origin groups of who they are', async () => {
    const orgs = await db.prisma.organisation.findMany();
    const origin = Object.fromEntries(orgs.map((o) => [o.code, [o.originGroup, o.type]]));
    expect(origin['ORG-CETC14']).toEqual(['DEFENCE_INDUSTRY', 'RESEARCH_INSTITUTE']);
    expect(origin['ORG-CNNC-NORTH']).toEqual(['DEFENCE_INDUSTRY', 'ENTERPRISE']);
    expect(origin['ORG-HEU']).toEqual(['UNIVERSITY', 'UNIVERSITY']);
    expect(origin['ORG-UPC']).toEqual(['UNIVERSITY', 'UNIVERSITY']);
    expect(origin['ORG-CAS-UCAS']).toEqual(['CAS', 'UNIVERSITY']);
    expect(origin['ORG-CAS-AVIATION']).toEqual(['CAS', 'RESEARCH_INSTITUTE']);
    expect(origin['ORG-COSCO']).toEqual(['OTHER', 'ENTERPRISE']);
    expect(origin['ORG-GZK-COMMITTEE']).toEqual(['OTHER', 'GOVERNMENT_UNIT']);
    expect(origin['ORG-INSPECTION-OFFICE']).toEqual(['OTHER', 'GOVERNMENT_UNIT']);
  });

  it('are each behind a project or platform, or are the page\'s own bodies', async () => {
    const orgs = await db.prisma.organisation.findMany({ include: { _count: { select: { projects: true, platforms: true } } } });
    const idle = orgs.filter((o) => o._count.projects + o._count.platforms === 0).map((o) => o.code);
    expect(idle.sort()).toEqual(['ORG-GZK-COMMITTEE', 'ORG-INSPECTION-OFFICE', 'ORG-WCNA-COMMITTEE']);
  });

  it('belong to the bodies the text places them under, and to no other', async () => {
    const orgs = await db.prisma.organisation.findMany({ include: { parent: true } });
    const parents = Object.fromEntries(orgs.filter((o) => o.parent).map((o) => [o.nameZh, o.parent?.nameZh]));
    expect(parents).toEqual({
      中国科学院大学: '中国科学院', // 中科院大学海洋学院
      中科院青岛航空技术研究院: '中国科学院', // 中科院…
      工委巡察办: '西海岸新区工委', // 巡察机构将在工委（区委）的坚强领导下; 西海岸新区工委书记
    });
    // Linked as they were created: no row was written twice.
    expect(orgs.filter((o) => o.version !== 1).map((o) => o.code)).toEqual([]);
  });
});

describe('programme targets', () => {
  it('holds the period, time zone and investment target as exact decimals', async () => {
    const p = await programme();
    expect(p.periodStart.toISOString().slice(0, 10)).toBe('2020-01-01');
    expect(p.periodEnd.toISOString().slice(0, 10)).toBe('2020-12-31');
    expect(p.timeZone).toBe('Asia/Shanghai');
    expect(p.investmentTarget?.toFixed(2)).toBe('19500000000.00');
    expect(p.investmentGrowthTarget?.toFixed(2)).toBe('20.00');
    expect(p.sourceTitleZh).toBe('打响六大攻坚战，勇当发展排头兵');
  });

  it('states the programme-wide counts, the 20 % floor, the 15-minute ceiling and the 64 projects for the plan', async () => {
    const indicators = await db.prisma.indicator.findMany({ where: { programme: { code: 'GZK-2020' } } });
    const get = (code: string) => {
      const i = indicators.find((x) => x.code === code);
      if (!i) throw new Error(`no indicator ${code}`);
      return { target: i.target.toString(), direction: i.targetDirection, campaign: i.campaignId !== null };
    };
    expect(get('GZK-2020-CAMPAIGNS')).toEqual({ target: '6', direction: 'AT_LEAST', campaign: false });
    expect(get('GZK-2020-KEY-TASKS')).toEqual({ target: '19', direction: 'AT_LEAST', campaign: false });
    expect(get('GZK-2020-KEY-PROJECTS')).toEqual({ target: '75', direction: 'AT_LEAST', campaign: false });
    expect(get('GZK-2020-FAI')).toEqual({ target: '19500000000', direction: 'AT_LEAST', campaign: false });
    expect(get('GZK-2020-FAI-GROWTH')).toEqual({ target: '20', direction: 'AT_LEAST', campaign: false });
    expect(get('GZK-2020-C6-FYP-PROJECTS')).toEqual({ target: '64', direction: 'AT_LEAST', campaign: true });
    const all = await db.prisma.indicator.findMany();
    expect(all.filter((i) => i.targetDirection === 'AT_MOST').map((i) => i.code)).toEqual(['GZK-2020-C2-SUPPORT-CIRCLE']);
  });

  it('has the cadence: talks daily, a signing weekly, a start monthly, a completion quarterly', async () => {
    const rules = await db.prisma.cadenceRule.findMany({ where: { programme: { code: 'GZK-2020' } } });
    expect(Object.fromEntries(rules.map((r) => [r.activity, [r.period, r.minCount, r.textZh]]))).toEqual({
      ENGAGEMENT: ['DAY', 1, '每天有项目洽谈'],
      SIGNING: ['WEEK', 1, '每周有签约入驻'],
      CONSTRUCTION_START: ['MONTH', 1, '每月有开工建设'],
      COMPLETION: ['QUARTER', 1, '每季有竣工投产'],
    });
  });

  it('seeds no obstacles, findings or other records the text does not name', async () => {
    expect(await db.prisma.obstacle.count()).toBe(0);
    expect(await db.prisma.inspectionFinding.count()).toBe(0);
    expect(await db.prisma.engagement.count()).toBe(0);
    expect(await db.prisma.investmentRecord.count()).toBe(0);
    expect(await db.prisma.indicatorValue.count()).toBe(0);
    expect(await db.prisma.projectStageChange.count()).toBe(0);
  });
});

describe('names and visibility', () => {
  it('every record has a Chinese name and an English one, all public', async () => {
    const p = db.prisma;
    const rows = [
      ...(await p.zone.findMany()),
      ...(await p.programme.findMany()),
      ...(await p.campaign.findMany()),
      ...(await p.keyTask.findMany()),
      ...(await p.indicator.findMany()),
      ...(await p.mechanism.findMany()),
      ...(await p.sector.findMany()),
      ...(await p.industryCluster.findMany()),
      ...(await p.park.findMany()),
      ...(await p.organisation.findMany()),
      ...(await p.platform.findMany()),
      ...(await p.project.findMany()),
      ...(await p.official.findMany()),
      ...(await p.findingCategory.findMany()),
    ];
    expect(rows).toHaveLength(Object.entries(firstSummary).reduce((n, [model, c]) => (model === 'cadenceRules' ? n : n + c), 0));
    const bad = rows.filter(
      (r) => !HAN.test(r.nameZh) || r.nameZh.trim() !== r.nameZh || !r.nameEn.trim() || HAN.test(r.nameEn) || r.visibility !== 'PUBLIC',
    );
    expect(bad.map((r) => r.code)).toEqual([]);
    const rules = await p.cadenceRule.findMany();
    expect(rules.every((r) => HAN.test(r.textZh) && r.textEn.trim() !== '' && !HAN.test(r.textEn))).toBe(true);
  });

  it('codes are unique, short and typeable', async () => {
    const codes = Object.values(seedData).flatMap((rows) => (rows as { code?: string }[]).flatMap((r) => (r.code ? [r.code] : [])));
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.filter((c) => !/^[A-Z0-9]+(-[A-Z0-9]+)*$/.test(c) || c.length > 32)).toEqual([]);
  });
});

describe('loading', () => {
  it('reports the records of each model it holds', async () => {
    expect(firstSummary).toEqual({
      zones: 1,
      programmes: 1,
      cadenceRules: 4,
      campaigns: 6,
      keyTasks: seedData.keyTasks.length,
      indicators: 13,
      mechanisms: 5,
      sectors: 10,
      clusters: 2,
      parks: 5,
      organisations: seedData.organisations.length,
      platforms: 12,
      projects: 18,
      officials: 3,
      findingCategories: 4,
    });
    expect(await db.prisma.project.count()).toBe(firstSummary.projects);
    expect(await db.prisma.organisation.count()).toBe(firstSummary.organisations);
  });

  it('keeps the number of statements of a cold seed bounded', () => {
    // About 150 today; one statement per row per link would be several hundred.
    expect(coldStatements.length).toBeLessThan(250);
  });

  it('a second run changes no row and writes nothing', async () => {
    const before = await snapshot();
    // The comparison covers the parent links: they are in the snapshot.
    const withParent = (table: string) => (before[table] ?? []).filter((row) => (JSON.parse(row) as { parentId: string | null }).parentId !== null);
    expect(withParent('Organisation')).toHaveLength(3);
    expect(withParent('Platform')).toHaveLength(1);
    statements.length = 0;
    const changes: unknown[] = [];
    const summary = await seed(db.prisma, { onChanges: (c) => changes.push(c) });
    const writes = statements.filter((sql) => /^\s*(INSERT|UPDATE|DELETE)\b/i.test(sql));
    expect(writes).toEqual([]);
    expect(summary).toEqual(firstSummary);
    expect(Object.values(changes[0] as Record<string, { created: number; updated: number }>).every((c) => c.created + c.updated === 0)).toBe(true);
    expect(await snapshot()).toEqual(before);
  });

  it('puts back what the seed owns, leaves the live state alone, and bumps the version', async () => {
    const p = db.prisma;
    const rapid = await p.project.findUniqueOrThrow({ where: { code: 'GZK-2020-P13' }, include: { organisations: true } });
    expect(rapid.nameZh).toBe('航空技术研究院快反中心');
    await p.project.update({
      where: { id: rapid.id },
      data: { nameEn: 'changed', stage: 'OPERATING', organisations: { set: [] } },
    });
    // Links alone, no field: the loader must notice this too.
    await p.project.update({ where: { code: 'GZK-2020-P09' }, data: { organisations: { set: [] } } });
    await p.sector.update({ where: { code: 'SEC-AI' }, data: { nameZh: '改动' } });

    const changes: Record<string, { created: number; updated: number }>[] = [];
    await seed(p, { onChanges: (c) => changes.push(c) });

    const after = await p.project.findUniqueOrThrow({ where: { id: rapid.id }, include: { organisations: true } });
    expect(after.nameEn).toBe(rapid.nameEn);
    expect(after.organisations.map((o) => o.code)).toEqual(['ORG-CAS-AVIATION']);
    expect(after.stage).toBe('OPERATING');
    expect(after.version).toBe(rapid.version + 1);
    expect((await p.sector.findUniqueOrThrow({ where: { code: 'SEC-AI' } })).nameZh).toBe('人工智能');
    const drones = await p.project.findUniqueOrThrow({ where: { code: 'GZK-2020-P09' }, include: { organisations: true } });
    expect(drones.organisations.map((o) => o.code).sort()).toEqual(['ORG-HARWAR', 'ORG-HUATAI-SENMIAO']);
    expect(changes[0]?.projects).toEqual({ created: 0, updated: 2 });
    expect(changes[0]?.sectors).toEqual({ created: 0, updated: 1 });
    expect(changes[0]?.organisations).toEqual({ created: 0, updated: 0 });
    expect(changes[0]?.platforms).toEqual({ created: 0, updated: 0 });
  });

  it('puts back changed parents, bumping the version once per row', async () => {
    const p = db.prisma;
    const org = (code: string) => p.organisation.findUniqueOrThrow({ where: { code }, include: { parent: true } });
    const platform = (code: string) => p.platform.findUniqueOrThrow({ where: { code }, include: { parent: true } });
    const before = {
      ucas: await org('ORG-CAS-UCAS'),
      aviation: await org('ORG-CAS-AVIATION'),
      cetc14: await org('ORG-CETC14'),
      food: await platform('PF-FOOD-PROCUREMENT'),
    };
    const cas = await org('ORG-CAS');
    const navyPark = await platform('PF-NAVY-PARK');
    await p.organisation.update({ where: { id: before.ucas.id }, data: { parentId: null } }); // removed
    await p.organisation.update({ where: { id: before.cetc14.id }, data: { parentId: cas.id } }); // added
    await p.organisation.update({ where: { id: before.aviation.id }, data: { parentId: null, nameEn: 'changed' } }); // both
    await p.platform.update({ where: { id: before.food.id }, data: { parentId: navyPark.id } }); // moved

    const changes: Record<string, { created: number; updated: number }>[] = [];
    await seed(p, { onChanges: (c) => changes.push(c) });

    const after = {
      ucas: await org('ORG-CAS-UCAS'),
      aviation: await org('ORG-CAS-AVIATION'),
      cetc14: await org('ORG-CETC14'),
      food: await platform('PF-FOOD-PROCUREMENT'),
    };
    expect(after.ucas.parent?.code).toBe('ORG-CAS');
    expect(after.aviation.parent?.code).toBe('ORG-CAS');
    expect(after.aviation.nameEn).toBe(before.aviation.nameEn);
    expect(after.cetc14.parentId).toBeNull();
    expect(after.food.parent?.code).toBe('PF-SOCIAL-SUPPORT-CENTRE');
    for (const k of ['ucas', 'aviation', 'cetc14', 'food'] as const) expect([k, after[k].version]).toEqual([k, before[k].version + 1]);
    expect(changes[0]?.organisations).toEqual({ created: 0, updated: 3 });
    expect(changes[0]?.platforms).toEqual({ created: 0, updated: 1 });
    expect((await org('ORG-CAS')).version).toBe(cas.version);

    // And once put back, another run writes nothing.
    const snap = await snapshot();
    statements.length = 0;
    await seed(p);
    expect(statements.filter((sql) => /^\s*(INSERT|UPDATE|DELETE)\b/i.test(sql))).toEqual([]);
    expect(await snapshot()).toEqual(snap);
  });
});

/** Every row of every table, join tables included, in a stable order. */
async function snapshot(): Promise<Record<string, string[]>> {
  const tables = await db.prisma.$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename`;
  const result: Record<string, string[]> = {};
  for (const { tablename } of tables) {
    const rows = await db.prisma.$queryRawUnsafe<{ row: string }[]>(`SELECT to_jsonb(t)::text AS row FROM "public"."${tablename}" t`);
    result[tablename] = rows.map((r) => r.row).sort();
  }
  expect(Object.keys(result)).toContain('_OrganisationToProject');
  return result;
}
