import { resolve } from 'node:path';
import { Command } from 'commander';
import type { ImportProjectRowInput, ImportProjectsMutation, ZonegraphClient } from '@zonegraph/sdk';
import { connect, connectionOptions, type ConnectionOptions } from '../connection.ts';
import { CommandFailed } from '../errors.ts';
import { ExitCode } from '../exit-codes.ts';
import { readSheet } from '../files/tables.ts';
import { PROJECT_COLUMNS } from '../import/columns.ts';
import { readRows, type RowIssue } from '../import/rows.ts';
import type { CliIo } from '../io.ts';
import { failure } from '../payloads.ts';
import { progressBar } from '../output/progress.ts';
import { renderTable } from '../output/table.ts';

/** The API's most rows in one all-or-nothing call (importProjects' documented maximum). */
export const MAX_IMPORT_ROWS = 1000;
/** Rows per dry-run call while checking, so that the progress bar moves. */
const CHECK_CHUNK = 100;

interface ImportOptions extends ConnectionOptions {
  dryRun?: boolean;
  json?: boolean;
}

type Payload = ImportProjectsMutation['importProjects'];
type Success = Extract<Payload, { __typename: 'ImportProjectsSuccess' }>;
type RowOutcome = Success['rows'][number];

export function importCommand(io: CliIo): Command {
  const command = new Command('import').description('load records from a spreadsheet into the API');
  const projects = new Command('projects')
    .description('create or update projects from an .xlsx or .csv file, by project code, all or nothing')
    .argument('<file>', 'a .xlsx (first sheet) or .csv (UTF-8) file with a header row')
    .option('--dry-run', 'check every row and show what would change, writing nothing')
    .option('--json', 'print the outcome (or the problems) as JSON');
  for (const option of connectionOptions(io.env)) projects.addOption(option);
  projects.addHelpText(
    'after',
    `
Columns (header = the name below or its Chinese name, any order; * required):
${PROJECT_COLUMNS.map((c) => `  ${`${c.key}${c.required ? ' *' : ''}`.padEnd(22)}${c.zh}: ${c.help}`).join('\n')}

Every row is checked before anything is written; with any problem, a table of
problems by row is printed and nothing is imported (exit 4). A row that
matches its project changes nothing, so importing a file twice is safe. At most
${MAX_IMPORT_ROWS} rows a file. Needs an editor or admin key.

Money is in yuan: full-width digits and separators (３５０，０００，０００), 350,000,000,
¥ and 元 are accepted; amounts in 万 or 亿 are refused with the figure in yuan to write.

  zonegraph import projects projects.xlsx --dry-run
  zonegraph import projects projects.csv --api-key "$EDITOR_KEY"`,
  );

  projects.action(async (file: string, options: ImportOptions) => {
    const client = connect(options, io.env);
    const path = resolve(io.cwd ?? process.cwd(), file);
    const sheet = await readSheet(path);
    const { rows, issues, headers } = readRows(sheet);
    if (issues.some((i) => i.row === 1)) return refuse(io, file, issues, options);
    if (rows.length === 0) return refuse(io, file, [{ row: 2, code: null, column: null, message: 'the file has a header but no rows to import' }], options);
    if (rows.length > MAX_IMPORT_ROWS) {
      return refuse(io, file, [{ row: 1, code: null, column: null, message: `${rows.length} rows; one import takes at most ${MAX_IMPORT_ROWS} (all or nothing). Split the file.` }], options);
    }

    const progress = progressBar(io.stderr, rows.length);
    try {
      // Everything is checked by the API too (codes it knows, stages), as a dry run.
      const checked = await checkWithApi(client, rows, (done) => progress.update(done, 'checking '));
      const problems = mergeIssues(issues, checked.issues, headers);
      if (problems.length) {
        progress.stop();
        return refuse(io, file, problems, options);
      }
      if (options.dryRun) {
        progress.stop();
        return report(io, file, { dryRun: true, rows: checked.outcomes }, options);
      }
      progress.update(0, 'importing');
      const written = await callImport(client, rows, false);
      progress.update(rows.length, 'importing');
      progress.stop();
      // Another change between the check and the import can still make a row fail.
      if (written.__typename === 'ImportRejectedError') return refuse(io, file, mergeIssues([], written.issues, headers), options);
      return report(io, file, { dryRun: false, rows: written.rows }, options);
    } finally {
      progress.stop();
    }
  });

  return command.addCommand(projects);
}

async function callImport(client: ZonegraphClient, rows: ImportProjectRowInput[], dryRun: boolean) {
  const { importProjects: payload } = await client.importProjects({ input: { rows, dryRun } });
  if (payload.__typename === 'ImportProjectsSuccess' || payload.__typename === 'ImportRejectedError') return payload;
  const failed = failure(payload);
  if (payload.__typename !== 'ForbiddenError') throw failed;
  throw new CommandFailed(failed.exitCode, [...failed.lines, 'Importing needs an editor or admin key: pass --api-key or set $ZONEGRAPH_API_KEY.']);
}

type ApiIssue = Extract<Payload, { __typename: 'ImportRejectedError' }>['issues'][number];

async function checkWithApi(client: ZonegraphClient, rows: ImportProjectRowInput[], onProgress: (done: number) => void) {
  const issues: ApiIssue[] = [];
  const outcomes: RowOutcome[] = [];
  for (let start = 0; start < rows.length; start += CHECK_CHUNK) {
    const answer = await callImport(client, rows.slice(start, start + CHECK_CHUNK), true);
    if (answer.__typename === 'ImportRejectedError') issues.push(...answer.issues);
    else outcomes.push(...answer.rows);
    onProgress(Math.min(rows.length, start + CHECK_CHUNK));
  }
  return { issues, outcomes };
}

/**
 * The CLI's own problems and the API's, one per row and column: where the CLI
 * already named a cell (an empty name, a repeated code), the API's word on the
 * same cell is left out.
 */
function mergeIssues(local: RowIssue[], api: ApiIssue[], headers: Map<string, string>): RowIssue[] {
  const seen = new Set(local.map((i) => `${i.row}\u0000${i.column}`));
  const fromApi = api
    .map((i) => ({ row: i.row, code: i.code, column: i.field === null ? null : (headers.get(i.field) ?? i.field), message: i.message }))
    .filter((i) => !seen.has(`${i.row}\u0000${i.column}`));
  return [...local, ...fromApi].sort((a, b) => a.row - b.row);
}

function refuse(io: CliIo, file: string, issues: RowIssue[], options: ImportOptions): never {
  const rows = new Set(issues.map((i) => i.row)).size;
  const summary = `${issues.length} problem${issues.length === 1 ? '' : 's'} in ${rows} row${rows === 1 ? '' : 's'} of ${file}; nothing was imported.`;
  if (options.json) {
    io.stdout.write(`${JSON.stringify({ file, imported: false, issues }, null, 2)}\n`);
  } else {
    io.stdout.write(
      renderTable(
        [{ header: 'ROW' }, { header: 'CODE' }, { header: 'COLUMN' }, { header: 'PROBLEM', shrinkable: false }],
        issues.map((i) => [String(i.row), i.code ?? '-', i.column ?? '-', i.message]),
      ),
    );
  }
  throw new CommandFailed(ExitCode.rejected, [summary]);
}

function report(io: CliIo, file: string, result: { dryRun: boolean; rows: RowOutcome[] }, options: ImportOptions): void {
  const count = (outcome: RowOutcome['outcome']) => result.rows.filter((r) => r.outcome === outcome).length;
  const [created, updated, unchanged] = [count('CREATED'), count('UPDATED'), count('UNCHANGED')];
  if (options.json) {
    io.stdout.write(`${JSON.stringify({ file, dryRun: result.dryRun, imported: !result.dryRun, created, updated, unchanged, rows: result.rows }, null, 2)}\n`);
    return;
  }
  const changed = result.rows.filter((r) => r.outcome !== 'UNCHANGED');
  if (changed.length) {
    io.stdout.write(
      renderTable(
        [{ header: 'ROW' }, { header: 'CODE' }, { header: result.dryRun ? 'WOULD BE' : 'OUTCOME' }, { header: 'CHANGED FIELDS', shrinkable: true }],
        changed.map((r) => [String(r.row), r.code, r.outcome, r.changedFields.join(', ') || '-']),
        io.stdout.isTTY ? io.stdout.columns : undefined,
      ),
    );
  }
  io.stdout.write(
    result.dryRun
      ? `Dry run of ${file}, nothing written: ${created} to create, ${updated} to update, ${unchanged} unchanged.\n`
      : `Imported ${file}: ${created} created, ${updated} updated, ${unchanged} unchanged.\n`,
  );
}
