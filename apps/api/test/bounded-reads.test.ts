import { createApiKey, Role } from '@zonegraph/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from './testkit.ts';

/**
 * A request reads about as many rows as it answers with, whatever the size of
 * the database: nested pages are cut in SQL per parent, and every ordering
 * walks an index and stops at the page's end — also for callers who may not
 * see every investment figure. Rows read are PostgreSQL's own counters
 * (`seq_tup_read + idx_tup_fetch` over every table), flushed by the one
 * connection the API uses here; `totalCount` is left out of the questions,
 * since a count reads what it counts.
 */

const BIG = 20_000;
/** The answer's 20 rows, and a small constant per list (lookups, the key check). */
const BOUND = 300;

const questions: Record<string, string> = {
  'a campaign’s projects, nested under the campaign list': `{
    campaigns(first: 10) { nodes { code projects(first: 20) { nodes { code nameZh stage cluster { code } } } } } }`,
  'the next nested page, after a cursor': `query ($after: String) {
    campaign(code: "BIG-C") { projects(first: 20, after: $after) { nodes { code } } } }`,
  'a project’s stage history': `{
    project(code: "BIG-P-00001") { stageHistory(first: 20) { nodes { toStage occurredOn } } } }`,
  'projects by code': `{ projects(first: 20) { nodes { code campaign { code } } } }`,
  'projects of one campaign': `{ projects(first: 20, filter: { campaign: "BIG-C" }) { nodes { code } } }`,
  ...Object.fromEntries(
    ['NAME_ZH', 'NAME_EN', 'STAGE', 'LAST_CHANGE', 'PLANNED_INVESTMENT', 'COMPLETED_INVESTMENT'].flatMap((field) =>
      ['ASC', 'DESC'].map((direction) => [
        `projects by ${field} ${direction}`,
        `{ projects(first: 20, orderBy: { field: ${field}, direction: ${direction} }) { nodes { code plannedInvestment completedInvestment } } }`,
      ]),
    ),
  ),
};

describe(`rows read per request, with ${BIG.toLocaleString('en')} rows behind a relation`, () => {
  let api: TestApi;
  const keys: Record<string, string | undefined> = { anonymous: undefined };
  const statementsBefore = new Map<string, number>();

  async function rowsReadSoFar(): Promise<number> {
    // The API's one connection publishes its counters first (PostgreSQL otherwise does so when idle, seconds later).
    await api.db.prisma.$executeRawUnsafe('SELECT pg_stat_force_next_flush()');
    const [row] = await api.db.prisma.$queryRawUnsafe<{ n: bigint }[]>(
      'SELECT sum(coalesce(seq_tup_read, 0) + coalesce(idx_tup_fetch, 0))::bigint AS n FROM pg_stat_user_tables',
    );
    return Number(row!.n);
  }

  async function ask(query: string, role: string, variables?: Record<string, unknown>) {
    const key = keys[role];
    const result = await api.execute(query, variables, key ? { authorization: `Bearer ${key}` } : {});
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    return result.data!;
  }

  async function measure(query: string, role: string, variables?: Record<string, unknown>) {
    await ask(query, role, variables); // plans and caches warm
    const before = await rowsReadSoFar();
    api.statements.length = 0;
    const data = await ask(query, role, variables);
    const statements = api.statements.length;
    return { rows: (await rowsReadSoFar()) - before, statements, data };
  }

  beforeAll(async () => {
    // One connection, so that the counters the test flushes are the ones the requests moved.
    // No response cache: each question is asked twice (warm-up, then measured), and the
    // measured one would be a cache hit that reads nothing; the rows are also inserted
    // straight into the database, which the cache cannot see.
    api = await startTestApi({ poolSize: 1, app: { settings: { RESPONSE_CACHE: false } } });
    keys.analyst = (await createApiKey(api.db.prisma, { holder: 'bounded reads', role: Role.ANALYST })).key;
    keys.admin = (await createApiKey(api.db.prisma, { holder: 'bounded reads', role: Role.ADMIN })).key;
    // A campaign with BIG projects (a fifth with hidden figures, a few hidden or archived), one project with BIG stage changes.
    // First one of each, so that the statements are counted for the same answers, small.
    const prisma = api.db.prisma;
    await prisma.$executeRawUnsafe(`
      INSERT INTO "Campaign" (id, "programmeId", code, position, "nameZh", "nameEn", "updatedAt")
      SELECT gen_random_uuid(), id, 'BIG-C', 99, '大', 'Big', now() FROM "Programme" LIMIT 1`);
    const addProjects = (from: number, to: number) => prisma.$executeRawUnsafe(`
      INSERT INTO "Project" (id, "programmeId", code, "nameZh", "nameEn", "campaignId", stage, "stageChangedAt",
                             "plannedInvestment", "completedInvestment", "investmentVisibility", visibility, "archivedAt", "updatedAt")
      SELECT gen_random_uuid(), c."programmeId", 'BIG-P-' || lpad(g::text, 5, '0'), '项目' || g, 'Project ' || g, c.id,
             (ARRAY['NEGOTIATING','SIGNED','UNDER_CONSTRUCTION','OPERATING']::"ProjectStage"[])[1 + g % 4],
             now() - g * interval '1 minute', (g % 997) * 1000, (g % 991) * 10,
             (CASE WHEN g % 5 = 0 THEN 'RESTRICTED' WHEN g % 5 = 1 THEN 'INTERNAL' ELSE 'PUBLIC' END)::"Visibility",
             (CASE WHEN g % 50 = 0 THEN 'INTERNAL' ELSE 'PUBLIC' END)::"Visibility",
             CASE WHEN g % 97 = 0 THEN now() END, now()
      FROM generate_series(${from}, ${to}) g, "Campaign" c WHERE c.code = 'BIG-C'`);
    const addStageChanges = (from: number, to: number) => prisma.$executeRawUnsafe(`
      INSERT INTO "ProjectStageChange" (id, "projectId", "fromStage", "toStage", "occurredOn")
      SELECT gen_random_uuid(), p.id, 'NEGOTIATING', 'SIGNED', date '2020-01-01' + g % 3000
      FROM generate_series(${from}, ${to}) g, "Project" p WHERE p.code = 'BIG-P-00001'`);
    await addProjects(1, 2);
    await addStageChanges(1, 2);
    for (const [name, query] of Object.entries(questions)) {
      if (!name.includes('after')) statementsBefore.set(name, (await measure(query, 'admin')).statements);
    }
    await addProjects(3, BIG);
    await addStageChanges(3, BIG);
    await prisma.$executeRawUnsafe('ANALYZE');
  }, 300_000);
  afterAll(() => api.close());

  for (const role of ['anonymous', 'analyst', 'admin']) {
    for (const [name, query] of Object.entries(questions)) {
      it(`as ${role}: ${name}`, async () => {
        let variables: Record<string, unknown> | undefined;
        if (name.includes('after')) {
          const first = await ask(`{ campaign(code: "BIG-C") { projects(first: 20) { pageInfo { endCursor } } } }`, role);
          variables = { after: first.campaign.projects.pageInfo.endCursor };
        }
        const { rows, statements, data } = await measure(query, role, variables);
        expect(JSON.stringify(data)).toMatch(/"(code|toStage)":/);
        expect(rows, `${rows} rows read`).toBeLessThanOrEqual(BOUND);
        // The same statements as before the big rows were there.
        if (role === 'admin' && statementsBefore.has(name)) expect(statements).toBe(statementsBefore.get(name));
      });
    }
  }
});
