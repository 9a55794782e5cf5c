import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApi, type RunningApi } from '@zonegraph/api/testing';
import { createApiKey } from '@zonegraph/db';
import { zonegraph } from './support/cli.ts';

let api: RunningApi;
let editorEnv: Record<string, string>;
let seededCount: number;
const dir = mkdtempSync(join(tmpdir(), 'zonegraph-export-'));

beforeAll(async () => {
  // A test adds and deletes records straight in the database between exports, which the
  // response cache cannot see (README "Caching").
  api = await startApi({ settings: { RESPONSE_CACHE: false } });
  const { key } = await createApiKey(api.db.prisma, { holder: 'planning office', role: 'EDITOR' });
  editorEnv = { ZONEGRAPH_URL: api.url, ZONEGRAPH_API_KEY: key };
  // Investment and findings, which the seed does not hold.
  const [p01, p02] = await Promise.all(['GZK-2020-P01', 'GZK-2020-P02'].map((code) => api.db.prisma.project.findUniqueOrThrow({ where: { code } })));
  // Names and summaries a spreadsheet would run as formulas, which the CSV
  // export guards with a quote and the import takes off again.
  await api.db.prisma.project.createMany({ data: FORMULA_PROJECTS.map((p) => ({ ...p, programmeId: p01!.programmeId, campaignId: p01!.campaignId })) });
  seededCount = await api.db.prisma.project.count();
  await api.db.prisma.investmentRecord.createMany({
    data: [
      { projectId: p01!.id, month: new Date('2020-03-01'), amount: '12500000.50' },
      { projectId: p01!.id, month: new Date('2020-02-01'), amount: '8000000' },
      { projectId: p02!.id, month: new Date('2020-02-01'), amount: '3000000' },
    ],
  });
  const campaign = await api.db.prisma.campaign.findUniqueOrThrow({ where: { code: 'GZK-2020-C4' } });
  await api.db.prisma.inspectionFinding.create({
    data: { code: 'F-2020-001', titleZh: '进度滞后', titleEn: 'Behind schedule', foundOn: new Date('2020-05-06'), deadline: new Date('2020-06-30'), campaignId: campaign.id, projectId: p01!.id, responsibleUnit: '招商局' },
  });
});

const FORMULA_PROJECTS = [
  { code: 'GZK-2020-P90', nameZh: '=HYPERLINK("http://evil.example","点击")', nameEn: '-2+3+cmd|\' /C calc\'!A0', summaryZh: "'=already quoted", summaryEn: '@SUM(1)' },
  { code: 'GZK-2020-P91', nameZh: '-', nameEn: '+1', summaryZh: '-5', summaryEn: null },
];

afterAll(async () => {
  await api?.close();
});

describe('zonegraph export', () => {
  test('projects as CSV on stdout import back unchanged', async () => {
    const out = join(dir, 'projects.csv');
    const { code, stderr } = await zonegraph(['export', 'projects', '--out', out], editorEnv);
    expect(code).toBe(0);
    expect(stderr).toBe(`wrote ${seededCount} projects rows to ${out}\n`);
    const [header, ...rows] = parse(readFileSync(out), { bom: true }) as string[][];
    expect(header!.slice(0, 4)).toEqual(['code', 'nameZh', 'nameEn', 'campaign']);
    expect(rows).toHaveLength(seededCount);
    expect(rows[0]!.slice(0, 2)).toEqual(['GZK-2020-P01', '军地医院']);
    // Formulas are text to a spreadsheet: quoted. Numbers stay numbers.
    const column = (row: string[] | undefined, key: string) => row![header!.indexOf(key)];
    const p90 = rows.find((r) => r[0] === 'GZK-2020-P90');
    expect([column(p90, 'nameZh'), column(p90, 'nameEn'), column(p90, 'summaryZh'), column(p90, 'summaryEn')]).toEqual([
      '\'=HYPERLINK("http://evil.example","点击")', '\'-2+3+cmd|\' /C calc\'!A0', "''=already quoted", "'@SUM(1)",
    ]);
    const p91 = rows.find((r) => r[0] === 'GZK-2020-P91');
    expect([column(p91, 'nameZh'), column(p91, 'nameEn'), column(p91, 'summaryZh')]).toEqual(["'-", '+1', '-5']);

    const again = await zonegraph(['import', 'projects', out], editorEnv);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(`Imported ${out}: 0 created, 0 updated, ${seededCount} unchanged.\n`);
    const stored = await api.db.prisma.project.findMany({ where: { code: { in: FORMULA_PROJECTS.map((p) => p.code) } }, orderBy: { code: 'asc' } });
    expect(stored.map(({ code, nameZh, nameEn, summaryZh, summaryEn }) => ({ code, nameZh, nameEn, summaryZh, summaryEn }))).toEqual(FORMULA_PROJECTS);
  });

  test('projects as an .xlsx workbook, with date cells', async () => {
    const out = join(dir, 'projects.xlsx');
    expect((await zonegraph(['export', 'projects', '--format', 'xlsx', '--out', out], editorEnv)).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('code');
    expect(sheet.rowCount).toBe(seededCount + 1);
    const targetDate = (sheet.getRow(1).values as unknown[]).indexOf('targetDate');
    expect(sheet.getRow(2).getCell(targetDate).value).toEqual(new Date('2020-12-31T00:00:00Z'));
    // Text that looks like a formula is a text cell, never a formula, and not quoted.
    const code = (sheet.getRow(1).values as unknown[]).indexOf('code');
    const nameZh = (sheet.getRow(1).values as unknown[]).indexOf('nameZh');
    const p90 = sheet.getRows(2, sheet.rowCount - 1)!.find((row) => row.getCell(code).value === 'GZK-2020-P90')!;
    expect(p90.getCell(nameZh).type).toBe(ExcelJS.ValueType.String);
    expect(p90.getCell(nameZh).value).toBe(FORMULA_PROJECTS[0]!.nameZh);
    // And it imports back unchanged too.
    expect((await zonegraph(['import', 'projects', out], editorEnv)).stdout).toMatch(/0 created, 0 updated/);
  });

  test('projects as JSON, filtered by campaign', async () => {
    const { code, stdout } = await zonegraph(['export', 'projects', '--format', 'json', '--campaign', 'GZK-2020-C1'], editorEnv);
    expect(code).toBe(0);
    const projects = JSON.parse(stdout) as { code: string; campaign: string; organisations: string[] }[];
    const expected = await api.db.prisma.project.count({ where: { campaign: { code: 'GZK-2020-C1' } } });
    expect(projects).toHaveLength(expected);
    expect(projects.every((p) => p.campaign === 'GZK-2020-C1')).toBe(true);
    expect(Array.isArray(projects[0]!.organisations)).toBe(true);
  });

  test('run as `pnpm zonegraph` from another directory, a relative --out lands in that directory, not the repository root', async () => {
    const caller = mkdtempSync(join(tmpdir(), 'zonegraph-caller-'));
    // What pnpm hands the root's `zonegraph` script: the root as working directory, the caller's in INIT_CWD.
    const viaPnpm = { ...editorEnv, npm_lifecycle_event: 'zonegraph', INIT_CWD: caller };
    const { code, stderr } = await zonegraph(['export', 'findings', '--format', 'json', '--out', 'findings.json'], viaPnpm);
    expect(code).toBe(0);
    expect(stderr).toContain('findings.json');
    expect(JSON.parse(readFileSync(join(caller, 'findings.json'), 'utf8'))).toHaveLength(1);
    expect(existsSync(join(process.cwd(), 'findings.json'))).toBe(false);
  });

  test('investment: one row per project and month, oldest first, amounts exact', async () => {
    const { code, stdout } = await zonegraph(['export', 'investment', '--format', 'json'], editorEnv);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual([
      { project: 'GZK-2020-P01', nameZh: '军地医院', nameEn: 'Military–Civilian Hospital', campaign: 'GZK-2020-C1', month: '2020-02-01', amount: '8000000' },
      { project: 'GZK-2020-P01', nameZh: '军地医院', nameEn: 'Military–Civilian Hospital', campaign: 'GZK-2020-C1', month: '2020-03-01', amount: '12500000.5' },
      { project: 'GZK-2020-P02', nameZh: '海军中学', nameEn: 'Navy Middle School', campaign: 'GZK-2020-C1', month: '2020-02-01', amount: '3000000' },
    ]);
    const csv = await zonegraph(['export', 'investment'], editorEnv);
    expect(csv.stdout.split('\n')[0]).toBe('\uFEFFproject,nameZh,nameEn,campaign,month,amount');
  });

  test('investment figures follow the key: an anonymous caller sees none', async () => {
    const { code, stdout } = await zonegraph(['export', 'investment', '--format', 'json'], { ZONEGRAPH_URL: api.url });
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual([]);
  });

  test('findings', async () => {
    const { code, stdout } = await zonegraph(['export', 'findings', '--json'], editorEnv);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual([
      {
        code: 'F-2020-001', titleZh: '进度滞后', titleEn: 'Behind schedule', status: 'OPEN', foundOn: '2020-05-06', deadline: '2020-06-30',
        rectifiedOn: null, responsibleUnit: '招商局', campaign: 'GZK-2020-C4', project: 'GZK-2020-P01', obstacle: null,
      },
    ]);
  });

  test('a project with more than a page of organisations and platforms is exported with all of them', async () => {
    const p01 = await api.db.prisma.project.findUniqueOrThrow({ where: { code: 'GZK-2020-P01' } });
    const orgCodes = Array.from({ length: 130 }, (_, i) => `ORG-MANY-${String(i).padStart(3, '0')}`);
    const platformCodes = Array.from({ length: 105 }, (_, i) => `PLT-MANY-${String(i).padStart(3, '0')}`);
    await api.db.prisma.organisation.createMany({ data: orgCodes.map((code) => ({ code, nameZh: code, nameEn: code, type: 'ENTERPRISE' as const })) });
    await api.db.prisma.platform.createMany({ data: platformCodes.map((code) => ({ code, nameZh: code, nameEn: code, kind: 'SUPPORT' as const })) });
    const many = await api.db.prisma.project.create({
      data: {
        code: 'GZK-2020-P99', nameZh: '百家合作', nameEn: 'Many partners', programmeId: p01.programmeId, campaignId: p01.campaignId,
        organisations: { connect: orgCodes.map((code) => ({ code })) },
        platforms: { connect: platformCodes.map((code) => ({ code })) },
      },
    });
    try {
      const { code, stdout } = await zonegraph(['export', 'projects', '--json'], editorEnv);
      expect(code).toBe(0);
      const exported = (JSON.parse(stdout) as { code: string; organisations: string[]; platforms: string[] }[]).find((p) => p.code === 'GZK-2020-P99')!;
      expect([...exported.organisations].sort()).toEqual(orgCodes);
      expect([...exported.platforms].sort()).toEqual(platformCodes);

      const csv = await zonegraph(['export', 'projects'], editorEnv);
      const [header, ...rows] = parse(csv.stdout, { bom: true }) as string[][];
      const row = rows.find((r) => r[0] === 'GZK-2020-P99')!;
      expect(row[header!.indexOf('organisations')]!.split(', ')).toHaveLength(130);
      expect(row[header!.indexOf('platforms')]!.split(', ')).toHaveLength(105);

      // Imported back, the file unlinks none of them: the API takes at most
      // 100 codes a project, so the row is refused and nothing is imported.
      const file = join(dir, 'many.csv');
      writeFileSync(file, csv.stdout);
      const again = await zonegraph(['import', 'projects', file], editorEnv);
      expect(again.code).toBe(4);
      expect(again.stdout).toMatch(/GZK-2020-P99 +organisations +may list at most 100 codes/);
      const linked = await api.db.prisma.project.findUniqueOrThrow({ where: { id: many.id }, select: { _count: { select: { organisations: true, platforms: true } } } });
      expect(linked._count).toEqual({ organisations: 130, platforms: 105 });
    } finally {
      await api.db.prisma.project.delete({ where: { id: many.id } });
    }
  });

  test('usage errors: an unknown format, an .xlsx to a terminal, an extension it cannot read', async () => {
    expect((await zonegraph(['export', 'projects', '--format', 'pdf'], editorEnv)).code).toBe(2);
    expect((await zonegraph(['export', 'findings', '--out', join(dir, 'findings.txt')], editorEnv)).code).toBe(2);
    const tty = await zonegraph(['export', 'projects', '--format', 'xlsx'], editorEnv, { columns: 80 });
    expect(tty.code).toBe(2);
    expect(tty.stderr).toContain('an .xlsx workbook is binary');
    expect((await zonegraph(['export', 'warp'], editorEnv)).code).toBe(2);
  });
});
