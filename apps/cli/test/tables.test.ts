import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { readSheet, toCsv, toXlsx } from '../src/files/tables.ts';

const dir = mkdtempSync(join(tmpdir(), 'zonegraph-tables-'));

// What a spreadsheet would run as a formula, and text that merely looks close.
const RISKY = ['=HYPERLINK("http://evil.example","点击")', '+1+cmd|\' /C calc\'!A0', '-2+3', '-', '@SUM(A1)', '\t=1+1', '\r=1+1', "'=already quoted", "''-twice"];
const SAFE = ['军地医院', 'a=b', ' =1', "'plain", "'"];

describe('CSV cells a spreadsheet would run as formulas', () => {
  test('are written with a leading single quote; other text and numbers are written as they are', () => {
    const csv = toCsv(['text'], [...RISKY, ...SAFE].map((text) => [text]));
    const [, ...rows] = parse(csv, { bom: true }) as string[][];
    expect(rows.map((r) => r[0])).toEqual([...RISKY.map((text) => `'${text}`), ...SAFE]);
  });

  test('numbers stay numbers, negative ones too', () => {
    const csv = toCsv(['amount', 'text'], [[-350000000, '-12.5'], [1250000.5, '+3']]);
    expect(csv).toBe('\uFEFFamount,text\n-350000000,-12.5\n1250000.5,+3\n');
  });

  test('read back, the quote is taken off again: every text reads as it was written', async () => {
    const texts = [...RISKY, ...SAFE];
    const path = join(dir, 'round-trip.csv');
    writeFileSync(path, toCsv(['text'], texts.map((text) => [text])));
    const sheet = await readSheet(path);
    expect(sheet.rows.map((r) => r.cells[0])).toEqual(texts);
  });

  test('a quote a person typed before a formula in their own CSV is taken as the guard', async () => {
    const path = join(dir, 'typed.csv');
    writeFileSync(path, "text\n'=1+1\n'plain\n");
    expect((await readSheet(path)).rows.map((r) => r.cells[0])).toEqual(['=1+1', "'plain"]);
  });
});

describe('.xlsx cells', () => {
  test('text that starts with = is a text cell, never a formula, and is not quoted', async () => {
    const bytes = await toXlsx('projects', ['name'], RISKY.map((text) => [text]));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const cells = RISKY.map((_, i) => sheet.getRow(i + 2).getCell(1));
    expect(cells.map((cell) => cell.type)).toEqual(RISKY.map(() => ExcelJS.ValueType.String));
    // (XML reads a carriage return as a line feed; the cell is text all the same.)
    expect(cells.map((cell) => cell.value)).toEqual(RISKY.map((text) => text.replace('\r', '\n')));
  });
});
