import pg from 'pg';

/** Where the benchmark's programme lives unless DATABASE_URL (or --url) says otherwise. */
export const DEFAULT_BENCH_URL = 'postgresql://postgres@127.0.0.1:5432/zonegraph_bench';

/**
 * The benchmark database's URL. The generator empties the database it is
 * pointed at, so it refuses any whose name does not say it is a benchmark's:
 * a DATABASE_URL left over from running the tests must not lose its data.
 */
export function benchUrl(given: string | undefined): { url: string; name: string } {
  const url = given?.trim() || process.env.DATABASE_URL?.trim() || DEFAULT_BENCH_URL;
  if (!/^postgres(ql)?:\/\//.test(url)) throw new Error(`not a PostgreSQL URL: ${url}`);
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  if (!/bench/i.test(name)) {
    throw new Error(`refusing to use database "${name}": the benchmark empties its database, so its name must contain "bench" (default ${DEFAULT_BENCH_URL})`);
  }
  return { url, name };
}

/** Creates the database on its server when it does not exist yet (through the server's `postgres` database). */
export async function ensureDatabase(url: string, name: string): Promise<boolean> {
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount) return false;
    await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
    return true;
  } finally {
    await client.end();
  }
}

/** Exact row counts of the tables the analytics read. */
export async function rowCounts(client: pg.Client): Promise<Record<string, number>> {
  const tables = ['Project', 'ProjectStageChange', 'InvestmentRecord', 'Indicator', 'IndicatorValue', 'Engagement', 'Obstacle', 'InspectionFinding', 'Organisation', '_OrganisationToProject'];
  const { rows } = await client.query<{ name: string; n: string }>(tables.map((t) => `SELECT '${t}' AS name, count(*) AS n FROM "${t}"`).join(' UNION ALL '));
  return Object.fromEntries(rows.map((r) => [r.name, Number(r.n)]));
}
