import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { toCsv } from '../../src/files/tables.ts';

export const FIXTURE_XLSX = new URL('../fixtures/seed-projects.xlsx', import.meta.url).pathname;
export const FIXTURE_CSV = new URL('../fixtures/seed-projects.csv', import.meta.url).pathname;

const dir = mkdtempSync(join(tmpdir(), 'zonegraph-cli-test-'));
let serial = 0;

/** The fixture CSV as a header and rows of strings, to change and write again. */
export function fixtureTable(): { header: string[]; rows: string[][] } {
  const [header = [], ...rows] = parse(readFileSync(FIXTURE_CSV), { bom: true }) as string[][];
  return { header, rows };
}

/** Writes a CSV file of the table (as a person's edited copy) and returns its path. */
export function writeCsv(table: { header: string[]; rows: string[][] }, name = 'projects'): string {
  const path = join(dir, `${name}-${++serial}.csv`);
  writeFileSync(path, toCsv(table.header, table.rows));
  return path;
}

/** A copy of the fixture .xlsx with cells changed: `edit` gets the first worksheet. */
export async function editedXlsx(edit: (sheet: ExcelJS.Worksheet) => void): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(FIXTURE_XLSX);
  edit(workbook.worksheets[0]!);
  const path = join(dir, `projects-${++serial}.xlsx`);
  await workbook.xlsx.writeFile(path);
  return path;
}

/** Sets one cell of a table by row number as in the file (header = 1) and column key. */
export function setCell(table: { header: string[]; rows: string[][] }, fileRow: number, column: string, value: string): void {
  const i = table.header.indexOf(column);
  if (i < 0) throw new Error(`no column ${column}`);
  table.rows[fileRow - 2]![i] = value;
}

/** The same projects under new codes (GZK-2020-P01 → `prefix`-P01), so that importing them creates projects. */
export function renamed(table: { header: string[]; rows: string[][] }, prefix: string) {
  const i = table.header.indexOf('code');
  return { header: table.header, rows: table.rows.map((r) => r.map((cell, j) => (j === i ? cell.replace('GZK-2020', prefix) : cell))) };
}
