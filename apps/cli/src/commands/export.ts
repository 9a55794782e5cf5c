import { Command, Option } from 'commander';
import {
  CliInvestmentExportDocument,
  CliProjectInvestmentsDocument,
  CliProjectOrganisationsDocument,
  CliProjectPlatformsDocument,
  CliProjectsExportDocument,
  paginateNodes,
  type CliInvestmentExportQueryVariables,
  type CliProjectInvestmentsQueryVariables,
  type CliProjectOrganisationsQueryVariables,
  type CliProjectPlatformsQueryVariables,
  type CliProjectsExportQueryVariables,
  type InspectionFindingsQueryVariables,
  type ProjectFilter,
  type ZonegraphClient,
} from '@zonegraph/sdk';
import { connect, connectionOptions, type ConnectionOptions } from '../connection.ts';
import { UsageError } from '../errors.ts';
import { writeOut } from '../files/out.ts';
import { formatOfPath, toCsv, toXlsx, type Cell } from '../files/tables.ts';
import { PROJECT_COLUMNS } from '../import/columns.ts';
import type { CliIo } from '../io.ts';

const FORMATS = ['csv', 'xlsx', 'json'] as const;
type Format = (typeof FORMATS)[number];
const PAGE = 100;

/** A table to write: its columns, and rows of cells (JSON keeps `json`'s richer values). */
interface Table {
  name: string;
  header: string[];
  rows: Cell[][];
  /** Each row as JSON, with lists as arrays and amounts as exact decimal strings. */
  json: Record<string, unknown>[];
}

interface ExportOptions extends ConnectionOptions {
  format?: Format;
  json?: boolean;
  out?: string;
  campaign?: string;
}

const DATASETS: Record<string, { description: string; read: (client: ZonegraphClient, options: ExportOptions) => Promise<Table> }> = {
  projects: { description: 'every project, in the columns `zonegraph import projects` reads (an export imports back unchanged)', read: readProjects },
  investment: { description: 'completed investment, one row per project and month', read: readInvestment },
  findings: { description: 'the inspection office\'s findings, with their status and deadlines', read: readFindings },
};

export function exportCommand(io: CliIo): Command {
  const command = new Command('export').description('write records from the API as CSV, an Excel workbook or JSON');
  for (const [name, dataset] of Object.entries(DATASETS)) {
    const sub = new Command(name)
      .description(dataset.description)
      .addOption(new Option('--format <format>', 'csv, xlsx or json (default: from --out\'s extension, else csv)').choices(FORMATS))
      .option('--json', 'the same as --format json')
      .option('--out <file>', 'write to this file instead of stdout')
      .option('--campaign <code>', 'only records of this campaign, e.g. GZK-2020-C4');
    for (const option of connectionOptions(io.env)) sub.addOption(option);
    sub.addHelpText(
      'after',
      `
  zonegraph export ${name} --format xlsx --out ${name}.xlsx
  zonegraph export ${name} --format json | jq length
What you see depends on the key: investment figures need an analyst key or above.`,
    );
    sub.action(async (options: ExportOptions) => {
      if (options.json && options.format && options.format !== 'json') throw new UsageError(`--json and --format ${options.format} disagree; give one`);
      const format = options.json ? 'json' : options.format ?? (options.out ? formatOfPath(options.out) ?? (options.out.toLowerCase().endsWith('.json') ? 'json' : undefined) : 'csv');
      if (!format) throw new UsageError(`cannot tell the format from "${options.out}"; add --format csv, xlsx or json`);
      if (format === 'xlsx' && !options.out && io.stdout.isTTY) throw new UsageError('an .xlsx workbook is binary: write it with --out <file.xlsx>, or redirect stdout to a file');
      const client = connect(options, io.env);
      const table = await dataset.read(client, options);
      const bytes = await encode(table, format);
      if (options.out) {
        await writeOut(io, options.out, bytes);
        io.stderr.write(`wrote ${table.rows.length} ${name} row${table.rows.length === 1 ? '' : 's'} to ${options.out}\n`);
      } else {
        io.stdout.write(bytes);
      }
    });
    command.addCommand(sub);
  }
  return command;
}

async function encode(table: Table, format: Format): Promise<string | Uint8Array> {
  if (format === 'json') return `${JSON.stringify(table.json, null, 2)}\n`;
  if (format === 'csv') return toCsv(table.header, table.rows);
  // Amounts as numbers and days as date cells, so that Excel can sum and sort them.
  const rows = table.rows.map((row) =>
    row.map((cell, i) => {
      const header = table.header[i]!;
      if (typeof cell === 'string' && AMOUNT_COLUMNS.has(header)) return Number(cell);
      if (typeof cell === 'string' && DAY_COLUMNS.has(header) && /^\d{4}-\d{2}-\d{2}$/.test(cell)) return new Date(`${cell}T00:00:00Z`);
      return cell;
    }),
  );
  return toXlsx(table.name, table.header, rows);
}

const AMOUNT_COLUMNS = new Set(['plannedInvestment', 'amount']);
const DAY_COLUMNS = new Set(['targetDate', 'month', 'foundOn', 'deadline', 'rectifiedOn']);

async function readProjects(client: ZonegraphClient, options: ExportOptions): Promise<Table> {
  const filter: ProjectFilter = { campaign: options.campaign };
  const header = PROJECT_COLUMNS.map((c) => c.key);
  const json: Record<string, unknown>[] = [];
  for await (const p of paginateNodes((v: CliProjectsExportQueryVariables) => client.request(CliProjectsExportDocument, v), { filter, first: PAGE }, (d) => d.projects)) {
    json.push({
      code: p.code,
      nameZh: p.nameZh,
      nameEn: p.nameEn,
      campaign: p.campaign?.code ?? null,
      cluster: p.cluster?.code ?? null,
      sector: p.sector?.code ?? null,
      park: p.park?.code ?? null,
      organisations: await allCodes(p.organisations, (after) =>
        paginateNodes((v: CliProjectOrganisationsQueryVariables) => client.request(CliProjectOrganisationsDocument, v), { code: p.code, after }, (d) => d.project?.organisations),
      ),
      platforms: await allCodes(p.platforms, (after) =>
        paginateNodes((v: CliProjectPlatformsQueryVariables) => client.request(CliProjectPlatformsDocument, v), { code: p.code, after }, (d) => d.project?.platforms),
      ),
      stage: p.stage,
      targetStage: p.targetStage,
      targetDate: p.targetDate,
      plannedInvestment: p.plannedInvestment,
      isKeyProject: p.isKeyProject,
      inFiveYearPlan: p.inFiveYearPlan,
      visibility: p.visibility,
      investmentVisibility: p.investmentVisibility,
      summaryZh: p.summaryZh,
      summaryEn: p.summaryEn,
    });
  }
  const rows = json.map((record) => header.map((key) => cellOf(record[key])));
  return { name: 'projects', header, rows, json };
}

/**
 * Every code of a project's organisations or platforms: the first page came
 * with the project; a project with more has the rest read after it, since a
 * list cut short would unlink the rest when the file is imported back.
 */
async function allCodes(
  firstPage: { pageInfo: { hasNextPage: boolean; endCursor?: string | null }; nodes: readonly { code: string }[] },
  rest: (after: string) => AsyncIterable<{ code: string }>,
): Promise<string[]> {
  const codes = firstPage.nodes.map((node) => node.code);
  const { hasNextPage, endCursor } = firstPage.pageInfo;
  if (!hasNextPage) return codes;
  // Without a cursor the rest would start again from the first page.
  if (!endCursor) throw new Error('the API said there are more organisations or platforms but gave no endCursor');
  for await (const node of rest(endCursor)) codes.push(node.code);
  return codes;
}

async function readInvestment(client: ZonegraphClient, options: ExportOptions): Promise<Table> {
  const header = ['project', 'nameZh', 'nameEn', 'campaign', 'month', 'amount'];
  const json: Record<string, unknown>[] = [];
  for await (const p of paginateNodes((v: CliInvestmentExportQueryVariables) => client.request(CliInvestmentExportDocument, v), { first: PAGE }, (d) => d.projects)) {
    if (options.campaign && p.campaign?.code !== options.campaign) continue;
    const months = [...p.investments.nodes];
    // A project with more than a page of months: read the rest of its own connection.
    if (p.investments.pageInfo.hasNextPage) {
      const rest = paginateNodes(
        (v: CliProjectInvestmentsQueryVariables) => client.request(CliProjectInvestmentsDocument, v),
        { code: p.code, after: p.investments.pageInfo.endCursor },
        (d) => d.project?.investments,
      );
      for await (const month of rest) months.push(month);
    }
    // Oldest first, as a table of months reads.
    months.sort((a, b) => a.month.localeCompare(b.month));
    for (const m of months) json.push({ project: p.code, nameZh: p.nameZh, nameEn: p.nameEn, campaign: p.campaign?.code ?? null, month: m.month, amount: m.amount });
  }
  const rows = json.map((record) => header.map((key) => cellOf(record[key])));
  return { name: 'investment', header, rows, json };
}

async function readFindings(client: ZonegraphClient, options: ExportOptions): Promise<Table> {
  const header = ['code', 'titleZh', 'titleEn', 'status', 'foundOn', 'deadline', 'rectifiedOn', 'responsibleUnit', 'campaign', 'project', 'obstacle'];
  const json: Record<string, unknown>[] = [];
  const filter = options.campaign ? { campaign: options.campaign } : undefined;
  for await (const f of paginateNodes((v: InspectionFindingsQueryVariables) => client.inspectionFindings(v), { filter, first: PAGE }, (d) => d.inspectionFindings)) {
    json.push({
      code: f.code,
      titleZh: f.titleZh,
      titleEn: f.titleEn,
      status: f.status,
      foundOn: f.foundOn,
      deadline: f.deadline,
      rectifiedOn: f.rectifiedOn,
      responsibleUnit: f.responsibleUnit,
      campaign: f.campaign?.code ?? null,
      project: f.project?.code ?? null,
      obstacle: f.obstacle?.code ?? null,
    });
  }
  const rows = json.map((record) => header.map((key) => cellOf(record[key])));
  return { name: 'findings', header, rows, json };
}

/** A JSON value as a spreadsheet cell: lists joined with ", ", nothing as an empty cell. */
function cellOf(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.length ? value.join(', ') : null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return JSON.stringify(value);
}
