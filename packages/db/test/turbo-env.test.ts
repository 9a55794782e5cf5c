import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Pointing the tools at another database must not throw away turbo's cache:
// only the tasks that open a database may see DATABASE_URL.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const turbo = path.join(root, 'node_modules/.bin/turbo');

/** Each task's hash as turbo would compute it for `tasks` with this DATABASE_URL (a dry run: nothing executes). */
function hashes(tasks: string[], databaseUrl: string | undefined): Map<string, string> {
  const env = { ...process.env };
  delete env['DATABASE_URL'];
  if (databaseUrl !== undefined) env['DATABASE_URL'] = databaseUrl;
  const out = execFileSync(turbo, ['run', ...tasks, '--dry=json'], { cwd: root, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const plan = JSON.parse(out) as { tasks: { taskId: string; hash: string }[] };
  return new Map(plan.tasks.map((t) => [t.taskId, t.hash]));
}

describe('turbo and DATABASE_URL', () => {
  it('keeps the cache of generate, build and typecheck when DATABASE_URL changes', () => {
    const tasks = ['generate', 'build', 'typecheck'];
    const embedded = hashes(tasks, undefined);
    const server = hashes(tasks, 'postgresql://postgres@127.0.0.1:5432/other');
    expect(embedded.size).toBeGreaterThan(5);
    expect([...server.entries()].filter(([task, hash]) => embedded.get(task) !== hash)).toEqual([]);
  });

  it('still hands DATABASE_URL to the tests, which open the database', () => {
    const embedded = hashes(['test'], undefined);
    const server = hashes(['test'], 'postgresql://postgres@127.0.0.1:5432/other');
    expect(embedded.get('@zonegraph/db#test')).not.toBe(server.get('@zonegraph/db#test'));
    expect(embedded.get('@zonegraph/api#test')).not.toBe(server.get('@zonegraph/api#test'));
  });
});
