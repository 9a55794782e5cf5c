// Every role against every kind of record. Each kind gets one record of each
// visibility, with public neighbours linked to it; each role then looks for it
// through every door the API has — the root list and its totalCount,
// node(id:) and nodes(ids:), the by-code lookup, search and filters, nested
// connections and their counts, and to-one fields — and must find it exactly
// when its role may see it. The cases are generated from the tables below.
import { createApiKey, Visibility, type PrismaClient, type Role } from '@zonegraph/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.ts';
import { createApp } from '../src/yoga.ts';
import { startTestApi, type TestApi } from './testkit.ts';

const { PUBLIC, INTERNAL, RESTRICTED } = Visibility;
const VISIBILITIES = [PUBLIC, INTERNAL, RESTRICTED] as const;

/** The rule under test, restated: who sees what. */
const ROLES: { name: string; role: Role | null; sees: readonly Visibility[] }[] = [
  { name: 'anonymous', role: null, sees: [PUBLIC] },
  { name: 'partner', role: 'PARTNER', sees: [PUBLIC] },
  { name: 'analyst', role: 'ANALYST', sees: [PUBLIC, INTERNAL] },
  { name: 'editor', role: 'EDITOR', sees: VISIBILITIES },
  { name: 'admin', role: 'ADMIN', sees: VISIBILITIES },
];

const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');
const idsOf = (connection: { nodes: { id: string }[] } | null | undefined) => connection?.nodes.map((n) => n.id) ?? null;

/** Makes records with fresh codes; everything not given is PUBLIC, and every relation it needs is a record of its own. */
class World {
  private n = 0;
  constructor(
    readonly prisma: PrismaClient,
    private readonly seeded: { programmeId: string; zoneId: string; campaignId: string },
  ) {}

  code(prefix: string) {
    return `VM-${prefix}-${++this.n}`;
  }
  // Names never contain a code, so that searching for one code finds one record.
  private names(code: string) {
    return { code, nameZh: '可见性探针', nameEn: 'Visibility probe' };
  }

  programme(visibility: Visibility = PUBLIC) {
    return this.prisma.programme.create({
      data: {
        ...this.names(this.code('PG')),
        zoneId: this.seeded.zoneId,
        periodStart: new Date('2019-01-01'),
        periodEnd: new Date('2019-12-31'),
        visibility,
      },
    });
  }
  campaign(visibility: Visibility = PUBLIC, programmeId = this.seeded.programmeId) {
    return this.prisma.campaign.create({ data: { ...this.names(this.code('C')), programmeId, position: 1000 + this.n, visibility } });
  }
  keyTask(campaignId: string) {
    return this.prisma.keyTask.create({ data: { ...this.names(this.code('KT')), campaignId, position: 1 } });
  }
  indicator(programmeId: string) {
    return this.prisma.indicator.create({ data: { ...this.names(this.code('IND')), programmeId, unitZh: '个', unitEn: 'items', target: 1 } });
  }
  platform(visibility: Visibility = PUBLIC, data: { organisationId?: string; parkId?: string; parentId?: string; campaignIds?: string[] } = {}) {
    const { campaignIds, ...links } = data;
    return this.prisma.platform.create({
      data: {
        ...this.names(this.code('PF')),
        kind: 'OTHER',
        visibility,
        ...links,
        campaigns: { connect: (campaignIds ?? []).map((id) => ({ id })) },
      },
    });
  }
  sector(visibility: Visibility = PUBLIC) {
    return this.prisma.sector.create({ data: { ...this.names(this.code('S')), kind: 'EMERGING', visibility } });
  }
  cluster(visibility: Visibility = PUBLIC, sectorId?: string) {
    return this.prisma.industryCluster.create({ data: { ...this.names(this.code('IC')), sectorId, visibility } });
  }
  park(visibility: Visibility = PUBLIC) {
    return this.prisma.park.create({ data: { ...this.names(this.code('PK')), visibility } });
  }
  organisation(visibility: Visibility = PUBLIC, data: { parentId?: string; projectIds?: string[] } = {}) {
    return this.prisma.organisation.create({
      data: {
        ...this.names(this.code('O')),
        type: 'ENTERPRISE',
        visibility,
        parentId: data.parentId,
        projects: { connect: (data.projectIds ?? []).map((id) => ({ id })) },
      },
    });
  }
  async project(
    visibility: Visibility = PUBLIC,
    data: { campaignId?: string; programmeId?: string; sectorId?: string; clusterId?: string; parkId?: string; platformIds?: string[] } & {
      investmentVisibility?: Visibility;
      plannedInvestment?: number;
      completedInvestment?: number;
    } = {},
  ) {
    const { platformIds, campaignId, programmeId, ...rest } = data;
    return this.prisma.project.create({
      data: {
        ...this.names(this.code('P')),
        programmeId: programmeId ?? this.seeded.programmeId,
        campaignId: campaignId ?? this.seeded.campaignId,
        visibility,
        ...rest,
        platforms: { connect: (platformIds ?? []).map((id) => ({ id })) },
      },
    });
  }
  engagement(visibility: Visibility = PUBLIC, data: { projectId?: string; organisationId?: string } = {}) {
    return this.prisma.engagement.create({
      data: { occurredOn: new Date('2021-05-01'), subjectZh: '洽谈', subjectEn: 'Visibility probe', visibility, ...data },
    });
  }
  obstacle(visibility: Visibility = PUBLIC, data: { campaignId?: string; projectId?: string; platformId?: string } = {}) {
    const { code } = this.names(this.code('OB'));
    return this.prisma.obstacle.create({
      data: { code, titleZh: '障碍', titleEn: 'Visibility probe', raisedOn: new Date('2021-05-01'), visibility, ...data },
    });
  }
  finding(visibility: Visibility = PUBLIC, data: { campaignId?: string; projectId?: string; platformId?: string; obstacleId?: string } = {}) {
    const { code } = this.names(this.code('F'));
    return this.prisma.inspectionFinding.create({
      data: { code, titleZh: '问题', titleEn: 'Visibility probe', foundOn: new Date('2021-05-01'), visibility, ...data },
    });
  }
}

/** A record under test, as the unscoped client returned it. */
type Record_ = { id: string; code?: string } & Record<string, unknown>;

/**
 * Another way to reach the record under test, from a PUBLIC neighbour made for
 * it by `arrange`:
 * - nested: the neighbour's connection `field` holds the record (and nothing else);
 * - toOne: the neighbour's field `field` points at the record;
 * - filter: the root list `list`, filtered by the record's code in `arg`, holds the neighbour.
 */
type Door =
  | { via: 'nested'; type: string; field: string; arrange(w: World, r: Record_): Promise<string> }
  | { via: 'toOne'; type: string; field: string; arrange(w: World, r: Record_): Promise<string> }
  | { via: 'filter'; list: string; arg: string; type: string; arrange(w: World, r: Record_): Promise<string> };

const nested = (type: string, field: string, arrange: (w: World, r: Record_) => Promise<string>): Door => ({ via: 'nested', type, field, arrange });
const toOne = (type: string, field: string, arrange: (w: World, r: Record_) => Promise<string>): Door => ({ via: 'toOne', type, field, arrange });
const filter = (list: string, arg: string, type: string, arrange: (w: World, r: Record_) => Promise<string>): Door => ({
  via: 'filter',
  list,
  arg,
  type,
  arrange,
});
const own = (key: string) => async (_w: World, r: Record_) => r[key] as string;
const id = (record: Promise<{ id: string }>) => record.then((r) => r.id);

interface Kind {
  /** The root list. */
  list: string;
  type: string;
  /** The root lookup by code, if there is one. */
  byCode?: string;
  create(w: World, visibility: Visibility): Promise<Record_>;
  /** Arguments of the root list that single the record out (its code as search, or a filter). */
  search?(w: World, r: Record_): Promise<string>;
  doors: Record<string, Door>;
}

const searchByCode = async (_w: World, r: Record_) => `filter: { search: "${r.code}" }`;

const KINDS: Kind[] = [
  {
    list: 'campaigns',
    type: 'Campaign',
    byCode: 'campaign',
    create: async (w, v) => w.campaign(v, (await w.programme()).id),
    search: searchByCode,
    doors: {
      'programme.campaigns': nested('Programme', 'campaigns', own('programmeId')),
      'platform.campaigns': nested('Platform', 'campaigns', (w, r) => id(w.platform(PUBLIC, { campaignIds: [r.id] }))),
      'project.campaign': toOne('Project', 'campaign', (w, r) => id(w.project(PUBLIC, { campaignId: r.id }))),
      'obstacle.campaign': toOne('Obstacle', 'campaign', (w, r) => id(w.obstacle(PUBLIC, { campaignId: r.id }))),
      'inspectionFinding.campaign': toOne('InspectionFinding', 'campaign', (w, r) => id(w.finding(PUBLIC, { campaignId: r.id }))),
      'keyTask.campaign': toOne('KeyTask', 'campaign', (w, r) => id(w.keyTask(r.id))),
      'projects(filter: campaign)': filter('projects', 'campaign', 'Project', (w, r) => id(w.project(PUBLIC, { campaignId: r.id }))),
      'platforms(filter: campaign)': filter('platforms', 'campaign', 'Platform', (w, r) => id(w.platform(PUBLIC, { campaignIds: [r.id] }))),
      'obstacles(filter: campaign)': filter('obstacles', 'campaign', 'Obstacle', (w, r) => id(w.obstacle(PUBLIC, { campaignId: r.id }))),
      'inspectionFindings(filter: campaign)': filter('inspectionFindings', 'campaign', 'InspectionFinding', (w, r) =>
        id(w.finding(PUBLIC, { campaignId: r.id })),
      ),
    },
  },
  {
    list: 'platforms',
    type: 'Platform',
    byCode: 'platform',
    create: async (w, v) =>
      w.platform(v, { organisationId: (await w.organisation()).id, parkId: (await w.park()).id, parentId: (await w.platform()).id }),
    search: searchByCode,
    doors: {
      'organisation.platforms': nested('Organisation', 'platforms', own('organisationId')),
      'park.platforms': nested('Park', 'platforms', own('parkId')),
      'platform.children': nested('Platform', 'children', own('parentId')),
      'campaign.platforms': nested('Campaign', 'platforms', async (w, r) => {
        const campaign = await w.campaign();
        await w.prisma.platform.update({ where: { id: r.id }, data: { campaigns: { connect: { id: campaign.id } } } });
        return campaign.id;
      }),
      'project.platforms': nested('Project', 'platforms', (w, r) => id(w.project(PUBLIC, { platformIds: [r.id] }))),
      'platform.parent': toOne('Platform', 'parent', (w, r) => id(w.platform(PUBLIC, { parentId: r.id }))),
      'obstacle.platform': toOne('Obstacle', 'platform', (w, r) => id(w.obstacle(PUBLIC, { platformId: r.id }))),
      'inspectionFinding.platform': toOne('InspectionFinding', 'platform', (w, r) => id(w.finding(PUBLIC, { platformId: r.id }))),
      'projects(filter: platform)': filter('projects', 'platform', 'Project', (w, r) => id(w.project(PUBLIC, { platformIds: [r.id] }))),
    },
  },
  {
    list: 'sectors',
    type: 'Sector',
    byCode: 'sector',
    create: (w, v) => w.sector(v),
    search: searchByCode,
    doors: {
      'project.sector': toOne('Project', 'sector', (w, r) => id(w.project(PUBLIC, { sectorId: r.id }))),
      'industryCluster.sector': toOne('IndustryCluster', 'sector', (w, r) => id(w.cluster(PUBLIC, r.id))),
      'projects(filter: sector)': filter('projects', 'sector', 'Project', (w, r) => id(w.project(PUBLIC, { sectorId: r.id }))),
      'industryClusters(filter: sector)': filter('industryClusters', 'sector', 'IndustryCluster', (w, r) => id(w.cluster(PUBLIC, r.id))),
    },
  },
  {
    list: 'industryClusters',
    type: 'IndustryCluster',
    byCode: 'industryCluster',
    create: async (w, v) => w.cluster(v, (await w.sector()).id),
    search: searchByCode,
    doors: {
      'sector.industryClusters': nested('Sector', 'industryClusters', own('sectorId')),
      'project.cluster': toOne('Project', 'cluster', (w, r) => id(w.project(PUBLIC, { clusterId: r.id }))),
      'projects(filter: cluster)': filter('projects', 'cluster', 'Project', (w, r) => id(w.project(PUBLIC, { clusterId: r.id }))),
    },
  },
  {
    list: 'parks',
    type: 'Park',
    byCode: 'park',
    create: (w, v) => w.park(v),
    search: searchByCode,
    doors: {
      'project.park': toOne('Project', 'park', (w, r) => id(w.project(PUBLIC, { parkId: r.id }))),
      'platform.park': toOne('Platform', 'park', (w, r) => id(w.platform(PUBLIC, { parkId: r.id }))),
      'projects(filter: park)': filter('projects', 'park', 'Project', (w, r) => id(w.project(PUBLIC, { parkId: r.id }))),
    },
  },
  {
    list: 'organisations',
    type: 'Organisation',
    byCode: 'organisation',
    create: async (w, v) => w.organisation(v, { parentId: (await w.organisation()).id }),
    search: searchByCode,
    doors: {
      'organisation.children': nested('Organisation', 'children', own('parentId')),
      'project.organisations': nested('Project', 'organisations', async (w, r) => {
        const project = await w.project();
        await w.prisma.organisation.update({ where: { id: r.id }, data: { projects: { connect: { id: project.id } } } });
        return project.id;
      }),
      'organisation.parent': toOne('Organisation', 'parent', (w, r) => id(w.organisation(PUBLIC, { parentId: r.id }))),
      'platform.organisation': toOne('Platform', 'organisation', (w, r) => id(w.platform(PUBLIC, { organisationId: r.id }))),
      'engagement.organisation': toOne('Engagement', 'organisation', (w, r) => id(w.engagement(PUBLIC, { organisationId: r.id }))),
      'projects(filter: organisation)': filter('projects', 'organisation', 'Project', async (w, r) => {
        const project = await w.project();
        await w.prisma.organisation.update({ where: { id: r.id }, data: { projects: { connect: { id: project.id } } } });
        return project.id;
      }),
      'platforms(filter: organisation)': filter('platforms', 'organisation', 'Platform', (w, r) => id(w.platform(PUBLIC, { organisationId: r.id }))),
      'engagements(filter: organisation)': filter('engagements', 'organisation', 'Engagement', (w, r) =>
        id(w.engagement(PUBLIC, { organisationId: r.id })),
      ),
    },
  },
  {
    list: 'projects',
    type: 'Project',
    byCode: 'project',
    create: async (w, v) =>
      w.project(v, {
        campaignId: (await w.campaign()).id,
        sectorId: (await w.sector()).id,
        clusterId: (await w.cluster()).id,
        parkId: (await w.park()).id,
      }),
    search: searchByCode,
    doors: {
      'campaign.projects': nested('Campaign', 'projects', own('campaignId')),
      'sector.projects': nested('Sector', 'projects', own('sectorId')),
      'industryCluster.projects': nested('IndustryCluster', 'projects', own('clusterId')),
      'park.projects': nested('Park', 'projects', own('parkId')),
      'organisation.projects': nested('Organisation', 'projects', (w, r) => id(w.organisation(PUBLIC, { projectIds: [r.id] }))),
      'platform.projects': nested('Platform', 'projects', async (w, r) => {
        const platform = await w.platform();
        await w.prisma.project.update({ where: { id: r.id }, data: { platforms: { connect: { id: platform.id } } } });
        return platform.id;
      }),
      'engagement.project': toOne('Engagement', 'project', (w, r) => id(w.engagement(PUBLIC, { projectId: r.id }))),
      'obstacle.project': toOne('Obstacle', 'project', (w, r) => id(w.obstacle(PUBLIC, { projectId: r.id }))),
      'inspectionFinding.project': toOne('InspectionFinding', 'project', (w, r) => id(w.finding(PUBLIC, { projectId: r.id }))),
      'engagements(filter: project)': filter('engagements', 'project', 'Engagement', (w, r) => id(w.engagement(PUBLIC, { projectId: r.id }))),
      'obstacles(filter: project)': filter('obstacles', 'project', 'Obstacle', (w, r) => id(w.obstacle(PUBLIC, { projectId: r.id }))),
      'inspectionFindings(filter: project)': filter('inspectionFindings', 'project', 'InspectionFinding', (w, r) =>
        id(w.finding(PUBLIC, { projectId: r.id })),
      ),
    },
  },
  {
    list: 'engagements',
    type: 'Engagement',
    create: async (w, v) => w.engagement(v, { projectId: (await w.project()).id, organisationId: (await w.organisation()).id }),
    // Engagements have no code: the list is filtered by the project, which has only this engagement.
    search: async (w, r) => `filter: { project: "${(await w.prisma.project.findUniqueOrThrow({ where: { id: r.projectId as string } })).code}" }`,
    doors: {
      'project.engagements': nested('Project', 'engagements', own('projectId')),
      'organisation.engagements': nested('Organisation', 'engagements', own('organisationId')),
    },
  },
  {
    list: 'obstacles',
    type: 'Obstacle',
    byCode: 'obstacle',
    create: async (w, v) => w.obstacle(v, { campaignId: (await w.campaign()).id, projectId: (await w.project()).id }),
    search: searchByCode,
    doors: {
      'campaign.obstacles': nested('Campaign', 'obstacles', own('campaignId')),
      'project.obstacles': nested('Project', 'obstacles', own('projectId')),
      'inspectionFinding.obstacle': toOne('InspectionFinding', 'obstacle', (w, r) => id(w.finding(PUBLIC, { obstacleId: r.id }))),
    },
  },
  {
    list: 'inspectionFindings',
    type: 'InspectionFinding',
    byCode: 'inspectionFinding',
    create: async (w, v) =>
      w.finding(v, { campaignId: (await w.campaign()).id, projectId: (await w.project()).id, obstacleId: (await w.obstacle()).id }),
    search: searchByCode,
    doors: {
      'campaign.inspectionFindings': nested('Campaign', 'inspectionFindings', own('campaignId')),
      'project.inspectionFindings': nested('Project', 'inspectionFindings', own('projectId')),
      'obstacle.inspectionFindings': nested('Obstacle', 'inspectionFindings', own('obstacleId')),
    },
  },
  {
    list: 'programmes',
    type: 'Programme',
    byCode: 'programme',
    create: (w, v) => w.programme(v),
    doors: {
      'campaign.programme': toOne('Campaign', 'programme', (w, r) => id(w.campaign(PUBLIC, r.id))),
      'project.programme': toOne('Project', 'programme', (w, r) => id(w.project(PUBLIC, { programmeId: r.id }))),
      'indicator.programme': toOne('Indicator', 'programme', (w, r) => id(w.indicator(r.id))),
      'campaigns(filter: programme)': filter('campaigns', 'programme', 'Campaign', (w, r) => id(w.campaign(PUBLIC, r.id))),
    },
  },
];

/** The GraphQL for one door, under `alias`, given the record's code and the neighbour's global ID. */
function doorQuery(alias: string, door: Door, code: string, neighbour: string): string {
  switch (door.via) {
    case 'nested':
      return `${alias}: node(id: "${neighbour}") { ... on ${door.type} { link: ${door.field}(first: 100) { totalCount nodes { id } } } }`;
    case 'toOne':
      return `${alias}: node(id: "${neighbour}") { ... on ${door.type} { link: ${door.field} { id } } }`;
    case 'filter':
      return `${alias}: ${door.list}(first: 100, filter: { ${door.arg}: "${code}" }) { totalCount nodes { id } }`;
  }
}

/** Checks what one door shows of the record `target` (a global ID), given whether the role may see it. */
function expectDoor(label: string, door: Door, result: any, target: string, neighbour: string, seen: boolean) {
  // The neighbour is public: every role reaches it.
  switch (door.via) {
    case 'nested':
      expect.soft(idsOf(result?.link), label).toEqual(seen ? [target] : []);
      expect.soft(result?.link?.totalCount, `${label} totalCount`).toBe(seen ? 1 : 0);
      break;
    case 'toOne':
      expect.soft(result, label).not.toBeNull();
      expect.soft(result?.link, label).toEqual(seen ? { id: target } : null);
      break;
    case 'filter':
      // Other doors may have linked more public records to the same one; this door's must be among them.
      if (seen) expect.soft(idsOf(result), label).toContain(neighbour);
      else expect.soft(idsOf(result), label).toEqual([]);
      expect.soft(result?.totalCount, `${label} totalCount`).toBe(result?.nodes.length);
      break;
  }
}

interface Arranged {
  record: Record_;
  gid: string;
  /** Its cursor in the root list, as an editor reads it. */
  cursor?: string;
  search?: string;
  doors: { name: string; door: Door; neighbour: string }[];
}

describe('visibility: every role against every kind of record', () => {
  let api: TestApi;
  let world: World;
  const headers = new Map<string, Record<string, string>>();
  const arranged = new Map<string, Arranged>();
  const key = (kind: Kind, v: Visibility) => `${kind.list}/${v}`;

  beforeAll(async () => {
    // Each case writes its records straight to the database between reads, which the
    // response cache cannot see (README "Caching"); cache.test.ts tests the cache's visibility.
    api = await startTestApi({ app: { settings: { RESPONSE_CACHE: false } } });
    const programme = await api.db.prisma.programme.findFirstOrThrow({ where: { code: 'GZK-2020' } });
    // Projects that need no campaign of their own go in this one (public, like all of the seed).
    const campaign = await api.db.prisma.campaign.findFirstOrThrow({ where: { programmeId: programme.id }, orderBy: { position: 'asc' } });
    world = new World(api.db.prisma, { programmeId: programme.id, zoneId: programme.zoneId, campaignId: campaign.id });
    for (const { name, role } of ROLES) {
      if (!role) headers.set(name, {});
      else headers.set(name, { authorization: `Bearer ${(await createApiKey(api.db.prisma, { holder: `${name} (visibility test)`, role })).key}` });
    }
    for (const kind of KINDS) {
      for (const v of VISIBILITIES) {
        const record = await kind.create(world, v);
        const doors = [];
        for (const [name, door] of Object.entries(kind.doors)) {
          doors.push({ name, door, neighbour: globalId(door.type, await door.arrange(world, record)) });
        }
        arranged.set(key(kind, v), { record, gid: globalId(kind.type, record.id), search: await kind.search?.(world, record), doors });
      }
      const { list } = await read('editor', `{ list: ${kind.list}(first: 100) { edges { cursor node { id } } } }`);
      const edges = list.edges as { cursor: string; node: { id: string } }[];
      for (const v of VISIBILITIES) {
        const entry = arranged.get(key(kind, v))!;
        entry.cursor = edges.find((e) => e.node.id === entry.gid)?.cursor;
      }
    }
  }, 300_000);
  afterAll(() => api?.close());

  async function read(role: string, query: string, variables?: Record<string, unknown>) {
    const result = await api.execute(query, variables, headers.get(role));
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    return result.data as Record<string, any>;
  }

  describe.each(KINDS)('$list', (kind) => {
    describe.each(ROLES)('as $name', ({ name, sees }) => {
      it.each(VISIBILITIES)('a %s record: list, totalCount, cursor, node, nodes, lookup, search, nested and to-one', async (v) => {
        const { record, gid, cursor, search, doors } = arranged.get(key(kind, v))!;
        const seen = sees.includes(v);
        expect(cursor, 'the editor\'s cursor').toBeDefined();
        const data = await read(
          name,
          `query ($id: ID!, $after: String!) {
            list: ${kind.list}(first: 100) { totalCount pageInfo { hasNextPage } nodes { id visibility } }
            after: ${kind.list}(first: 100, after: $after) { nodes { id } }
            node(id: $id) { id }
            nodes(ids: [$id]) { id }
            ${kind.byCode ? `lookup: ${kind.byCode}(code: "${record.code}") { id }` : ''}
            ${search ? `search: ${kind.list}(first: 100, ${search}) { totalCount nodes { id } }` : ''}
            ${doors.map((d, i) => doorQuery(`door${i}`, d.door, record.code ?? '', d.neighbour)).join('\n')}
          }`,
          { id: gid, after: cursor },
        );

        expect(data.list.pageInfo.hasNextPage, 'the whole list fits a page').toBe(false);
        expect.soft(idsOf(data.list)!.includes(gid), 'in the list').toBe(seen);
        // The list, and its count, hold exactly what the role may see, of everything in the database.
        const hidden = data.list.nodes.filter((n: { visibility: Visibility }) => !sees.includes(n.visibility));
        expect.soft(hidden, 'hidden records in the list').toEqual([]);
        expect.soft(data.list.totalCount, 'totalCount').toBe(data.list.nodes.length);
        // A cursor at a hidden record reads like one at a missing record: nothing follows it.
        const listed = idsOf(data.list)!;
        expect.soft(idsOf(data.after), 'after its cursor').toEqual(seen ? listed.slice(listed.indexOf(gid) + 1) : []);
        expect.soft(data.node, 'node(id:)').toEqual(seen ? { id: gid } : null);
        expect.soft(data.nodes, 'nodes(ids:)').toEqual([seen ? { id: gid } : null]);
        if (kind.byCode) expect.soft(data.lookup, `${kind.byCode}(code:)`).toEqual(seen ? { id: gid } : null);
        if (search) {
          expect.soft(idsOf(data.search), search).toEqual(seen ? [gid] : []);
          expect.soft(data.search.totalCount, `${search} totalCount`).toBe(seen ? 1 : 0);
        }
        doors.forEach((d, i) => expectDoor(d.name, d.door, data[`door${i}`], gid, d.neighbour, seen));
      });

      it('the list and its totalCount hold every record the role may see, and no other', async () => {
        const model = kind.type.charAt(0).toLowerCase() + kind.type.slice(1);
        const delegate = (api.db.prisma as unknown as Record<string, { findMany(args: object): Promise<{ id: string }[]> }>)[model]!;
        const expected = await delegate.findMany({ where: { archivedAt: null, visibility: { in: [...sees] } }, select: { id: true } });
        const data = await read(name, `{ list: ${kind.list}(first: 100) { totalCount nodes { id } } }`);
        expect(new Set(idsOf(data.list))).toEqual(new Set(expected.map((r) => globalId(kind.type, r.id))));
        expect(data.list.totalCount).toBe(expected.length);
      });
    });
  });

  describe('investment figures follow the project\'s investmentVisibility', () => {
    const projects = new Map<Visibility, { id: string; code: string; campaignId: string; recordId: string }>();
    beforeAll(async () => {
      for (const v of VISIBILITIES) {
        const campaign = await world.campaign();
        const project = await world.project(PUBLIC, {
          campaignId: campaign.id,
          investmentVisibility: v,
          plannedInvestment: 1000,
          completedInvestment: 30,
        });
        const record = await api.db.prisma.investmentRecord.create({ data: { projectId: project.id, month: new Date('2021-03-01'), amount: 30 } });
        projects.set(v, { id: project.id, code: project.code, campaignId: project.campaignId, recordId: record.id });
      }
    });

    describe.each(ROLES)('as $name', ({ name, sees }) => {
      it.each(VISIBILITIES)('figures with investmentVisibility %s', async (v) => {
        const project = projects.get(v)!;
        const seen = sees.includes(v);
        const figures = 'plannedInvestment completedInvestment investments(first: 10) { totalCount nodes { id amount } }';
        const data = await read(
          name,
          `query ($id: ID!, $record: ID!, $campaign: ID!, $code: String!) {
            node(id: $id) { ... on Project { ${figures} } }
            list: projects(filter: { search: $code }) { nodes { ${figures} } }
            nested: node(id: $campaign) { ... on Campaign { projects { nodes { ${figures} } } } }
            record: node(id: $record) { id }
          }`,
          {
            id: globalId('Project', project.id),
            record: globalId('InvestmentRecord', project.recordId),
            campaign: globalId('Campaign', project.campaignId),
            code: project.code,
          },
        );
        const decimal = (n: number) => expect.stringMatching(new RegExp(`^${n}(\\.0+)?$`));
        const expected = seen
          ? {
              plannedInvestment: decimal(1000),
              completedInvestment: decimal(30),
              investments: { totalCount: 1, nodes: [{ id: globalId('InvestmentRecord', project.recordId), amount: decimal(30) }] },
            }
          : { plannedInvestment: null, completedInvestment: null, investments: { totalCount: 0, nodes: [] } };
        expect.soft(data.node, 'node(id:)').toEqual(expected);
        expect.soft(data.list.nodes, 'projects(filter:)').toEqual([expected]);
        expect.soft(data.nested.projects.nodes, 'campaign.projects').toEqual([expected]);
        expect.soft(data.record, 'node(id:) of a monthly record').toEqual(seen ? { id: globalId('InvestmentRecord', project.recordId) } : null);
      });

      it('sorting by figures does not give away the order of hidden ones', async () => {
        // One campaign of three public projects, in code order: a public figure of 100, then restricted
        // ones of 300 and 200 — so that ordering the hidden ones by their figures and by their codes differ.
        const campaign = await world.campaign();
        const figures: [Visibility, number][] = [[PUBLIC, 100], [RESTRICTED, 300], [RESTRICTED, 200]];
        const codes: string[] = [];
        for (const [investmentVisibility, amount] of figures) {
          const project = await world.project(PUBLIC, {
            campaignId: campaign.id,
            investmentVisibility,
            plannedInvestment: amount,
            completedInvestment: amount,
          });
          codes.push(project.code);
        }
        const [first, second, third] = codes as [string, string, string];
        const order = async (field: string, after?: string) => {
          const data = await read(
            name,
            `query ($campaign: String!, $after: String) {
              projects(filter: { campaign: $campaign }, orderBy: { field: ${field}, direction: DESC }, first: 2, after: $after) {
                totalCount pageInfo { hasNextPage endCursor } nodes { code }
              }
            }`,
            { campaign: campaign.code, after },
          );
          return data.projects;
        };
        const whole = async (field: string) => {
          const first = await order(field);
          const second = first.pageInfo.hasNextPage ? await order(field, first.pageInfo.endCursor) : { nodes: [] };
          return [...first.nodes, ...second.nodes].map((p: { code: string }) => p.code);
        };
        const allSeen = sees.includes(RESTRICTED);
        // Missing and hidden figures sort last; hidden ones then go by code (in the sort's direction),
        // never by the figures the caller may not see.
        for (const field of ['PLANNED_INVESTMENT', 'COMPLETED_INVESTMENT']) {
          expect(await whole(field)).toEqual(allSeen ? [second, third, first] : [first, third, second]);
        }
      });
    });
  });

  describe('records without a visibility of their own follow the record they belong to', () => {
    const parents = new Map<Visibility, { stageChange: string; cadenceRule: string; indicator: string }>();
    beforeAll(async () => {
      for (const v of VISIBILITIES) {
        const project = await world.project(v);
        const stageChange = await api.db.prisma.projectStageChange.create({
          data: { projectId: project.id, toStage: 'SIGNED', occurredOn: new Date('2021-04-01') },
        });
        const programme = await world.programme(v);
        const cadenceRule = await api.db.prisma.cadenceRule.create({
          data: { programmeId: programme.id, activity: 'SIGNING', period: 'WEEK', textZh: '每周签约', textEn: 'A signing every week' },
        });
        const indicator = await api.db.prisma.indicator.create({
          data: {
            code: world.code('IND'),
            programmeId: programme.id,
            nameZh: '指标',
            nameEn: 'Indicator',
            unitZh: '个',
            unitEn: 'items',
            target: 3,
            visibility: v,
            values: { create: { observedOn: new Date('2021-06-30'), value: 2 } },
          },
        });
        parents.set(v, { stageChange: stageChange.id, cadenceRule: cadenceRule.id, indicator: indicator.id });
      }
    });

    describe.each(ROLES)('as $name', ({ name, sees }) => {
      it.each(VISIBILITIES)('of a %s parent', async (v) => {
        const ids = parents.get(v)!;
        const seen = sees.includes(v);
        const data = await read(
          name,
          `query ($stageChange: ID!, $cadenceRule: ID!, $indicator: ID!) {
            stageChange: node(id: $stageChange) { id ... on ProjectStageChange { project { id } } }
            cadenceRule: node(id: $cadenceRule) { id ... on CadenceRule { programme { id } } }
            indicator: node(id: $indicator) { ... on Indicator { values { totalCount } latestValue { value } } }
          }`,
          {
            stageChange: globalId('ProjectStageChange', ids.stageChange),
            cadenceRule: globalId('CadenceRule', ids.cadenceRule),
            indicator: globalId('Indicator', ids.indicator),
          },
        );
        expect.soft(data.stageChange === null, 'a project stage change').toBe(!seen);
        expect.soft(data.cadenceRule === null, 'a cadence rule').toBe(!seen);
        const values = { values: { totalCount: 1 }, latestValue: { value: expect.stringMatching(/^2(\.0+)?$/) } };
        expect.soft(data.indicator, 'an indicator\'s values').toEqual(seen ? values : null);
      });
    });
  });

  describe('anonymous reading switched off', () => {
    it('answers 401 UNAUTHENTICATED to a request without a key, and serves one with a key', async () => {
      const closed = createApp({ db: api.db, logger: createLogger('silent'), allowAnonymous: false });
      const post = (extra: Record<string, string>) =>
        closed.fetch('http://zonegraph.test/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...extra },
          body: JSON.stringify({ query: '{ projects(first: 1) { totalCount } }' }),
        });
      const refused = await post({});
      expect(refused.status).toBe(401);
      const body = (await refused.json()) as { data?: unknown; errors: { extensions: { code: string } }[] };
      expect(body.errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
      expect(body.data ?? null).toBeNull();
      const served = await post(headers.get('partner')!);
      expect(served.status).toBe(200);
      expect(((await served.json()) as { data: { projects: { totalCount: number } } }).data.projects.totalCount).toBeGreaterThan(0);
    });
  });
});
