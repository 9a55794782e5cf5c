// The read benchmark's questions, each asked of every server in that server's
// own terms (zonegraph's schema, PostGraphile's generated one, the limit's
// one SQL statement per path), and each answer brought to one shape so that
// the three can be compared record by record.
//
// Plain TypeScript with erasable types only: the limit server imports the
// fixture type under Node 22's type stripping.

export type ServerKind = 'zonegraph' | 'postgraphile' | 'limit';
export type QuestionKey = 'a' | 'b' | 'c' | 'd' | 'e' | 'f' | 'g';

/** The stages in the order of the database's enum, as zonegraph orders its groups. */
const STAGES = ['NEGOTIATING', 'SIGNED', 'UNDER_CONSTRUCTION', 'OPERATING', 'ENROLLING', 'SUSPENDED', 'CANCELLED'];

/** Facts about the database the questions are built from (see fixture.ts). */
export interface Fixture {
  projects: { id: string; code: string }[];
  /** The campaign with the most current projects, for the filtered page. */
  pageCampaign: { id: string; code: string };
  search: string;
  stages: string[];
  /** Existing monthly investment records, for the write question to record again. */
  investments: { id: string; projectId: string; month: string }[];
}

export interface Request {
  path: string;
  body: string;
}

export interface Question {
  key: QuestionKey;
  title: string;
  /** One request; `pick` draws a project at random where the question asks about one. */
  request(server: ServerKind, fixture: Fixture, pick: () => { id: string; code: string }): Request;
  /** The answer in the shape every server's is compared in. */
  normalise(server: ServerKind, json: any): unknown;
  /** A write: its answers are not compared (each server writes differently), and anonymous callers may not ask it. */
  write?: boolean;
}

const graphql = (query: string, variables: Record<string, unknown> = {}): Request => ({
  path: '/graphql',
  body: JSON.stringify({ query, variables }),
});
const limit = (question: QuestionKey, variables: Record<string, unknown> = {}): Request => ({
  path: `/q/${question}`,
  body: JSON.stringify(variables),
});

/** zonegraph's global IDs: base64 of `Type:uuid`. */
export const zonegraphId = (uuid: string) => Buffer.from(`Project:${uuid}`).toString('base64');
/** PostGraphile's global IDs: base64 of `["Type","uuid"]`. */
export const postgraphileId = (uuid: string) => Buffer.from(JSON.stringify(['Project', uuid])).toString('base64');

/** Exact decimals travel as strings (zonegraph "1000000.00", PostGraphile "1000000") or JSON numbers (the limit). */
const decimal = (v: unknown) => (v == null ? null : Number(v));
const named = (v: any) => (v ? { code: v.code, nameEn: v.nameEn } : null);

/** Answers that carry errors are not answers: they fail the check rather than normalise to something empty. */
function data(json: any): any {
  if (!json || json.errors || json.data == null) throw new Error(`error answer: ${JSON.stringify(json).slice(0, 400)}`);
  return json.data;
}

const projectRow = (p: any, campaign: any, cluster: any) => ({
  code: p.code,
  nameEn: p.nameEn,
  stage: p.stage,
  plannedInvestment: decimal(p.plannedInvestment),
  campaign: named(campaign),
  cluster: cluster ? { ...named(cluster), sector: named(cluster.sector) } : null,
});

export const QUESTIONS: Question[] = [
  {
    key: 'a',
    title: 'first 50 projects by code, campaign, cluster + sector, 10 organisations each',
    request(server) {
      if (server === 'zonegraph') {
        return graphql(`{ projects(first: 50, orderBy: { field: CODE, direction: ASC }) { nodes {
          code nameEn stage plannedInvestment
          campaign { code nameEn }
          cluster { code nameEn sector { code nameEn } }
          organisations(first: 10) { nodes { code nameEn } } } } }`);
      }
      if (server === 'postgraphile') {
        // PostGraphile sees the many-to-many table as a table of its own: the organisations come
        // through it, ordered by the junction's organisation id (the normaliser orders them by code).
        return graphql(`{ allProjects(first: 50, orderBy: CODE_ASC, condition: { archivedAt: null }) { nodes {
          code nameEn stage plannedInvestment
          campaignByCampaignId { code nameEn }
          industryClusterByClusterId { code nameEn sectorBySectorId { code nameEn } }
          _organisationToProjectsByB(first: 10, orderBy: A_ASC) { nodes { organisationByA { code nameEn } } } } } }`);
      }
      return limit('a');
    },
    normalise(server, json) {
      const d = data(json);
      if (server === 'zonegraph') {
        return d.projects.nodes.map((p: any) => ({ ...projectRow(p, p.campaign, p.cluster), organisations: p.organisations.nodes.map(named) }));
      }
      if (server === 'postgraphile') {
        return d.allProjects.nodes.map((p: any) => ({
          ...projectRow(p, p.campaignByCampaignId, p.industryClusterByClusterId && { ...p.industryClusterByClusterId, sector: p.industryClusterByClusterId.sectorBySectorId }),
          organisations: p._organisationToProjectsByB.nodes.map((j: any) => named(j.organisationByA)).sort((x: any, y: any) => (x.code < y.code ? -1 : 1)),
        }));
      }
      return d.projects.map((p: any) => ({ ...projectRow(p, p.campaign, p.cluster), organisations: p.organisations }));
    },
  },
  {
    key: 'b',
    title: '10 campaigns x 20 projects each, with cluster',
    request(server) {
      if (server === 'zonegraph') {
        return graphql(`{ campaigns(first: 10) { nodes { code nameEn
          projects(first: 20) { nodes { code nameEn stage cluster { code nameEn } } } } } }`);
      }
      if (server === 'postgraphile') {
        return graphql(`{ allCampaigns(first: 10, orderBy: POSITION_ASC, condition: { archivedAt: null }) { nodes { code nameEn
          projectsByCampaignId(first: 20, orderBy: CODE_ASC, condition: { archivedAt: null }) { nodes { code nameEn stage industryClusterByClusterId { code nameEn } } } } } }`);
      }
      return limit('b');
    },
    normalise(server, json) {
      const d = data(json);
      const campaigns = server === 'zonegraph' ? d.campaigns.nodes : server === 'postgraphile' ? d.allCampaigns.nodes : d.campaigns;
      return campaigns.map((c: any) => {
        const projects = server === 'zonegraph' ? c.projects.nodes : server === 'postgraphile' ? c.projectsByCampaignId.nodes : c.projects;
        return {
          code: c.code,
          nameEn: c.nameEn,
          projects: projects.map((p: any) => ({ code: p.code, nameEn: p.nameEn, stage: p.stage, cluster: named(server === 'postgraphile' ? p.industryClusterByClusterId : p.cluster) })),
        };
      });
    },
  },
  {
    key: 'c',
    title: 'one project by code with its last 20 stage changes',
    request(server, _fixture, pick) {
      const { code } = pick();
      if (server === 'zonegraph') {
        return graphql(`query ($code: String!) { project(code: $code) { code nameEn stage
          stageHistory(first: 20) { nodes { fromStage toStage occurredOn } } } }`, { code });
      }
      if (server === 'postgraphile') {
        return graphql(`query ($code: String!) { allProjects(condition: { code: $code }, first: 1) { nodes { code nameEn stage
          projectStageChangesByProjectId(first: 20, orderBy: [OCCURRED_ON_DESC, CREATED_AT_DESC, ROW_ID_ASC]) { nodes { fromStage toStage occurredOn } } } } }`, { code });
      }
      return limit('c', { code });
    },
    normalise(server, json) {
      const d = data(json);
      const p = server === 'zonegraph' ? d.project : server === 'postgraphile' ? d.allProjects.nodes[0] : d.project;
      if (!p) return null;
      const changes = server === 'zonegraph' ? p.stageHistory.nodes : server === 'postgraphile' ? p.projectStageChangesByProjectId.nodes : p.stageHistory;
      return { code: p.code, nameEn: p.nameEn, stage: p.stage, stageHistory: changes.map((s: any) => ({ fromStage: s.fromStage, toStage: s.toStage, occurredOn: s.occurredOn })) };
    },
  },
  {
    key: 'd',
    title: 'node(id:) of a random project',
    request(server, _fixture, pick) {
      const { id } = pick();
      if (server === 'zonegraph') {
        return graphql(`query ($id: ID!) { node(id: $id) { id ... on Project { code nameEn stage plannedInvestment } } }`, { id: zonegraphId(id) });
      }
      if (server === 'postgraphile') {
        return graphql(`query ($id: ID!) { node(id: $id) { id ... on Project { code nameEn stage plannedInvestment } } }`, { id: postgraphileId(id) });
      }
      return limit('d', { id: zonegraphId(id) });
    },
    normalise(_server, json) {
      const p = data(json).node;
      // The ID's encoding is each server's own; the record behind it is what must agree.
      return p && { code: p.code, nameEn: p.nameEn, stage: p.stage, plannedInvestment: decimal(p.plannedInvestment) };
    },
  },
  {
    key: 'e',
    title: 'a filtered, searched, ordered page of 20 with totalCount',
    request(server, fixture) {
      const { pageCampaign, search, stages } = fixture;
      if (server === 'zonegraph') {
        return graphql(
          `query ($campaign: String!, $search: String!, $stages: [ProjectStage!]) {
            projects(first: 20, filter: { campaign: $campaign, stage: $stages, search: $search }, orderBy: { field: CODE, direction: DESC }) {
              totalCount nodes { code nameEn stage plannedInvestment } } }`,
          { campaign: pageCampaign.code, search, stages },
        );
      }
      if (server === 'postgraphile') {
        return graphql(
          `query ($campaign: UUID!, $search: String!, $stages: [ProjectStage!]) {
            allProjects(first: 20, orderBy: CODE_DESC, filter: {
              archivedAt: { isNull: true }, campaignId: { equalTo: $campaign }, stage: { in: $stages },
              or: [{ nameZh: { includes: $search } }, { nameEn: { includesInsensitive: $search } }, { code: { equalToInsensitive: $search } }] }) {
              totalCount nodes { code nameEn stage plannedInvestment } } }`,
          { campaign: pageCampaign.id, search, stages },
        );
      }
      return limit('e', { campaign: pageCampaign.code, search, stages });
    },
    normalise(server, json) {
      const d = data(json);
      const page = server === 'zonegraph' ? d.projects : server === 'postgraphile' ? d.allProjects : d.projects;
      return {
        totalCount: page.totalCount,
        nodes: page.nodes.map((p: any) => ({ code: p.code, nameEn: p.nameEn, stage: p.stage, plannedInvestment: decimal(p.plannedInvestment) })),
      };
    },
  },
  {
    key: 'f',
    title: 'analytics: the pipeline by stage (projects; planned and completed investment where the server can sum)',
    request(server) {
      if (server === 'zonegraph') {
        return graphql(`{ pipelineReport { total { projects plannedInvestment completedInvestment }
          groups(by: [STAGE]) { stage figures { projects plannedInvestment completedInvestment } } } }`);
      }
      if (server === 'postgraphile') {
        // PostGraphile 5 has no aggregates without a plugin (@graphile/pg-aggregates is for version 4 only):
        // it can count each stage's current projects, not sum their investment.
        return graphql(`{ ${STAGES.map((stage) => `${stage}: allProjects(condition: { stage: ${stage}, archivedAt: null }) { totalCount }`).join(' ')} }`);
      }
      return limit('f');
    },
    normalise(server, json) {
      const d = data(json);
      // Compared: current projects per stage, empty stages left out (what all three can answer).
      if (server === 'zonegraph') return d.pipelineReport.groups.map((g: any) => ({ stage: g.stage, projects: g.figures.projects }));
      if (server === 'postgraphile') return STAGES.map((stage) => ({ stage, projects: d[stage].totalCount })).filter((g) => g.projects > 0);
      return d.pipelineReport.groups.map((g: any) => ({ stage: g.stage, projects: g.projects }));
    },
  },
  {
    key: 'g',
    title: 'write: record a month\'s investment again (a random existing record, a new amount)',
    write: true,
    request(server, fixture) {
      const record = fixture.investments[Math.floor(Math.random() * fixture.investments.length)]!;
      const amount = `${100_000 + Math.floor(Math.random() * 1_900_000)}.00`;
      if (server === 'zonegraph') {
        // One transaction: lock the project, upsert the month, sum the months into the project, audit event.
        return graphql(
          `mutation ($input: RecordInvestmentInput!) { recordInvestment(input: $input) {
            __typename ... on RecordInvestmentSuccess { project { code completedInvestment } } ... on Error { message } } }`,
          { input: { id: zonegraphId(record.projectId), month: record.month, amount } },
        );
      }
      if (server === 'postgraphile') {
        // PostGraphile's generated update of the record by its key: the amount only. It keeps neither the
        // project's completed investment (zonegraph's code does that, not a trigger) nor an audit trail.
        return graphql(
          `mutation ($rowId: UUID!, $amount: BigFloat!) { updateInvestmentRecordByRowId(input: { rowId: $rowId, investmentRecordPatch: { amount: $amount } }) {
            investmentRecord { amount projectByProjectId { code completedInvestment } } } }`,
          { rowId: record.id, amount },
        );
      }
      return limit('g', { projectId: record.projectId, month: record.month, amount });
    },
    normalise(_server, json) {
      return data(json);
    },
  },
];
