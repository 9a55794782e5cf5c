import { mkdtempSync, readFileSync } from 'node:fs';
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
  api = await startApi();
  const { key } = await createApiKey(api.db.prisma, { holder: 'planning office', role: 'EDITOR' });
  editorEnv = { ZONEGRAPH_URL: api.url, ZONEGRAPH_API_KEY: key };
  seededCount = await api.db.prisma.project.count();

  // Investment and findings, which the seed does not hold.
  const [p01, p02] = await Promise.all(['GZK-2020-P01', 'GZK-2020-P02'].map((code) => api.db.prisma.project.findUniqueOrThrow({ where: { code } })));
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

    const again = await zonegraph(['import', 'projects', out], editorEnv);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(`Imported ${out}: 0 created, 0 updated, ${seededCount} unchanged.\n`);
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

  test('usage errors: an unknown format, an .xlsx to a terminal, an extension it cannot read', async () => {
    expect((await zonegraph(['export', 'projects', '--format', 'pdf'], editorEnv)).code).toBe(2);
    expect((await zonegraph(['export', 'findings', '--out', join(dir, 'findings.txt')], editorEnv)).code).toBe(2);
    const tty = await zonegraph(['export', 'projects', '--format', 'xlsx'], editorEnv, { columns: 80 });
    expect(tty.code).toBe(2);
    expect(tty.stderr).toContain('an .xlsx workbook is binary');
    expect((await zonegraph(['export', 'warp'], editorEnv)).code).toBe(2);
  });
});
