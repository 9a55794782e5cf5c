// A sheet of projects as the API's import rows, with every problem found
// without the API: columns missing, unknown or repeated, cells that are not
// what their column needs, required cells left empty, a code on two rows.
import type { ImportProjectRowInput } from '@zonegraph/sdk';
import type { Sheet } from '../files/tables.ts';
import { columnForHeader, PROJECT_COLUMNS, type Column } from './columns.ts';

export interface RowIssue {
  /** The row in the file; 1 is the header. */
  row: number;
  /** The project code on the row, when it has one. */
  code: string | null;
  /** The column's header as in the file (or the key of a missing one); null for the whole row. */
  column: string | null;
  message: string;
}

export interface ReadRows {
  rows: ImportProjectRowInput[];
  issues: RowIssue[];
  /** Each column's key and its header as the file writes it, so that problems name what the person sees. */
  headers: Map<string, string>;
}

/** Checks the header: every required column once, nothing it does not know. */
export function checkHeader(header: readonly string[]): { columns: (Column | undefined)[]; issues: RowIssue[] } {
  const issues: RowIssue[] = [];
  const issue = (column: string | null, message: string) => issues.push({ row: 1, code: null, column, message });
  const columns = header.map((h) => (h === '' ? undefined : columnForHeader(h)));
  header.forEach((h, i) => {
    if (h !== '' && !columns[i]) issue(h, `unknown column "${h}"; the columns are ${PROJECT_COLUMNS.map((c) => c.key).join(', ')} (or their Chinese names)`);
  });
  for (const c of PROJECT_COLUMNS) {
    const at = columns.flatMap((found, i) => (found === c ? [i] : []));
    if (at.length === 0 && c.required) issue(c.key, `missing column "${c.key}" (${c.zh}): every row needs ${c.help}`);
    if (at.length > 1) issue(c.key, `column "${c.key}" appears ${at.length} times (${at.map((i) => `"${header[i]}"`).join(', ')}); keep one`);
  }
  return { columns, issues };
}

/**
 * Reads every data row. A column present with an empty cell sends null
 * (clearing the field on an existing project); a column absent from the file
 * sends nothing (leaving it as it is). Rows left entirely empty are skipped.
 */
export function readRows(sheet: Sheet): ReadRows {
  const { columns, issues } = checkHeader(sheet.header);
  const headers = new Map(columns.flatMap((c, i) => (c ? [[c.key, sheet.header[i]!] as const] : [])));
  if (issues.length) return { rows: [], issues, headers };
  const rows: ImportProjectRowInput[] = [];
  const firstRowOf = new Map<string, number>();
  for (const { rowNumber, cells } of sheet.rows) {
    if (cells.every((cell) => cell === null)) continue;
    const row: Record<string, unknown> = { row: rowNumber };
    const rowIssues: RowIssue[] = [];
    columns.forEach((column, i) => {
      if (!column) return;
      const cell = cells[i] ?? null;
      if (cell === null) {
        if (column.required) rowIssues.push({ row: rowNumber, code: null, column: sheet.header[i]!, message: `is empty; every row needs ${column.help}` });
        row[column.key] = column.required ? '' : null;
        return;
      }
      const parsed = column.parse(cell);
      if ('error' in parsed) rowIssues.push({ row: rowNumber, code: null, column: sheet.header[i]!, message: parsed.error });
      else row[column.key] = parsed.value;
    });
    const code = typeof row['code'] === 'string' && row['code'] !== '' ? row['code'] : null;
    if (code) {
      const first = firstRowOf.get(code);
      if (first !== undefined) rowIssues.push({ row: rowNumber, code, column: headers.get('code')!, message: `the code ${code} is also on row ${first}; each project once per file` });
      else firstRowOf.set(code, rowNumber);
    }
    issues.push(...rowIssues.map((issue) => ({ ...issue, code })));
    rows.push(row as unknown as ImportProjectRowInput);
  }
  return { rows, issues, headers };
}
