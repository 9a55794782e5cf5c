import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseInUseError, openDatabase } from '../src/index.ts';

// PGlite is a library: two processes in one folder lose each other's writes.
// The folder is locked by the process that opened it.
describe('the embedded database folder', () => {
  const dirs: string[] = [];
  const children: ChildProcess[] = [];
  const freshDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'zonegraph-lock-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const child of children.splice(0)) child.kill();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('is refused, naming the process, while another process holds it; taken over once that process is gone', async () => {
    const dataDir = freshDir();
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    children.push(other);
    writeFileSync(join(dataDir, 'zonegraph.pid'), String(other.pid));

    const refused = openDatabase({ kind: 'pglite', dataDir });
    await expect(refused).rejects.toBeInstanceOf(DatabaseInUseError);
    await expect(refused).rejects.toThrow(`in use by process ${other.pid}`);

    other.kill();
    await new Promise((resolve) => other.once('exit', resolve));
    const db = await openDatabase({ kind: 'pglite', dataDir });
    expect(readFileSync(join(dataDir, 'zonegraph.pid'), 'utf8')).toBe(String(process.pid));
    await db.prisma.$queryRaw`SELECT 1`;
    await db.close();
    expect(existsSync(join(dataDir, 'zonegraph.pid'))).toBe(false);
  });
});
