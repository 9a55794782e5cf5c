// "The limit": what the read questions cost when nothing stands between HTTP
// and PostgreSQL but one hand-written statement each, which builds the whole
// JSON answer in the database (json_agg over lateral subqueries) so that the
// process only copies text. Admin's view: every current record, no visibility
// rules, the same orders as zonegraph's schema.
//
// POST /q/<question> with the variables as a JSON body. Started by bench/read
// under Node >= 22 (type stripping) with DATABASE_URL, PORT, HOST, POOL_SIZE;
// prints "ready at <url>" once it listens.
import { createServer } from 'node:http';
import pg from 'pg';

const { DATABASE_URL, HOST = '127.0.0.1', PORT = '0', POOL_SIZE = '10' } = process.env;
const pool = new pg.Pool({ connectionString: DATABASE_URL, max: Number(POOL_SIZE) });
pool.on('error', (error) => console.error('idle client error', error.message));

const named = (alias: string) => `json_build_object('code', ${alias}.code, 'nameEn', ${alias}."nameEn")`;

/** One statement per question; `$n` are filled from the body by `params`. */
const STATEMENTS: Record<string, { sql: string; params: (v: any) => unknown[] }> = {
  a: {
    // To-one relations as joins (each small table read once), to-many as a lateral page per project.
    sql: `
      SELECT json_build_object('data', json_build_object('projects', coalesce(json_agg(json_build_object(
        'code', p.code, 'nameEn', p."nameEn", 'stage', p.stage, 'plannedInvestment', p."plannedInvestment",
        'campaign', CASE WHEN c.id IS NOT NULL THEN ${named('c')} END,
        'cluster', CASE WHEN k.id IS NOT NULL THEN json_build_object('code', k.code, 'nameEn', k."nameEn",
                                                                     'sector', CASE WHEN s.id IS NOT NULL THEN ${named('s')} END) END,
        'organisations', o.list
      ) ORDER BY p.code), '[]')))::text AS answer
      FROM (SELECT * FROM "Project" WHERE "archivedAt" IS NULL ORDER BY code LIMIT 50) p
      LEFT JOIN "Campaign" c ON c.id = p."campaignId"
      LEFT JOIN "IndustryCluster" k ON k.id = p."clusterId"
      LEFT JOIN "Sector" s ON s.id = k."sectorId"
      CROSS JOIN LATERAL (
        SELECT coalesce(json_agg(${named('o')} ORDER BY o.code), '[]') AS list
          FROM (SELECT o.code, o."nameEn" FROM "_OrganisationToProject" j JOIN "Organisation" o ON o.id = j."A"
                 WHERE j."B" = p.id AND o."archivedAt" IS NULL ORDER BY o.code LIMIT 10) o) o`,
    params: () => [],
  },
  b: {
    sql: `
      SELECT json_build_object('data', json_build_object('campaigns', coalesce(json_agg(json_build_object(
        'code', c.code, 'nameEn', c."nameEn", 'projects', page.list
      ) ORDER BY c."periodStart" DESC, c.position, c.id), '[]')))::text AS answer
      FROM (SELECT c.*, g."periodStart" FROM "Campaign" c JOIN "Programme" g ON g.id = c."programmeId"
             WHERE c."archivedAt" IS NULL ORDER BY g."periodStart" DESC, c.position, c.id LIMIT 10) c
      CROSS JOIN LATERAL (
        SELECT coalesce(json_agg(json_build_object('code', p.code, 'nameEn', p."nameEn", 'stage', p.stage,
                                                   'cluster', CASE WHEN k.id IS NOT NULL THEN ${named('k')} END) ORDER BY p.code), '[]') AS list
          FROM (SELECT * FROM "Project" p WHERE p."campaignId" = c.id AND p."archivedAt" IS NULL ORDER BY p.code LIMIT 20) p
          LEFT JOIN "IndustryCluster" k ON k.id = p."clusterId") page`,
    params: () => [],
  },
  c: {
    sql: `
      SELECT json_build_object('data', json_build_object('project', (
        SELECT json_build_object('code', p.code, 'nameEn', p."nameEn", 'stage', p.stage,
          'stageHistory', (SELECT coalesce(json_agg(json_build_object('fromStage', s."fromStage", 'toStage', s."toStage", 'occurredOn', s."occurredOn")
                                                    ORDER BY s."occurredOn" DESC, s."createdAt" DESC, s.id), '[]')
                             FROM (SELECT * FROM "ProjectStageChange" s WHERE s."projectId" = p.id
                                    ORDER BY s."occurredOn" DESC, s."createdAt" DESC, s.id LIMIT 20) s))
          FROM "Project" p WHERE p.code = $1)))::text AS answer`,
    params: (v) => [String(v.code)],
  },
  d: {
    sql: `
      SELECT json_build_object('data', json_build_object('node', (
        SELECT json_build_object('code', p.code, 'nameEn', p."nameEn", 'stage', p.stage, 'plannedInvestment', p."plannedInvestment")
          FROM "Project" p WHERE p.id = $1::uuid)))::text AS answer`,
    params: (v) => {
      const decoded = Buffer.from(String(v.id), 'base64').toString('utf8');
      if (!decoded.startsWith('Project:')) throw new RangeError('not a project ID');
      return [decoded.slice('Project:'.length)];
    },
  },
  e: {
    sql: `
      WITH matching AS (
        SELECT p.code, p."nameEn", p.stage, p."plannedInvestment" FROM "Project" p
         WHERE p."archivedAt" IS NULL
           AND p."campaignId" = (SELECT id FROM "Campaign" WHERE code = $1)
           AND p.stage = ANY ($3::"ProjectStage"[])
           AND (p."nameZh" LIKE '%' || $2 || '%' OR p."nameEn" ILIKE '%' || $2 || '%' OR lower(p.code) = lower($2)))
      SELECT json_build_object('data', json_build_object('projects', json_build_object(
        'totalCount', (SELECT count(*) FROM matching),
        'nodes', (SELECT coalesce(json_agg(json_build_object('code', m.code, 'nameEn', m."nameEn", 'stage', m.stage, 'plannedInvestment', m."plannedInvestment")
                                           ORDER BY m.code DESC), '[]')
                    FROM (SELECT * FROM matching ORDER BY code DESC LIMIT 20) m))))::text AS answer`,
    params: (v) => [String(v.campaign), String(v.search), (v.stages as string[]) ?? []],
  },
  f: {
    // The pipeline of the programme whose period started last, by stage, with its investment sums.
    sql: `
      SELECT json_build_object('data', json_build_object('pipelineReport', json_build_object('groups', coalesce(json_agg(json_build_object(
        'stage', g.stage, 'projects', g.projects, 'plannedInvestment', g.planned, 'completedInvestment', g.completed) ORDER BY g.stage), '[]'))))::text AS answer
      FROM (SELECT p.stage, count(*) AS projects, coalesce(sum(p."plannedInvestment"), 0) AS planned, coalesce(sum(p."completedInvestment"), 0) AS completed
              FROM "Project" p
             WHERE p."archivedAt" IS NULL
               AND p."programmeId" = (SELECT id FROM "Programme" ORDER BY "periodStart" DESC LIMIT 1)
             GROUP BY p.stage) g`,
    params: () => [],
  },
  g: {
    // The month upserted and the project's completed investment kept, in one statement (no audit trail).
    sql: `
      WITH previous AS (SELECT amount FROM "InvestmentRecord" WHERE "projectId" = $1::uuid AND month = $2::date),
      saved AS (
        INSERT INTO "InvestmentRecord" (id, "projectId", month, amount, "updatedAt") VALUES (gen_random_uuid(), $1::uuid, $2::date, $3::numeric, now())
        ON CONFLICT ("projectId", month) DO UPDATE SET amount = EXCLUDED.amount, "updatedAt" = now() RETURNING amount),
      project AS (
        UPDATE "Project" SET "completedInvestment" = coalesce("completedInvestment", 0) - coalesce((SELECT amount FROM previous), 0) + (SELECT amount FROM saved),
                             version = version + 1
         WHERE id = $1::uuid RETURNING code, "completedInvestment")
      SELECT json_build_object('data', json_build_object('recordInvestment', (SELECT json_build_object('code', code, 'completedInvestment', "completedInvestment") FROM project)))::text AS answer`,
    params: (v) => [String(v.projectId), String(v.month), String(v.amount)],
  },
};

const server = createServer((req, res) => {
  const key = (req.url ?? '').replace(/^\/q\//, '');
  const statement = STATEMENTS[key];
  if (req.method !== 'POST' || !statement) {
    res.writeHead(404).end();
    return;
  }
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', async () => {
    try {
      const variables = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
      // Named: each connection plans the statement once, as PostGraphile's and zonegraph's are.
      const { rows } = await pool.query<{ answer: string }>({ name: `limit_${key}`, text: statement.sql, values: statement.params(variables) });
      res.writeHead(200, { 'content-type': 'application/json' }).end(rows[0]!.answer);
    } catch (error) {
      res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: (error as Error).message }] }));
    }
  });
});

server.listen(Number(PORT), HOST, () => {
  const address = server.address();
  console.log(`ready at http://${HOST}:${typeof address === 'object' && address ? address.port : PORT}/q`);
});
const stop = () => server.close(() => pool.end().finally(() => process.exit(0)));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
