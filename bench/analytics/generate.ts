// Builds a synthetic programme on PostgreSQL for the analytics benchmark:
// at --scale 1, 100,000 projects, 1,000,000 stage changes, 2,000,000 monthly
// investment records and 10,000 indicators, with engagements, obstacles and
// inspection findings beside them. Every table is filled by one
// INSERT … SELECT over generate_series, so the whole programme is written in
// well under two minutes; nothing goes row by row through Prisma.
//
//   pnpm bench:generate [--scale 1] [--url postgresql://…/zonegraph_bench]
//
// The database (default zonegraph_bench on the local server, or DATABASE_URL)
// is created when missing, migrated, and emptied first. Its name must contain
// "bench".
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { applyMigrations, openDatabase } from '@zonegraph/db';
import pg from 'pg';
import { benchUrl, ensureDatabase, rowCounts } from './database.ts';

export const BENCH_PROGRAMME = 'BENCH-2020';

/** The sizes at --scale 1, as the issue sets them (engagements, obstacles and findings are ours). */
const FULL = {
  projects: 100_000,
  stageChangesPerProject: 10,
  investmentMonthsPerProject: 20,
  indicators: 10_000,
  engagements: 200_000,
  obstacles: 10_000,
  findings: 10_000,
  organisations: 2_000,
};

/**
 * A deterministic UUID for row `n` of table number `t`: ascending in `n`, so
 * that primary keys are appended to their index rather than scattered, and
 * so that one table can name another's row by its number without a lookup.
 */
const id = (t: number, n: string) => `('${String(t).padStart(8, '0')}-0000-7000-8000-' || lpad(to_hex(${n}), 12, '0'))::uuid`;

const T = { zone: 1, programme: 2, campaign: 3, sector: 4, cluster: 5, park: 6, organisation: 7, project: 8, stage: 9, investment: 10, indicator: 11, value: 12, engagement: 13, obstacle: 14, finding: 15, rule: 16 };

/** Visibility by a row number: mostly public, some internal, a few restricted. */
const visibility = (n: string, publicPercent = 80, internalPercent = 15) =>
  `(CASE WHEN ${n} % 100 < ${publicPercent} THEN 'PUBLIC' WHEN ${n} % 100 < ${publicPercent + internalPercent} THEN 'INTERNAL' ELSE 'RESTRICTED' END)::"Visibility"`;

export function generationSteps(scale: number): { name: string; sql: string }[] {
  const size = (n: number, min: number) => Math.max(min, Math.round(n * scale));
  const P = size(FULL.projects, 20);
  const I = size(FULL.indicators, 10);
  const E = size(FULL.engagements, 50);
  const OB = size(FULL.obstacles, 10);
  const F = size(FULL.findings, 10);
  const O = size(FULL.organisations, 12);
  const S = FULL.stageChangesPerProject;
  const M = FULL.investmentMonthsPerProject;
  const campaigns = 12;
  const sectors = 10;
  const clusters = 40;
  const parks = 25;
  // Records average about 1,050,000 yuan a month, so a year comes to about 12.6 million a project.
  const target = P * 12_000_000;

  return [
    {
      name: 'zone, programme, cadence rules',
      sql: `
        INSERT INTO "Zone" (id, code, "nameZh", "nameEn", "updatedAt")
        VALUES (${id(T.zone, '1')}, 'BENCH', '基准区', 'Benchmark Zone', now());
        INSERT INTO "Programme" (id, code, "zoneId", "nameZh", "nameEn", "periodStart", "periodEnd", "timeZone", "investmentTarget", "investmentGrowthTarget", "updatedAt")
        VALUES (${id(T.programme, '1')}, '${BENCH_PROGRAMME}', ${id(T.zone, '1')}, '基准计划', 'Benchmark programme',
                '2020-01-01', '2020-12-31', 'Asia/Shanghai', ${target}, 20, now());
        INSERT INTO "CadenceRule" (id, "programmeId", activity, period, "minCount", "textZh", "textEn", "updatedAt") VALUES
          (${id(T.rule, '1')}, ${id(T.programme, '1')}, 'ENGAGEMENT', 'DAY', 1, '每天有项目洽谈', 'Project talks every day', now()),
          (${id(T.rule, '2')}, ${id(T.programme, '1')}, 'SIGNING', 'WEEK', 1, '每周有签约入驻', 'A signing every week', now()),
          (${id(T.rule, '3')}, ${id(T.programme, '1')}, 'CONSTRUCTION_START', 'MONTH', 1, '每月有开工建设', 'A construction start every month', now()),
          (${id(T.rule, '4')}, ${id(T.programme, '1')}, 'COMPLETION', 'QUARTER', 1, '每季有竣工投产', 'A completion every quarter', now());`,
    },
    {
      name: 'campaigns, sectors, clusters, parks, organisations',
      sql: `
        INSERT INTO "Campaign" (id, "programmeId", code, position, "nameZh", "nameEn", visibility, "updatedAt")
        SELECT ${id(T.campaign, 'n')}, ${id(T.programme, '1')}, 'BENCH-C' || lpad(n::text, 2, '0'), n, '攻坚战' || n, 'Campaign ' || n,
               (CASE WHEN n = ${campaigns} THEN 'INTERNAL' ELSE 'PUBLIC' END)::"Visibility", now()
          FROM generate_series(1, ${campaigns}) n;
        INSERT INTO "Sector" (id, code, "nameZh", "nameEn", kind, "updatedAt")
        SELECT ${id(T.sector, 'n')}, 'BENCH-SEC-' || lpad(n::text, 2, '0'), '产业' || n, 'Sector ' || n,
               (CASE WHEN n % 2 = 0 THEN 'ADVANTAGE' ELSE 'EMERGING' END)::"SectorKind", now()
          FROM generate_series(1, ${sectors}) n;
        INSERT INTO "IndustryCluster" (id, code, "nameZh", "nameEn", "sectorId", visibility, "updatedAt")
        SELECT ${id(T.cluster, 'n')}, 'BENCH-CL-' || lpad(n::text, 2, '0'), '集群' || n, 'Cluster ' || n, ${id(T.sector, `(n % ${sectors} + 1)`)},
               (CASE WHEN n % 10 = 0 THEN 'INTERNAL' ELSE 'PUBLIC' END)::"Visibility", now()
          FROM generate_series(1, ${clusters}) n;
        INSERT INTO "Park" (id, code, "nameZh", "nameEn", "updatedAt")
        SELECT ${id(T.park, 'n')}, 'BENCH-PARK-' || lpad(n::text, 2, '0'), '园区' || n, 'Park ' || n, now()
          FROM generate_series(1, ${parks}) n;
        INSERT INTO "Organisation" (id, code, "nameZh", "nameEn", type, "originGroup", visibility, "updatedAt")
        SELECT ${id(T.organisation, 'n')}, 'BENCH-ORG-' || lpad(n::text, 5, '0'), '机构' || n, 'Organisation ' || n, 'ENTERPRISE',
               (ARRAY['CAS', 'DEFENCE_INDUSTRY', 'UNIVERSITY', 'OTHER', 'OTHER'])[n % 5 + 1]::"OriginGroup", ${visibility('n', 90, 8)}, now()
          FROM generate_series(1, ${O}) n;`,
    },
    {
      name: `projects (${P})`,
      sql: `
        INSERT INTO "Project" (id, "programmeId", code, "nameZh", "nameEn", "campaignId", "clusterId", "sectorId", "parkId",
                               stage, "targetStage", "targetDate", "stageChangedAt", "plannedInvestment",
                               "investmentVisibility", "isKeyProject", "inFiveYearPlan", visibility, "archivedAt", "updatedAt")
        SELECT ${id(T.project, 'n')}, ${id(T.programme, '1')}, 'BENCH-P' || lpad(n::text, 6, '0'), '项目' || n, 'Project ' || n,
               ${id(T.campaign, `(n % ${campaigns} + 1)`)},
               CASE WHEN n % 5 = 0 THEN NULL ELSE ${id(T.cluster, `(n % ${clusters} + 1)`)} END,
               ${id(T.sector, `(n % ${sectors} + 1)`)},
               CASE WHEN n % 3 = 0 THEN NULL ELSE ${id(T.park, `(n % ${parks} + 1)`)} END,
               (CASE WHEN (n * 7) % 100 < 15 THEN 'NEGOTIATING' WHEN (n * 7) % 100 < 40 THEN 'SIGNED'
                     WHEN (n * 7) % 100 < 70 THEN 'UNDER_CONSTRUCTION' WHEN (n * 7) % 100 < 88 THEN 'OPERATING'
                     WHEN (n * 7) % 100 < 92 THEN 'ENROLLING' WHEN (n * 7) % 100 < 97 THEN 'SUSPENDED' ELSE 'CANCELLED' END)::"ProjectStage",
               (CASE WHEN n % 10 >= 8 THEN NULL
                     ELSE (ARRAY['SIGNED', 'UNDER_CONSTRUCTION', 'OPERATING', 'ENROLLING'])[(n / 10) % 4 + 1] END)::"ProjectStage",
               CASE WHEN n % 10 >= 8 THEN NULL ELSE date '2020-01-01' + (n * 37) % 366 END,
               timestamp '2019-01-01' + ((n * 13) % 700) * interval '1 day',
               CASE WHEN n % 17 = 0 THEN NULL ELSE 1000000 + ((n::bigint * 7919) % 1000) * 1000000 END,
               (CASE WHEN n % 2 = 0 THEN 'PUBLIC' WHEN n % 10 = 9 THEN 'RESTRICTED' ELSE 'INTERNAL' END)::"Visibility",
               n % 4 <> 0, n % 9 = 0, ${visibility('n')},
               CASE WHEN n % 100 = 42 THEN now() END, now()
          FROM generate_series(1, ${P}) n;
        INSERT INTO "_OrganisationToProject" ("A", "B")
        SELECT ${id(T.organisation, `(n % ${O} + 1)`)}, ${id(T.project, 'n')} FROM generate_series(1, ${P}) n
        UNION
        SELECT ${id(T.organisation, `((n * 7) % ${O} + 1)`)}, ${id(T.project, 'n')} FROM generate_series(1, ${P}) n WHERE n % 3 = 0;`,
    },
    {
      name: `stage changes (${P * S})`,
      sql: `
        INSERT INTO "ProjectStageChange" (id, "projectId", "fromStage", "toStage", "occurredOn")
        SELECT ${id(T.stage, 'g')}, ${id(T.project, `(g % ${P} + 1)`)}, NULL,
               (ARRAY['NEGOTIATING', 'SIGNED', 'SIGNED', 'UNDER_CONSTRUCTION', 'UNDER_CONSTRUCTION', 'OPERATING', 'ENROLLING', 'SUSPENDED'])
                 [((g % ${P}) + g / ${P}) % 8 + 1]::"ProjectStage",
               date '2019-01-01' + ((g * 2654435761) % 731)::int
          FROM generate_series(0::bigint, ${P * S - 1}) g;`,
    },
    {
      name: `investment records (${P * M})`,
      sql: `
        INSERT INTO "InvestmentRecord" (id, "projectId", month, amount, "updatedAt")
        SELECT ${id(T.investment, 'g')}, ${id(T.project, `(g % ${P} + 1)`)},
               (date '2019-05-01' + (g / ${P}) * interval '1 month')::date,
               100000 + (g * 48271) % 1900000, now()
          FROM generate_series(0::bigint, ${P * M - 1}) g;
        UPDATE "Project" p SET "completedInvestment" = s.total
          FROM (SELECT "projectId", sum(amount) AS total FROM "InvestmentRecord" GROUP BY 1) s
         WHERE p.id = s."projectId";`,
    },
    {
      name: `indicators (${I}) and their monthly values`,
      sql: `
        INSERT INTO "Indicator" (id, "programmeId", "campaignId", code, "nameZh", "nameEn", "unitZh", "unitEn",
                                 baseline, target, "targetDirection", visibility, "archivedAt", "updatedAt")
        SELECT ${id(T.indicator, 'n')}, ${id(T.programme, '1')},
               CASE WHEN n % 13 = 12 THEN NULL ELSE ${id(T.campaign, `(n % ${campaigns} + 1)`)} END,
               'BENCH-IND-' || lpad(n::text, 6, '0'), '指标' || n, 'Indicator ' || n, '个', 'units',
               CASE WHEN n % 10 = 9 THEN 1000 + n % 50 ELSE n % 50 END,
               CASE WHEN n % 10 = 9 THEN 500 ELSE n % 50 + 10 + n % 1000 END,
               (CASE WHEN n % 10 = 9 THEN 'AT_MOST' ELSE 'AT_LEAST' END)::"TargetDirection",
               ${visibility('n', 85, 10)}, CASE WHEN n % 200 = 199 THEN now() END, now()
          FROM generate_series(1, ${I}) n;
        INSERT INTO "IndicatorValue" (id, "indicatorId", "observedOn", value)
        SELECT ${id(T.value, `(n * 12 + m)`)}, i.id, (date '2020-02-01' + m * interval '1 month' - interval '1 day')::date,
               round(i.baseline + (i.target - i.baseline) * (m + 1) / 12.0 * (0.6 + (n % 8) * 0.1), 4)
          FROM generate_series(1, ${I}) n
          JOIN "Indicator" i ON i.id = ${id(T.indicator, 'n')}
          CROSS JOIN generate_series(0, 11) m
         WHERE n % 7 <> 0;`,
    },
    {
      name: `engagements (${E})`,
      sql: `
        INSERT INTO "Engagement" (id, "occurredOn", "projectId", "organisationId", "subjectZh", "subjectEn", visibility, "updatedAt")
        SELECT ${id(T.engagement, 'g')}, date '2019-01-01' + ((g * 7919) % 731)::int,
               CASE WHEN g % 2 = 0 THEN ${id(T.project, `(g % ${P} + 1)`)} END,
               ${id(T.organisation, `(g % ${O} + 1)`)}, '洽谈' || g, 'Talk ' || g, ${visibility('g', 30, 60)}, now()
          FROM generate_series(1::bigint, ${E}) g;`,
    },
    {
      name: `obstacles (${OB}) and inspection findings (${F})`,
      sql: `
        INSERT INTO "Obstacle" (id, code, "titleZh", "titleEn", "campaignId", "projectId", status, "responsibleUnit",
                                "raisedOn", deadline, "resolvedOn", visibility, "updatedAt")
        SELECT ${id(T.obstacle, 'n')}, 'BENCH-OB-' || lpad(n::text, 6, '0'), '问题' || n, 'Obstacle ' || n,
               CASE WHEN n % 3 = 0 THEN ${id(T.campaign, `(n % ${campaigns} + 1)`)} END,
               CASE WHEN n % 3 = 1 THEN ${id(T.project, `(n % ${P} + 1)`)} END,
               (ARRAY['OPEN', 'IN_PROGRESS', 'RESOLVED', 'CLOSED'])[n % 4 + 1]::"ObstacleStatus",
               CASE WHEN n % 51 = 50 THEN NULL ELSE 'Unit ' || lpad((n % 50)::text, 2, '0') END,
               date '2019-06-01' + n % 500, date '2019-06-01' + n % 500 + 30 + n % 120,
               CASE WHEN n % 4 >= 2 THEN date '2019-06-01' + n % 500 + 5 + n % 90 END,
               ${visibility('n', 40, 50)}, now()
          FROM generate_series(1, ${OB}) n;
        INSERT INTO "InspectionFinding" (id, code, "titleZh", "titleEn", "campaignId", "projectId", status, "responsibleUnit",
                                         "foundOn", deadline, "rectifiedOn", visibility, "updatedAt")
        SELECT ${id(T.finding, 'n')}, 'BENCH-IF-' || lpad(n::text, 6, '0'), '巡察问题' || n, 'Finding ' || n,
               CASE WHEN n % 3 = 0 THEN ${id(T.campaign, `(n % ${campaigns} + 1)`)} END,
               CASE WHEN n % 3 = 1 THEN ${id(T.project, `(n % ${P} + 1)`)} END,
               (ARRAY['OPEN', 'IN_PROGRESS', 'RECTIFIED', 'CLOSED'])[n % 4 + 1]::"RectificationStatus",
               'Unit ' || lpad((n % 50)::text, 2, '0'),
               date '2019-06-01' + n % 500, date '2019-06-01' + n % 500 + 30 + n % 90,
               CASE WHEN n % 4 >= 2 THEN date '2019-06-01' + n % 500 + 3 + n % 60 END,
               ${visibility('n', 40, 50)}, now()
          FROM generate_series(1, ${F}) n;`,
    },
  ];
}

/** Every table of the schema except the migration log, emptied before generating. */
async function emptyAll(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ tablename: string }>(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
  );
  if (rows.length) await client.query(`TRUNCATE ${rows.map((r) => `"${r.tablename}"`).join(', ')} RESTART IDENTITY CASCADE`);
}

/**
 * The secondary indexes of the big tables, dropped before the bulk insert and
 * built again after it (one sort each instead of two million scattered
 * inserts). Their definitions come from the catalogue, so whatever the
 * migrations define is what is rebuilt.
 */
async function dropSecondaryIndexes(client: pg.Client, tables: string[]): Promise<string[]> {
  const { rows } = await client.query<{ name: string; def: string }>(
    `SELECT i.indexname AS name, i.indexdef AS def FROM pg_indexes i
      WHERE i.schemaname = 'public' AND i.tablename = ANY($1)
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
    [tables],
  );
  for (const { name } of rows) await client.query(`DROP INDEX "${name}"`);
  return rows.map((r) => r.def);
}

export async function generate(options: { url?: string; scale: number; log?: (line: string) => void }): Promise<Record<string, number>> {
  const log = options.log ?? console.log;
  const { url, name } = benchUrl(options.url);
  if (await ensureDatabase(url, name)) log(`created database ${name}`);
  const db = await openDatabase({ kind: 'postgres', url }, { poolSize: 1 });
  try {
    const applied = await applyMigrations(db);
    if (applied.length) log(`migrated: ${applied.join(', ')}`);
  } finally {
    await db.close();
  }

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const started = performance.now();
  try {
    // The rows are consistent by construction, so foreign keys are not checked row by row while loading
    // and the investment rollup's triggers do not fire per record (session_replication_role = replica
    // skips triggers; it needs a superuser, as the local server's postgres is). The rollup is built after.
    await client.query(`SET synchronous_commit = off; SET maintenance_work_mem = '256MB'; SET session_replication_role = replica`);
    await emptyAll(client);
    const indexes = await dropSecondaryIndexes(client, ['Project', 'ProjectStageChange', 'InvestmentRecord', 'IndicatorValue', 'Engagement', 'Obstacle', 'InspectionFinding', 'Indicator', '_OrganisationToProject']);
    for (const step of generationSteps(options.scale)) {
      const t0 = performance.now();
      await client.query(step.sql);
      log(`  ${step.name}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
    // Loading with triggers off left the investment sums the triggers keep empty: build them in one pass.
    const tr = performance.now();
    await client.query('SELECT investment_rollup_rebuild()');
    log(`  investment rollup: ${((performance.now() - tr) / 1000).toFixed(1)} s`);
    // Likewise the link of each project to its primary campaign, which a trigger keeps (Campaign.projects reads it).
    await client.query('INSERT INTO "_ProjectCampaigns" ("A", "B") SELECT "campaignId", id FROM "Project" ON CONFLICT DO NOTHING');
    const t0 = performance.now();
    for (const def of indexes) await client.query(def);
    log(`  indexes (${indexes.length}): ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const t1 = performance.now();
    // Fresh statistics for the planner and a visibility map for index-only scans.
    await client.query('VACUUM ANALYZE');
    log(`  vacuum analyze: ${((performance.now() - t1) / 1000).toFixed(1)} s`);
    const counts = await rowCounts(client);
    log(`generated ${name} at scale ${options.scale} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    for (const [table, n] of Object.entries(counts)) log(`  ${table.padEnd(24)} ${n.toLocaleString('en')}`);
    return counts;
  } finally {
    await client.end();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: { scale: { type: 'string', default: '1' }, url: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    console.log('usage: pnpm bench:generate [--scale 1] [--url postgresql://postgres@127.0.0.1:5432/zonegraph_bench]');
    process.exit(0);
  }
  const scale = Number(values.scale);
  if (!(scale > 0 && scale <= 10)) {
    console.error('--scale must be a number above 0 and at most 10, e.g. 0.01');
    process.exit(2);
  }
  generate({ url: values.url, scale }).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
