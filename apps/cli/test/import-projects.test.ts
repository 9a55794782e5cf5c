import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApi, type RunningApi } from '@zonegraph/api/testing';
import { createApiKey } from '@zonegraph/db';
import { zonegraph } from './support/cli.ts';
import { editedXlsx, FIXTURE_CSV, FIXTURE_XLSX, fixtureTable, renamed, setCell, writeCsv } from './support/sheets.ts';

let api: RunningApi;
let editorEnv: Record<string, string>;
let seededCount: number;

beforeAll(async () => {
  api = await startApi();
  const { key } = await createApiKey(api.db.prisma, { holder: 'planning office', role: 'EDITOR' });
  editorEnv = { ZONEGRAPH_URL: api.url, ZONEGRAPH_API_KEY: key };
  seededCount = await api.db.prisma.project.count();
});

afterAll(async () => {
  await api?.close();
});

const importFile = (path: string, ...flags: string[]) => zonegraph(['import', 'projects', path, ...flags], editorEnv);
const projectCount = () => api.db.prisma.project.count();
const auditCount = () => api.db.prisma.auditEvent.count();

/** The problem table's rows as [row, code, column, problem]. */
function problems(stdout: string): string[][] {
  const lines = stdout.trimEnd().split('\n');
  expect(lines[0]).toMatch(/^ROW\s+CODE\s+COLUMN\s+PROBLEM$/);
  return lines.slice(1).map((line) => {
    const [row, code, column, ...message] = line.split(/ {2,}/);
    return [row!, code!, column!, message.join('  ')];
  });
}

describe('zonegraph import projects: the seed spreadsheet', () => {
  test('the seed\'s projects, as .xlsx and as .csv, match the seeded API: nothing to change', async () => {
    for (const file of [FIXTURE_XLSX, FIXTURE_CSV]) {
      const audits = await auditCount();
      const { code, stdout, stderr } = await importFile(file);
      expect(stderr, file).toBe('');
      expect(code, file).toBe(0);
      expect(stdout).toBe(`Imported ${file}: 0 created, 0 updated, ${seededCount} unchanged.\n`);
      expect(await auditCount()).toBe(audits);
    }
  });

  test('the same projects under new codes are created, with their details; a second import changes nothing', async () => {
    const file = writeCsv(renamed(fixtureTable(), 'NEW-2020'));
    const first = await importFile(file);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout.trimEnd().split('\n').at(-1)).toBe(`Imported ${file}: ${seededCount} created, 0 updated, 0 unchanged.`);
    expect(first.stdout).toMatch(/^ROW\s+CODE\s+OUTCOME\s+CHANGED FIELDS\n2\s+NEW-2020-P01\s+CREATED/);
    expect(await projectCount()).toBe(seededCount * 2);

    const [copy, original] = await Promise.all(
      ['NEW-2020-P03', 'GZK-2020-P03'].map((code) =>
        api.db.prisma.project.findUniqueOrThrow({ where: { code }, include: { campaign: true, organisations: { orderBy: { code: 'asc' } }, sector: true } }),
      ),
    );
    expect(copy!.nameZh).toBe(original!.nameZh);
    expect(copy!.stage).toBe(original!.stage);
    expect(copy!.targetStage).toBe(original!.targetStage);
    expect(copy!.targetDate).toEqual(original!.targetDate);
    expect(copy!.campaign.code).toBe(original!.campaign.code);
    expect(copy!.organisations.map((o) => o.code)).toEqual(original!.organisations.map((o) => o.code));
    // One audit event per created project, by the key's holder.
    expect(await api.db.prisma.auditEvent.count({ where: { recordCode: { startsWith: 'NEW-2020-' }, action: 'create', holder: 'planning office' } })).toBe(seededCount);

    const audits = await auditCount();
    const second = await importFile(file);
    expect(second.code).toBe(0);
    expect(second.stdout).toBe(`Imported ${file}: 0 created, 0 updated, ${seededCount} unchanged.\n`);
    expect(await projectCount()).toBe(seededCount * 2);
    expect(await auditCount()).toBe(audits);
  });

  test('--dry-run shows what would change and writes nothing', async () => {
    const table = renamed(fixtureTable(), 'DRY-2020');
    const file = writeCsv(table);
    const [projects, audits] = [await projectCount(), await auditCount()];
    const { code, stdout } = await importFile(file, '--dry-run');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^ROW\s+CODE\s+WOULD BE\s+CHANGED FIELDS\n/);
    expect(stdout.trimEnd().split('\n').at(-1)).toBe(`Dry run of ${file}, nothing written: ${seededCount} to create, 0 to update, 0 unchanged.`);
    expect(await projectCount()).toBe(projects);
    expect(await auditCount()).toBe(audits);

    // A change to an existing project, dry: named with its field, and not made.
    const edited = fixtureTable();
    setCell(edited, 4, 'nameEn', 'A New English Name');
    const dry = await importFile(writeCsv(edited), '--dry-run');
    expect(dry.stdout).toMatch(/\n4\s+GZK-2020-P03\s+UPDATED\s+nameEn\n/);
    expect((await api.db.prisma.project.findUniqueOrThrow({ where: { code: 'GZK-2020-P03' } })).nameEn).not.toBe('A New English Name');
  });

  test('a progress bar runs on stderr when it is a terminal, and never on stdout', async () => {
    const file = writeCsv(renamed(fixtureTable(), 'BAR-2020'));
    const { code, stdout, stderr } = await zonegraph(['import', 'projects', file], editorEnv, { columns: 100, stderr: true });
    expect(code).toBe(0);
    expect(stderr).toContain(`checking  [`);
    expect(stderr).toContain(`] ${seededCount}/${seededCount} rows`);
    expect(stderr).toContain('importing [');
    expect(stdout).not.toMatch(/\u001b|rows\b.*\[/);
    expect(stdout.trimEnd().split('\n').at(-1)).toBe(`Imported ${file}: ${seededCount} created, 0 updated, 0 unchanged.`);
    // Not a terminal: no bar, nothing on stderr at all.
    const piped = await importFile(file);
    expect(piped.stderr).toBe('');
  });

  test('--json prints the outcome for machines', async () => {
    const { code, stdout } = await importFile(FIXTURE_CSV, '--json', '--dry-run');
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as { dryRun: boolean; imported: boolean; unchanged: number; rows: { row: number; code: string; outcome: string }[] };
    expect(result).toMatchObject({ dryRun: true, imported: false, unchanged: seededCount });
    expect(result.rows[0]).toMatchObject({ row: 2, code: 'GZK-2020-P01', outcome: 'UNCHANGED' });
  });
});

describe('zonegraph import projects: a spreadsheet broken the ways people break them', () => {
  test('a missing column is named, with what it holds, and nothing is read further', async () => {
    const table = fixtureTable();
    const at = table.header.indexOf('campaign');
    const file = writeCsv({ header: table.header.filter((_, i) => i !== at), rows: table.rows.map((r) => r.filter((_, i) => i !== at)) });
    const { code, stdout, stderr } = await importFile(file);
    expect(code).toBe(4);
    expect(problems(stdout)).toEqual([['1', '-', 'campaign', 'missing column "campaign" (攻坚战): every row needs the campaign\'s code, e.g. GZK-2020-C4']]);
    expect(stderr).toBe(`zonegraph: 1 problem in 1 row of ${file}; nothing was imported.\n`);
  });

  test('an unknown column is refused rather than silently ignored', async () => {
    const table = fixtureTable();
    table.header[table.header.indexOf('cluster')] = 'clustr';
    const { code, stdout } = await importFile(writeCsv(table));
    expect(code).toBe(4);
    expect(problems(stdout)[0]).toEqual(['1', '-', 'clustr', expect.stringMatching(/^unknown column "clustr"; the columns are code, nameZh/)]);
  });

  test('every bad row is listed by its row number and column, and nothing at all is imported', async () => {
    const table = renamed(fixtureTable(), 'BAD-2020');
    setCell(table, 3, 'campaign', 'GZK-2020-C9');
    setCell(table, 4, 'targetDate', '2020-02-30');
    setCell(table, 5, 'targetDate', '31/12/2020');
    setCell(table, 6, 'code', 'BAD-2020-P02');
    setCell(table, 7, 'plannedInvestment', '3.5亿');
    setCell(table, 8, 'cluster', 'NO-SUCH-CLUSTER');
    setCell(table, 9, 'park', 'NO-SUCH-PARK');
    setCell(table, 10, 'nameZh', '');
    setCell(table, 11, 'plannedInvestment', '3,50,000');
    const file = writeCsv(table);
    const [projects, audits] = [await projectCount(), await auditCount()];
    const { code, stdout, stderr } = await importFile(file);
    expect(code).toBe(4);
    expect(problems(stdout)).toEqual([
      ['3', 'BAD-2020-P02', 'campaign', 'no campaign has the code "GZK-2020-C9"'],
      ['4', 'BAD-2020-P03', 'targetDate', '"2020-02-30" is not a day of the calendar (2020 has no 02-30); write YYYY-MM-DD'],
      ['5', 'BAD-2020-P04', 'targetDate', '"31/12/2020" is not a date; write YYYY-MM-DD, e.g. 2020-12-31'],
      ['6', 'BAD-2020-P02', 'code', 'the code BAD-2020-P02 is also on row 3; each project once per file'],
      ['7', 'BAD-2020-P06', 'plannedInvestment', '"3.5亿" is in 亿; the column is in yuan: write 350000000'],
      ['8', 'BAD-2020-P07', 'cluster', 'no industry cluster has the code "NO-SUCH-CLUSTER"'],
      ['9', 'BAD-2020-P08', 'park', 'no park has the code "NO-SUCH-PARK"'],
      ['10', 'BAD-2020-P09', 'nameZh', 'is empty; every row needs name in Chinese'],
      ['11', 'BAD-2020-P10', 'plannedInvestment', '"3,50,000" has thousands separators in the wrong places; write e.g. 350,000,000 or 350000000'],
    ]);
    expect(stderr).toBe(`zonegraph: 9 problems in 9 rows of ${file}; nothing was imported.\n`);
    // The other rows were valid, and still none of them was imported.
    expect(await projectCount()).toBe(projects);
    expect(await auditCount()).toBe(audits);
  });

  test('one bad row in a batch of good ones imports nothing', async () => {
    const table = renamed(fixtureTable(), 'ONE-2020');
    setCell(table, table.rows.length + 1, 'campaign', 'NOT-A-CAMPAIGN');
    const [projects, audits] = [await projectCount(), await auditCount()];
    const { code, stdout } = await importFile(writeCsv(table));
    expect(code).toBe(4);
    expect(problems(stdout)).toEqual([[String(table.rows.length + 1), expect.stringMatching(/^ONE-2020-P\d+$/), 'campaign', 'no campaign has the code "NOT-A-CAMPAIGN"']]);
    expect(await projectCount()).toBe(projects);
    expect(await auditCount()).toBe(audits);
    expect(await api.db.prisma.project.count({ where: { code: { startsWith: 'ONE-2020-' } } })).toBe(0);
  });

  test('money in full-width digits and separators is read as yuan', async () => {
    const file = await editedXlsx((sheet) => {
      const column = (sheet.getRow(1).values as unknown[]).indexOf('plannedInvestment');
      sheet.getRow(2).getCell(column).value = '３５０，０００，０００';
      sheet.getRow(3).getCell(column).value = '￥１２５０００００．５０元';
      sheet.getRow(4).getCell(column).value = 980000;
    });
    const dry = await importFile(file, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/\n2\s+GZK-2020-P01\s+UPDATED\s+plannedInvestment\n3\s+GZK-2020-P02\s+UPDATED\s+plannedInvestment\n4\s+GZK-2020-P03\s+UPDATED\s+plannedInvestment\n/);
    const { code } = await importFile(file);
    expect(code).toBe(0);
    const planned = async (code: string) => (await api.db.prisma.project.findUniqueOrThrow({ where: { code } })).plannedInvestment?.toFixed(2);
    expect(await planned('GZK-2020-P01')).toBe('350000000.00');
    expect(await planned('GZK-2020-P02')).toBe('12500000.50');
    expect(await planned('GZK-2020-P03')).toBe('980000.00');
    // And the same figures again are no change.
    expect((await importFile(file)).stdout).toBe(`Imported ${file}: 0 created, 0 updated, ${seededCount} unchanged.\n`);
  });

  test('money in 万, or with 。 for a decimal point, is refused with what to write', async () => {
    const table = fixtureTable();
    setCell(table, 2, 'plannedInvestment', '３５００万元');
    setCell(table, 3, 'plannedInvestment', '1250000。50');
    setCell(table, 4, 'plannedInvestment', '-100');
    const { code, stdout } = await importFile(writeCsv(table));
    expect(code).toBe(4);
    expect(problems(stdout).map((p) => p[3])).toEqual([
      '"３５００万元" is in 万; the column is in yuan: write 35000000',
      '"1250000。50" uses 。 as a decimal point; write a full stop (.) instead, e.g. 1250000.50',
      '"-100" is negative; an investment is 0 or more yuan',
    ]);
  });

  test('Chinese headers, stage names and yes/no are read too', async () => {
    const table = renamed(fixtureTable(), 'ZH-2020');
    const names: Record<string, string> = { code: '项目编号', nameZh: '项目名称', nameEn: '英文名称', campaign: '攻坚战', stage: '当前阶段', isKeyProject: '重点项目' };
    const header = table.header.map((h) => names[h] ?? h);
    const stage = table.header.indexOf('stage');
    const rows = table.rows.map((r) => r.map((cell, i) => (i === stage ? ({ NEGOTIATING: '洽谈', SIGNED: '签约', UNDER_CONSTRUCTION: '开工建设' }[cell] ?? cell) : cell)));
    const { code, stdout } = await importFile(writeCsv({ header, rows }));
    expect(code, stdout).toBe(0);
    expect(stdout).toMatch(new RegExp(`${seededCount} created`));
    const copy = await api.db.prisma.project.findUniqueOrThrow({ where: { code: 'ZH-2020-P06' } });
    const original = await api.db.prisma.project.findUniqueOrThrow({ where: { code: 'GZK-2020-P06' } });
    expect(copy.stage).toBe(original.stage);
  });

  test('a changed stage of an existing project is refused: moves are dated events', async () => {
    const table = fixtureTable();
    setCell(table, 2, 'stage', 'CANCELLED');
    const { code, stdout } = await importFile(writeCsv(table));
    expect(code).toBe(4);
    expect(problems(stdout)).toEqual([['2', 'GZK-2020-P01', 'stage', expect.stringMatching(/^project GZK-2020-P01 is UNDER_CONSTRUCTION, not CANCELLED; record a stage move/)]]);
  });

  test('--json lists the problems for machines, and exits 4 too', async () => {
    const table = fixtureTable();
    setCell(table, 2, 'targetDate', 'soon');
    const { code, stdout } = await importFile(writeCsv(table), '--json');
    expect(code).toBe(4);
    expect(JSON.parse(stdout)).toMatchObject({ imported: false, issues: [{ row: 2, code: 'GZK-2020-P01', column: 'targetDate', message: expect.stringContaining('"soon" is not a date') }] });
  });
});

describe('zonegraph import projects: who may, and files that cannot be read', () => {
  test('an analyst key is refused (exit 1, FORBIDDEN), and nothing is written', async () => {
    const { key } = await createApiKey(api.db.prisma, { holder: 'analyst', role: 'ANALYST' });
    const projects = await projectCount();
    const { code, stderr } = await zonegraph(['import', 'projects', writeCsv(renamed(fixtureTable(), 'NO-2020'))], { ZONEGRAPH_URL: api.url, ZONEGRAPH_API_KEY: key });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^zonegraph: FORBIDDEN: .*\nzonegraph: Importing needs an editor or admin key: pass --api-key or set \$ZONEGRAPH_API_KEY.\n$/);
    expect(await projectCount()).toBe(projects);
  });

  test('a file with no rows, or more than one import takes, is refused before the API is asked', async () => {
    const { header, rows } = fixtureTable();
    const empty = await importFile(writeCsv({ header, rows: [] }));
    expect(empty.code).toBe(4);
    expect(problems(empty.stdout)).toEqual([['2', '-', '-', 'the file has a header but no rows to import']]);
    const many = Array.from({ length: 1001 }, (_, i) => rows[i % rows.length]!.map((cell, j) => (j === 0 ? `MANY-${i}` : cell)));
    const projects = await projectCount();
    const tooMany = await importFile(writeCsv({ header, rows: many }));
    expect(tooMany.code).toBe(4);
    expect(problems(tooMany.stdout)).toEqual([['1', '-', '-', '1001 rows; one import takes at most 1000 (all or nothing). Split the file.']]);
    expect(await projectCount()).toBe(projects);
  });

  test('a missing file, or one that is not a spreadsheet, is a usage error (2)', async () => {
    expect(await importFile('/nowhere/projects.xlsx')).toMatchObject({ code: 2, stderr: expect.stringContaining('cannot read /nowhere/projects.xlsx: ENOENT') });
    expect(await importFile('/etc/hostname')).toMatchObject({ code: 2, stderr: expect.stringContaining('expected a .xlsx or .csv file') });
    const notXlsx = writeCsv(fixtureTable()).replace(/\.csv$/, '.xlsx');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(notXlsx, 'code,nameZh\n');
    expect(await importFile(notXlsx)).toMatchObject({ code: 2, stderr: expect.stringContaining('is not a readable .xlsx workbook') });
  });
});
