import { execFile, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createClient, type ZonegraphClient } from '../src/index.ts';
import { startApi, type RunningApi } from '@zonegraph/api/testing';
import { createApiKey } from '@zonegraph/db';

// The README's examples, run as a reader would run them (tsx, configured by
// ZONEGRAPH_URL and ZONEGRAPH_API_KEY), against the seeded API.

const run = promisify(execFile);
const sdk = fileURLToPath(new URL('..', import.meta.url));
const tsx = `${sdk}node_modules/.bin/tsx`;

let api: RunningApi;
let env: NodeJS.ProcessEnv;
let editor: ZonegraphClient;

beforeAll(async () => {
  api = await startApi();
  const { key } = await createApiKey(api.db.prisma, { holder: 'sdk examples', role: 'EDITOR' });
  env = { ...process.env, ZONEGRAPH_URL: api.url, ZONEGRAPH_API_KEY: key };
  editor = createClient({ url: api.url, apiKey: key });
});

afterAll(async () => {
  await api?.close();
});

const example = (file: string, ...args: string[]) => run(tsx, [`examples/${file}`, ...args], { cwd: sdk, env });

describe('examples', () => {
  test('projects-due.ts lists the projects due to start construction', async () => {
    const { stdout } = await example('projects-due.ts');
    expect(stdout).toMatch(/^\d+ projects are due to start construction:/);
    expect(stdout).toMatch(/GZK-2020-P\d\d {2}\S+ \(.+\), now [A-Z_]+; /);
  });

  test('update-project.ts renames a project; an empty name is refused with the field’s path', async () => {
    const { stdout } = await example('update-project.ts', 'GZK-2020-P07', 'Renamed by the example');
    expect(stdout.trim()).toMatch(/^GZK-2020-P07 is now "Renamed by the example" \(version \d+\)$/);
    expect((await editor.project({ code: 'GZK-2020-P07' })).project?.nameEn).toBe('Renamed by the example');

    const failure = await example('update-project.ts', 'GZK-2020-P07', '').catch((error: { code: number; stderr: string }) => error);
    expect(failure).toMatchObject({ code: 2 });
    expect((failure as { stderr: string }).stderr).toMatch(/^input\.nameEn: /m);
  });

  test('all-projects-csv.ts writes every project across pages', async () => {
    const { stdout } = await example('all-projects-csv.ts');
    const [header, ...rows] = stdout.trim().split('\n');
    expect(header).toBe('code,nameZh,nameEn,stage,campaign');
    const { projects } = await editor.projects({ first: 1 });
    expect(rows).toHaveLength(projects.totalCount);
    expect(rows[0]).toMatch(/^GZK-2020-P01,军地医院,/);
  });

  test('urql.ts runs a generated document through urql', async () => {
    const { stdout } = await example('urql.ts', 'GZK-2020-C4');
    const { projects } = await editor.projects({ filter: { campaign: 'GZK-2020-C4' }, first: 5 });
    expect(stdout).toMatch(new RegExp(`^${projects.totalCount} projects in the campaign; the first ${projects.nodes.length}:`));
    expect(stdout).toContain(`  ${projects.nodes[0]!.code} ${projects.nodes[0]!.nameZh} `);
  });

  test('own-document.ts runs a typed query of its own', async () => {
    const { stdout } = await example('own-document.ts', 'GZK-2020-C4');
    const { projects } = await editor.projects({ filter: { campaign: 'GZK-2020-C4', isKeyProject: true }, first: 100 });
    expect(stdout).toContain(`${projects.totalCount} key projects`);
    for (const p of projects.nodes) expect(stdout).toContain(`  ${p.code} ${p.nameZh} ${p.stage}`);
  });

  test('watch-stage-changes.ts prints a move as it is recorded', async () => {
    const { createProject } = await editor.createProject({ input: { campaign: 'GZK-2020-C3', code: 'SDK-EXAMPLE-1', nameZh: '示例', nameEn: 'Example' } });
    if (createProject.__typename !== 'CreateProjectSuccess') throw new Error(createProject.__typename);
    const child = spawn(tsx, ['examples/watch-stage-changes.ts'], { cwd: sdk, env: { ...env, ZONEGRAPH_EVENTS: '1' } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      // Move the project back and forth until the example has seen a move and ended.
      let stage: 'SUSPENDED' | 'NEGOTIATING' = 'NEGOTIATING';
      for (let i = 0; i < 40 && child.exitCode === null; i++) {
        if (output.includes('listening')) {
          stage = stage === 'NEGOTIATING' ? 'SUSPENDED' : 'NEGOTIATING';
          await editor.recordProjectStageChange({ input: { id: createProject.project.id, toStage: stage, occurredOn: '2020-07-01', note: 'from the test' } });
        }
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      expect(await exited).toBe(0);
      expect(output).toMatch(/^listening\n2020-07-01 SDK-EXAMPLE-1 (NEGOTIATING → SUSPENDED|SUSPENDED → NEGOTIATING) \(from the test\)\n$/);
    } finally {
      child.kill();
    }
  });
});
