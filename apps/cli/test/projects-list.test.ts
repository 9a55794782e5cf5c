import stringWidth from 'string-width';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createClient, type ProjectSummaryFragment } from '@zonegraph/sdk';
import { startApi, unreachableUrl, type RunningApi } from '@zonegraph/api/testing';
import { createApiKey } from '@zonegraph/db';
import { zonegraph } from './support/cli.ts';

let api: RunningApi;
/** Every seeded project, read through the SDK: what the CLI should show. */
let seeded: ProjectSummaryFragment[];

beforeAll(async () => {
  api = await startApi();
  const { projects } = await createClient({ url: api.url }).projects({ first: 100 });
  seeded = projects.nodes;
  expect(seeded.length).toBe(projects.totalCount);
  expect(seeded.length).toBeGreaterThan(10);
});

afterAll(async () => {
  await api?.close();
});

/** The codes in the table's first column, header skipped. */
function tableCodes(stdout: string): string[] {
  return stdout
    .split('\n')
    .slice(1)
    .map((line) => line.split(/\s+/)[0] ?? '')
    .filter((code) => /^GZK-/.test(code));
}

describe('zonegraph projects list', () => {
  test('prints a table of the seeded projects with their Chinese names, and the total', async () => {
    const { code, stdout, stderr } = await zonegraph(['projects', 'list', '--first', '100', '--url', api.url]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^CODE\s+NAME \(ZH\)\s+NAME \(EN\)\s+STAGE\s+TARGET STAGE$/);
    expect(tableCodes(stdout)).toEqual(seeded.map((p) => p.code));
    const hospital = lines.find((line) => line.startsWith('GZK-2020-P01'));
    expect(hospital).toMatch(/^GZK-2020-P01\s+军地医院\s+Military–Civilian Hospital\s+\w+\s+OPERATING$/);
    expect(lines.at(-1)).toBe(`${seeded.length} projects`);
  });

  test('columns line up by display width although Chinese characters take two', async () => {
    const { stdout } = await zonegraph(['projects', 'list', '--first', '100', '--url', api.url]);
    const lines = stdout.split('\n');
    // Terminal columns before a cell: CJK and fullwidth characters count two.
    const columnsBefore = (line: string, cell: string) =>
      [...line.slice(0, line.indexOf(cell))].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
    const header = lines[0] ?? '';
    const englishAt = columnsBefore(header, 'NAME (EN)');
    const stageAt = columnsBefore(header, 'STAGE');
    for (const project of seeded) {
      const line = lines.find((l) => l.startsWith(`${project.code} `)) ?? '';
      expect(columnsBefore(line, project.nameEn), line).toBe(englishAt);
      expect(columnsBefore(line, ` ${project.stage}`) + 1, line).toBe(stageAt);
    }
  });

  test('in a narrow terminal the names are cut to fit, and codes and stages stay whole', async () => {
    const { stdout } = await zonegraph(['projects', 'list', '--first', '100', '--url', api.url], {}, { columns: 100 });
    const rows = stdout.split('\n').filter((line) => line.startsWith('GZK-'));
    expect(rows).toHaveLength(seeded.length);
    for (const row of rows) expect(stringWidth(row), row).toBeLessThanOrEqual(100);
    expect(rows.some((row) => row.includes('…'))).toBe(true);
    expect(rows.map((row) => row.split(/\s+/).at(-1))).toEqual(seeded.map((p) => p.targetStage));
  });

  test('--json prints the projects for machines, as many as the API counts', async () => {
    const { code, stdout } = await zonegraph(['projects', 'list', '--json', '--all', '--url', api.url]);
    expect(code).toBe(0);
    const parsed = JSON.parse(stdout) as ProjectSummaryFragment[];
    expect(parsed).toHaveLength(seeded.length);
    expect(parsed).toEqual(seeded);
    expect(parsed.find((p) => p.code === 'GZK-2020-P01')?.nameZh).toBe('军地医院');
  });

  test('--stage and --campaign narrow the list', async () => {
    const stage = await zonegraph(['projects', 'list', '--json', '--stage', 'SIGNED', '--url', api.url]);
    const signed = JSON.parse(stage.stdout) as ProjectSummaryFragment[];
    expect(signed.length).toBeGreaterThan(0);
    expect(signed.length).toBeLessThan(seeded.length);
    expect(signed.map((p) => p.code)).toEqual(seeded.filter((p) => p.stage === 'SIGNED').map((p) => p.code));

    // Several stages, as people type them, match any of them.
    const several = await zonegraph(['projects', 'list', '--json', '--stage', 'signed', 'under-construction', '--url', api.url]);
    const either = JSON.parse(several.stdout) as ProjectSummaryFragment[];
    expect(either.map((p) => p.code)).toEqual(
      seeded.filter((p) => p.stage === 'SIGNED' || p.stage === 'UNDER_CONSTRUCTION').map((p) => p.code),
    );

    const campaign = await zonegraph(['projects', 'list', '--campaign', 'GZK-2020-C1', '--url', api.url]);
    expect(campaign.code).toBe(0);
    const expected = seeded.filter((p) => p.campaign?.code === 'GZK-2020-C1').map((p) => p.code);
    expect(expected.length).toBeGreaterThan(0);
    expect(tableCodes(campaign.stdout)).toEqual(expected);
    expect(campaign.stdout.trimEnd().split('\n').at(-1)).toBe(`${expected.length} project${expected.length === 1 ? '' : 's'}`);

    const target = await zonegraph(['projects', 'list', '--json', '--target-stage', 'ENROLLING', '--url', api.url]);
    const enrolling = JSON.parse(target.stdout) as ProjectSummaryFragment[];
    expect(enrolling.length).toBeGreaterThan(0);
    expect(enrolling.every((p) => p.targetStage === 'ENROLLING')).toBe(true);
  });

  test('--all with a small --first follows the cursors and lists every project exactly once', async () => {
    const { code, stdout } = await zonegraph(['projects', 'list', '--all', '--first', '3', '--json', '--url', api.url]);
    expect(code).toBe(0);
    const codes = (JSON.parse(stdout) as ProjectSummaryFragment[]).map((p) => p.code);
    expect(codes).toHaveLength(seeded.length);
    expect(new Set(codes).size).toBe(codes.length);
    expect([...codes].sort()).toEqual(seeded.map((p) => p.code).sort());
  });

  test('without --all, one page and a note of how many more there are', async () => {
    const { code, stdout } = await zonegraph(['projects', 'list', '--first', '5', '--url', api.url]);
    expect(code).toBe(0);
    expect(tableCodes(stdout)).toHaveLength(5);
    expect(stdout.trimEnd().split('\n').at(-1)).toBe(`5 of ${seeded.length} projects (--all lists every one)`);
  });

  test('no match is not an error', async () => {
    const { code, stdout } = await zonegraph(['projects', 'list', '--search', 'no such project anywhere', '--url', api.url]);
    expect(code).toBe(0);
    expect(stdout).toBe('No projects match.\n');
  });

  test('the URL and API key may come from the environment', async () => {
    const { key } = await createApiKey(api.db.prisma, { holder: 'cli test', role: 'ANALYST' });
    const { code, stdout } = await zonegraph(['projects', 'list', '--json', '--first', '2'], {
      ZONEGRAPH_URL: api.url,
      ZONEGRAPH_API_KEY: key,
    });
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toHaveLength(2);
    // The key was really sent: a key the API did not issue is refused (exit 1).
    const refused = await zonegraph(['projects', 'list', '--first', '2'], { ZONEGRAPH_URL: api.url, ZONEGRAPH_API_KEY: 'zg_not_issued' });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('UNAUTHENTICATED');
  });
});

describe('failures and exit status', () => {
  test('an invalid stage is a usage error (2) naming the valid stages, and nothing is printed to stdout', async () => {
    const { code, stdout, stderr } = await zonegraph(['projects', 'list', '--stage', 'FINISHED', '--url', api.url]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('"FINISHED" is not a project stage');
    expect(stderr).toContain('NEGOTIATING, SIGNED, UNDER_CONSTRUCTION, OPERATING');
  });

  test('other usage errors exit 2 as well', async () => {
    expect((await zonegraph(['projects', 'list', '--first', 'ten', '--url', api.url])).code).toBe(2);
    expect((await zonegraph(['projects', 'list', '--first', '0', '--url', api.url])).code).toBe(2);
    expect((await zonegraph(['projects', 'list', '--colour', 'red'])).code).toBe(2);
    expect((await zonegraph(['projects', 'list', '--url', 'localhost:4000'])).code).toBe(2);
    expect((await zonegraph(['projects', 'list'], { ZONEGRAPH_URL: 'not a url' })).code).toBe(2);
    expect((await zonegraph(['warp'])).code).toBe(2);
    // No command at all: the help, on stderr, as a usage error.
    const bare = await zonegraph([]);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toMatch(/Usage: zonegraph/);
  });

  test('an error from the API exits 1 and prints its code', async () => {
    const { code, stdout, stderr } = await zonegraph(['projects', 'list', '--first', '500', '--url', api.url]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^zonegraph: PAGE_SIZE_TOO_LARGE: A page holds at most 100 items/);
    expect(stderr).toMatch(/request id \S+/);
  });

  test('an unreachable API exits 3 and says where it looked', async () => {
    const url = await unreachableUrl();
    const { code, stdout, stderr } = await zonegraph(['projects', 'list', '--url', url]);
    expect(code).toBe(3);
    expect(stdout).toBe('');
    expect(stderr).toContain(url);
    expect(stderr).toMatch(/ECONNREFUSED/);
  });

  test('a URL that is not a GraphQL endpoint exits 3 too, and asks whether its path ends in /graphql', async () => {
    const { code, stderr } = await zonegraph(['projects', 'list', '--url', `${api.origin}/nothing-here`]);
    expect(code).toBe(3);
    expect(stderr).toMatch(/HTTP 404/);
    expect(stderr).toContain('Does the path end in /graphql?');
    // The server's own address without the path: its start page, which is not the API either.
    const root = await zonegraph(['projects', 'list', '--url', `${api.origin}/`]);
    expect(root.code).toBe(3);
    expect(root.stderr).toContain('Does the path end in /graphql?');
    // The right path is not second-guessed when the API itself refuses.
    const right = await zonegraph(['projects', 'list', '--first', '500', '--url', api.url]);
    expect(right.stderr).not.toContain('/graphql?');
  });

  test('--help documents the exit codes and exits 0', async () => {
    const { code, stdout } = await zonegraph(['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Exit status:/);
    expect(stdout).toMatch(/3\s+cannot reach the API/);
    const list = await zonegraph(['projects', 'list', '--help']);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/--target-stage <stage\.\.\.>/);
    expect((await zonegraph(['help', 'projects'])).code).toBe(0);
  });
});
