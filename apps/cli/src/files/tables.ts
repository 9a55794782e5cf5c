// Spreadsheets in and out: .xlsx through exceljs, .csv through csv-parse and
// csv-stringify. A sheet is a header row and data rows of plain cell values.
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { UsageError } from '../errors.ts';

/** What a cell holds once read: text, a number, a boolean, a day (from a date cell), or nothing. */
export type Cell = string | number | boolean | Date | null;

export interface SheetRow {
  /** The row's number in the file as a person sees it: the header is row 1. */
  rowNumber: number;
  cells: Cell[];
}

export interface Sheet {
  header: string[];
  rows: SheetRow[];
}

export type TableFormat = 'csv' | 'xlsx';

export function formatOfPath(path: string): TableFormat | undefined {
  const ext = extname(path).toLowerCase();
  return ext === '.csv' ? 'csv' : ext === '.xlsx' ? 'xlsx' : undefined;
}

/** Reads the first worksheet of an .xlsx file, or a .csv file (UTF-8, with or without a BOM). */
export async function readSheet(path: string): Promise<Sheet> {
  const format = formatOfPath(path);
  if (!format) throw new UsageError(`${path}: expected a .xlsx or .csv file`);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return format === 'csv' ? readCsv(path, bytes) : readXlsx(path, bytes);
}

function readCsv(path: string, bytes: Buffer): Sheet {
  let records: string[][];
  try {
    records = parse(bytes, { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch (error) {
    throw new UsageError(`${path} is not a readable CSV file: ${(error as Error).message}`);
  }
  const [header = [], ...data] = records;
  return {
    header: header.map((h) => h.trim()),
    rows: data.map((cells, i) => ({ rowNumber: i + 2, cells: cells.map(unguardCsvCell).map((c) => (c.trim() === '' ? null : c)) })),
  };
}

async function readXlsx(path: string, bytes: Buffer): Promise<Sheet> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new UsageError(`${path} is not a readable .xlsx workbook: ${(error as Error).message}`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { header: [], rows: [] };
  const width = sheet.columnCount;
  const cellsOf = (row: ExcelJS.Row) => Array.from({ length: width }, (_, i) => cellValue(row.getCell(i + 1).value));
  const header = cellsOf(sheet.getRow(1)).map((c) => (c === null ? '' : c instanceof Date ? c.toISOString() : String(c).trim()));
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber > 1) rows.push({ rowNumber, cells: cellsOf(row) });
  });
  return { header, rows };
}

/** exceljs's cell value (rich text, formulas, hyperlinks…) as the plain value a person sees. */
function cellValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value) return cellValue(value.richText.map((part) => part.text).join(''));
    if ('result' in value) return value.result === undefined ? null : cellValue(value.result as ExcelJS.CellValue);
    if ('text' in value) return cellValue(typeof value.text === 'string' ? value.text : String(value.text));
    if ('error' in value) return String(value.error);
  }
  return String(value);
}

/**
 * A table as CSV text (UTF-8, with a BOM so that Excel reads Chinese
 * correctly). Text cells a spreadsheet would run as a formula are guarded
 * with a leading `'` (see guardCsvCell).
 */
export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return `\uFEFF${stringify([header, ...rows.map((r) => r.map((cell) => guardCsvCell(csvCell(cell))))])}`;
}

const csvCell = (cell: Cell): string => (cell === null ? '' : cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell));

// CSV formula injection (OWASP): Excel, LibreOffice and Google Sheets run a
// cell that starts with = + - @ (or a tab or carriage return before one) as a
// formula, and a project's name or summary is whatever someone typed. Such a
// text cell is written with a leading single quote, which spreadsheets show
// as text. Cells that already start with quotes before one of these
// characters get one more, so that the import can take exactly one off and
// every text reads back as it was. Plain numbers (-5, +1.5) are not formulas
// and stay numbers. .xlsx needs none of this: its cells are typed, and text
// is never a formula.
const FORMULA_START = /^'*[=+\-@\t\r]/;
const GUARDED = /^'+[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;

/** A CSV cell's text as written: with a `'` before it when a spreadsheet would run it as a formula. */
export function guardCsvCell(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/** A CSV cell's text as read: guardCsvCell undone, so that an export imports back unchanged. */
export function unguardCsvCell(text: string): string {
  return GUARDED.test(text) ? text.slice(1) : text;
}

/** A table as an .xlsx workbook of one sheet; dates as date cells, numbers as numbers. */
export async function toXlsx(sheetName: string, header: readonly string[], rows: readonly (readonly Cell[])[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  // Fixed, so that the same data gives the same file.
  workbook.created = workbook.modified = new Date('2020-01-01T00:00:00Z');
  workbook.creator = 'zonegraph';
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow([...header]).font = { bold: true };
  for (const row of rows) sheet.addRow([...row]);
  sheet.columns.forEach((column, i) => {
    const longest = Math.max(header[i]?.length ?? 0, ...rows.map((r) => csvCell(r[i] ?? null).length));
    column.width = Math.min(60, Math.max(10, longest + 2));
    if (rows.some((r) => r[i] instanceof Date)) column.numFmt = 'yyyy-mm-dd';
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
