import { Command, InvalidArgumentError, Option } from 'commander';
import type { ProjectFilter, ProjectStage, ProjectSummaryFragment, ZonegraphClient } from '@zonegraph/sdk';
import { connect, connectionOptions, type ConnectionOptions } from '../connection.ts';
import { parseStage, PROJECT_STAGES } from '../enums.ts';
import type { CliIo } from '../io.ts';
import { renderTable } from '../output/table.ts';

/** The API's largest page: `--all` asks for full pages. */
const MAX_PAGE_SIZE = 100;

interface ListOptions extends ConnectionOptions {
  campaign?: string;
  stage?: ProjectStage[];
  targetStage?: ProjectStage[];
  search?: string;
  first?: number;
  all?: boolean;
  json?: boolean;
}

export function projectsCommand(io: CliIo): Command {
  const projects = new Command('projects').description('projects the programme tracks');

  const list = new Command('list')
    .description('list projects, filtered; a table by default, JSON with --json')
    .option('--campaign <code>', 'only projects of this campaign, e.g. GZK-2020-C4')
    .addOption(stageOption('--stage <stage...>', 'only projects now at one of these stages'))
    .addOption(stageOption('--target-stage <stage...>', 'only projects due to reach one of these stages this period'))
    .option('--search <text>', 'part of a Chinese or English name, or a whole code')
    .option('--first <n>', `how many to list (at most ${MAX_PAGE_SIZE} a page; default: the API's page size)`, parsePositiveInteger)
    .option('--all', 'follow the pages to the end and list every matching project')
    .option('--json', 'print the projects as a JSON array instead of a table');
  for (const option of connectionOptions(io.env)) list.addOption(option);

  list.addHelpText(
    'after',
    `
Stages: ${PROJECT_STAGES.join(', ')} (any case; under-construction works too).
Repeat an option or list several values to match any of them:
  zonegraph projects list --stage SIGNED UNDER_CONSTRUCTION --campaign GZK-2020-C4
  zonegraph projects list --target-stage operating --json --all`,
  );

  list.action(async (options: ListOptions) => {
    const client = connect(options, io.env);
    const filter: ProjectFilter = {
      campaign: options.campaign,
      stage: options.stage,
      targetStage: options.targetStage,
      search: options.search,
    };
    const { nodes, totalCount } = await fetchProjects(client, filter, options);
    if (options.json) {
      io.stdout.write(`${JSON.stringify(nodes, null, 2)}\n`);
      return;
    }
    if (nodes.length > 0) io.stdout.write(projectTable(nodes, io.stdout.isTTY ? io.stdout.columns : undefined));
    io.stdout.write(`${footer(nodes.length, totalCount)}\n`);
  });

  return projects.addCommand(list);
}

async function fetchProjects(
  client: ZonegraphClient,
  filter: ProjectFilter,
  options: Pick<ListOptions, 'first' | 'all'>,
): Promise<{ nodes: ProjectSummaryFragment[]; totalCount: number }> {
  const first = options.first ?? (options.all ? MAX_PAGE_SIZE : undefined);
  const nodes: ProjectSummaryFragment[] = [];
  const seenCursors = new Set<string>();
  let after: string | undefined;
  for (;;) {
    const { projects } = await client.projects({ filter, first, after });
    nodes.push(...projects.nodes);
    const next = projects.pageInfo.endCursor;
    // A cursor seen before would loop forever; stop rather than trust it.
    if (!options.all || !projects.pageInfo.hasNextPage || !next || seenCursors.has(next)) {
      return { nodes, totalCount: projects.totalCount };
    }
    seenCursors.add(next);
    after = next;
  }
}

function projectTable(nodes: readonly ProjectSummaryFragment[], maxWidth: number | undefined): string {
  const dash = (value: string | null) => value ?? '-';
  return renderTable(
    [
      { header: 'CODE' },
      { header: 'NAME (ZH)', shrinkable: true },
      { header: 'NAME (EN)', shrinkable: true },
      { header: 'STAGE' },
      { header: 'TARGET STAGE' },
    ],
    nodes.map((p) => [p.code, p.nameZh, p.nameEn, p.stage, dash(p.targetStage)]),
    maxWidth,
  );
}

function footer(shown: number, total: number): string {
  const noun = (n: number) => `${n} project${n === 1 ? '' : 's'}`;
  if (shown >= total) return total === 0 ? 'No projects match.' : noun(total);
  return `${shown} of ${noun(total)} (--all lists every one)`;
}

function stageOption(flags: string, description: string): Option {
  return new Option(flags, description).argParser((value: string, previous: ProjectStage[] | undefined) => {
    const stages = value.split(',').filter((part) => part.trim() !== '');
    const parsed = stages.map((input) => {
      const stage = parseStage(input);
      if (!stage) throw new InvalidArgumentError(`"${input}" is not a project stage. Stages: ${PROJECT_STAGES.join(', ')}.`);
      return stage;
    });
    return [...(previous ?? []), ...parsed];
  });
}

function parsePositiveInteger(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < 1) {
    throw new InvalidArgumentError(`"${value}" is not a whole number of at least 1.`);
  }
  return n;
}
