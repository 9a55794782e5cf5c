import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { localMigrations, applyMigrations } from '@zonegraph/db';
import { createTestDatabase } from '@zonegraph/db/testing';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';

const serverEntry = join(import.meta.dirname, '..', 'src', 'server.ts');
const tsx = join(import.meta.dirname, '..', 'node_modules', '.bin', 'tsx');

function startServer(env: Record<string, string>): { child: ChildProcess; output: () => string } {
  // The server process gets its own embedded database in memory, whatever the suite runs on, unless told.
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const child = spawn(tsx, [serverEntry], { env: { ...inherited, PGLITE_DIR: 'memory://', HOST: '127.0.0.1', ...env } });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  return { child, output: () => output };
}

async function waitFor(predicate: () => boolean, timeoutMs = 90_000) {
  const started = Date.now();
  while (!predicate()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('the server process', () => {
  it('starts seeded on an empty embedded database, serves, and stops cleanly on SIGTERM', async () => {
    const { child, output } = startServer({ PORT: '0' });
    try {
      await waitFor(() => /ready at http:\/\/127\.0\.0\.1:(\d+)/.test(output()));
      const port = /ready at http:\/\/127\.0\.0\.1:(\d+)/.exec(output())![1];
      const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ campaigns(first: 10) { totalCount } }' }),
      });
      expect(await response.json()).toMatchObject({ data: { campaigns: { totalCount: 6 } } });
      // Logs are JSON lines.
      const lines = output().trim().split('\n').filter((l) => l.startsWith('{'));
      expect(lines.length).toBeGreaterThan(2);
      for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();

      child.kill('SIGTERM');
      const [code] = await once(child, 'exit');
      expect(code).toBe(0);
      expect(output()).toContain('"msg":"stopped"');
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('refuses to start on a bad setting, naming it', async () => {
    const { child, output } = startServer({ PORT: 'eighty', LOG_LEVEL: 'loud' });
    const [code] = await once(child, 'exit');
    expect(code).toBe(2);
    expect(output()).toContain('PORT');
    expect(output()).toContain('LOG_LEVEL');
  });
});

describe('migrations at start', () => {
  it('refuses a database with migrations not applied when MIGRATE_ON_START=false, naming them and the command', async () => {
    const { child, output } = startServer({ PORT: '0', MIGRATE_ON_START: 'false' });
    const [code] = await once(child, 'exit');
    expect(code).toBe(2);
    const local = await localMigrations();
    expect(output()).toContain(`${local.length} migrations not yet applied: ${local.join(', ')}`);
    expect(output()).toContain('pnpm db:migrate');
    expect(output()).not.toContain('ready at');
  });

  it.runIf(process.env.DATABASE_URL)('on PostgreSQL, leaves migrating to its own step by default, then starts once it has run', async () => {
    const db = await createTestDatabase({ migrated: false });
    try {
      if (db.target.kind !== 'postgres') throw new Error('expected a PostgreSQL test database');
      const refused = startServer({ PORT: '0', DATABASE_URL: db.target.url });
      const [code] = await once(refused.child, 'exit');
      expect(code).toBe(2);
      expect(refused.output()).toContain('not yet applied');
      // Nothing was applied by the refused start.
      expect(await db.prisma.$queryRaw<{ exists: boolean }[]>`SELECT to_regclass('"Project"') IS NOT NULL AS exists`).toEqual([{ exists: false }]);

      await applyMigrations(db);
      const { child, output } = startServer({ PORT: '0', DATABASE_URL: db.target.url });
      try {
        await waitFor(() => /ready at http/.test(output()) || child.exitCode !== null);
        expect(output()).toContain('ready at http');
        child.kill('SIGTERM');
        const [stopped] = await once(child, 'exit');
        expect(stopped).toBe(0);
      } finally {
        child.kill('SIGKILL');
      }
    } finally {
      await db.close();
    }
  });
});

describe('configuration', () => {
  it('has working defaults', () => {
    expect(loadConfig({})).toMatchObject({ PORT: 4000, HOST: 'localhost', GRAPHIQL: true, SEED_ON_START: true });
  });

  it('loads the demo year when DEMO is set or the server is given --demo, not otherwise', () => {
    expect(loadConfig({}).DEMO).toBe(false);
    expect(loadConfig({ DEMO: 'true' }).DEMO).toBe(true);
    expect(loadConfig({}, ['--demo']).DEMO).toBe(true);
    expect(() => loadConfig({ DEMO: 'sometimes' })).toThrow(/DEMO: must be true or false/);
  });

  it('never echoes a database URL, which may hold a password', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://root:s3cret@db/zone' })).toThrow(/DATABASE_URL/);
    try {
      loadConfig({ DATABASE_URL: 'mysql://root:s3cret@db/zone' });
    } catch (error) {
      expect(String(error)).not.toContain('s3cret');
    }
  });

  it('reads switches as true/false and refuses anything else', () => {
    expect(loadConfig({ GRAPHIQL: 'false' }).GRAPHIQL).toBe(false);
    expect(() => loadConfig({ GRAPHIQL: 'maybe' })).toThrow(/GRAPHIQL/);
  });

  it('says what a number setting accepts: a number, whole, within its bounds', () => {
    expect(() => loadConfig({ MAX_DEPTH: 'deep' })).toThrow('MAX_DEPTH: must be a number (got "deep")');
    expect(() => loadConfig({ MAX_DEPTH: '1.5' })).toThrow('MAX_DEPTH: must be a whole number (got "1.5")');
    expect(() => loadConfig({ MAX_DEPTH: '-1' })).toThrow('MAX_DEPTH: must be at least 2 (got "-1")');
    expect(() => loadConfig({ PORT: '70000' })).toThrow('PORT: must be 0 to 65535 (got "70000")');
    expect(loadConfig({ MAX_DEPTH: '4' }).MAX_DEPTH).toBe(4);
  });
});
