import { Command, InvalidArgumentError } from 'commander';
import { connect, connectionOptions, type ConnectionOptions } from '../connection.ts';
import { writeOut } from '../files/out.ts';
import type { CliIo } from '../io.ts';
import { defaultWeek, gatherWeekly, renderWeekly, weeklyDefaults } from '../report/weekly.ts';
import { parseWeek, todayIn, type Week } from '../report/weeks.ts';

/** The seeded programme's time zone; the report's weeks and "today" are counted in it. */
export const PROGRAMME_TIME_ZONE = 'Asia/Shanghai';

interface WeeklyOptions extends ConnectionOptions {
  week?: Week;
  programme?: string;
  out?: string;
  json?: boolean;
}

export function reportCommand(io: CliIo): Command {
  const report = new Command('report').description('reports for the people who run the programme');
  const weekly = new Command('weekly')
    .description('the week\'s signings, starts, completions, investment, cadence and items at risk, as Markdown')
    .option('--week <week>', 'an ISO week (2020-W19) or any day in it (2020-05-06); default: this week while the programme runs, else its last week with a stage move or talk', parseWeekOption)
    .option('--programme <code>', 'the programme, e.g. GZK-2020 (default: the current one)')
    .option('--out <file>', 'write the Markdown to this file instead of stdout')
    .option('--json', 'print the figures the report is made of as JSON instead');
  for (const option of connectionOptions(io.env)) weekly.addOption(option);
  weekly.addHelpText(
    'after',
    `
Weeks run Monday to Sunday in ${PROGRAMME_TIME_ZONE}. For a past week, every figure is as it
stood at the end of that Sunday; for this week, as of now. Without --week: this week while
the programme's period runs; outside it, the last week with a stage move or a talk (none: it
asks for --week). Investment "expected by" is the straight line to the week's Sunday. What
the report counts depends on the key: investment needs an analyst key or above.

  zonegraph report weekly --week 2020-W19 > week-19.md
  zonegraph report weekly --week 2020-05-06 --json | jq .signings`,
  );
  weekly.action(async (options: WeeklyOptions) => {
    const client = connect(options, io.env);
    const defaults = await weeklyDefaults(client, options.programme);
    const week = options.week ?? defaultWeek(defaults, todayIn(PROGRAMME_TIME_ZONE));
    const data = await gatherWeekly(client, week, { programme: options.programme, timeZone: PROGRAMME_TIME_ZONE, defaults });
    const text = options.json ? `${JSON.stringify(data, null, 2)}\n` : renderWeekly(data);
    if (!options.out) {
      io.stdout.write(text);
      return;
    }
    await writeOut(io, options.out, text);
    io.stderr.write(`wrote the report for ${week.label} to ${options.out}\n`);
  });
  return report.addCommand(weekly);
}

function parseWeekOption(value: string): Week {
  const week = parseWeek(value);
  if ('error' in week) throw new InvalidArgumentError(week.error);
  return week;
}
