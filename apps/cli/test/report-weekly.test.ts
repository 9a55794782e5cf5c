import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApi, type RunningApi } from '@zonegraph/api/testing';
import { createApiKey, type ProjectStage } from '@zonegraph/db';
import { defaultWeek } from '../src/report/weekly.ts';
import { zonegraph } from './support/cli.ts';

let api: RunningApi;
let editorEnv: Record<string, string>;

/** Records a dated stage move as the API keeps it: the history row, and the project's stage and time of change. */
async function move(code: string, fromStage: ProjectStage, toStage: ProjectStage, day: string, note?: string) {
  const project = await api.db.prisma.project.findUniqueOrThrow({ where: { code } });
  await api.db.prisma.projectStageChange.create({ data: { projectId: project.id, fromStage, toStage, occurredOn: new Date(day), note } });
  await api.db.prisma.project.update({ where: { id: project.id }, data: { stage: toStage, stageChangedAt: new Date(day) } });
}

beforeAll(async () => {
  api = await startApi();
  const { key } = await createApiKey(api.db.prisma, { holder: 'programme office', role: 'EDITOR' });
  editorEnv = { ZONEGRAPH_URL: api.url, ZONEGRAPH_API_KEY: key };

  // Week 2020-W19 runs from Monday 4 May to Sunday 10 May 2020.
  await move('GZK-2020-P03', 'NEGOTIATING', 'SIGNED', '2020-05-03'); // the Sunday before: not this week
  await move('GZK-2020-P04', 'NEGOTIATING', 'SIGNED', '2020-05-06', '签约仪式');
  await move('GZK-2020-P06', 'SIGNED', 'UNDER_CONSTRUCTION', '2020-05-04');
  await move('GZK-2020-P01', 'UNDER_CONSTRUCTION', 'OPERATING', '2020-05-10');
  await move('GZK-2020-P05', 'NEGOTIATING', 'SIGNED', '2020-05-11'); // the Monday after: not this week either
  const p04 = await api.db.prisma.project.findUniqueOrThrow({ where: { code: 'GZK-2020-P04' } });
  await api.db.prisma.investmentRecord.createMany({
    data: [
      { projectId: p04.id, month: new Date('2019-05-01'), amount: '200000000' }, // the year before, outside the programme's period
      { projectId: p04.id, month: new Date('2020-04-01'), amount: '100000000' },
      { projectId: p04.id, month: new Date('2020-05-01'), amount: '250000000' },
    ],
  });
  await api.db.prisma.obstacle.create({
    data: { code: 'OB-2020-001', titleZh: '用地指标不足', titleEn: 'Not enough land quota', raisedOn: new Date('2020-03-02'), deadline: new Date('2020-04-30'), responsibleUnit: '自然资源局' },
  });
});

afterAll(async () => {
  await api?.close();
});

describe('zonegraph report weekly', () => {
  test('lists the week\'s signings, starts and completions, and only the week\'s', async () => {
    const { code, stdout, stderr } = await zonegraph(['report', 'weekly', '--week', '2020-W19'], editorEnv);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^# Weekly report 2020-W19: 2020-05-04 to 2020-05-10\n/);
    expect(stdout).toContain('Weeks run Monday to Sunday in Asia/Shanghai; figures as of 2020-05-10 15:59 UTC.');
    expect(stdout).toContain('| Signings (签约入驻) | 1 |\n| Construction starts (开工建设) | 1 |\n| Completions (竣工投产) | 1 |');
    expect(section(stdout, '### Signings')).toContain('| 2020-05-06 | GZK-2020-P04 | 无人装备研究院 (Unmanned Equipment Research Institute) | GZK-2020-C4 |');
    expect(section(stdout, '### Signings')).toContain('| NEGOTIATING | SIGNED | 签约仪式 |');
    expect(section(stdout, '### Construction starts')).toMatch(/^\| 2020-05-04 \| GZK-2020-P06 \|/m);
    expect(section(stdout, '### Completions')).toMatch(/^\| 2020-05-10 \| GZK-2020-P01 \| 军地医院 \(Military–Civilian Hospital\) \|/m);
    expect(stdout).not.toContain('GZK-2020-P03');
    expect(stdout).not.toContain('GZK-2020-P05');
  });

  test('the cadence of the week, month and quarter the week falls in', async () => {
    const { stdout } = await zonegraph(['report', 'weekly', '--week', '2020-05-06'], editorEnv);
    const cadence = section(stdout, '## Cadence');
    expect(cadence).toContain('| 每周有签约入驻 (A signing every week) | 2020-05-04 to 2020-05-10 | 1 | held |');
    expect(cadence).toMatch(/\| 每月有开工建设 \(A construction start every month\) \| 2020-05-01 to 2020-05-31 \| 1 \| held \|/);
    expect(cadence).toMatch(/\| 每季有竣工投产 [^|]+\| 2020-04-01 to 2020-06-30 \| 1 \| held \|/);
    // The week before had a signing (on its Sunday) too: two weeks in a row.
    expect(cadence).toMatch(/A signing every week\) \|[^\n]*\| 2 weeks \| 2 weeks \|/);
  });

  test('investment of the week\'s month and to date, against the target', async () => {
    const { stdout } = await zonegraph(['report', 'weekly', '--week', '2020-W19'], editorEnv);
    const investment = section(stdout, '## Investment');
    expect(investment).toContain('| 2020-05 (month of the week) | ¥250,000,000 (2.50 亿) | ¥200,000,000 (2.00 亿) | 25.0% |');
    expect(investment).toContain('| Cumulative to 2020-05-31 | ¥350,000,000 (3.50 亿) |');
    expect(investment).toContain('Target for the period: ¥19,500,000,000 (195.00 亿); reached 1.8%');
    // Expected by Sunday 10 May, day 131 of 2020's 366: not by the end of May.
    expect(investment).toContain('against ¥6,979,508,196.72 (69.80 亿) expected by 2020-05-10 (the week\'s last day) on a straight line.');
  });

  test('investment a key may not see reads as hidden, not ¥0', async () => {
    // The seed's investment figures are INTERNAL: without a key, both records are hidden.
    const { code, stdout } = await zonegraph(['report', 'weekly', '--week', '2020-W19'], { ZONEGRAPH_URL: api.url });
    expect(code).toBe(0);
    const investment = section(stdout, '## Investment');
    expect(investment).toContain('| 2020-05 (month of the week) | hidden (1 monthly record this key may not see) |');
    expect(investment).toContain('| Cumulative to 2020-05-31 | hidden (2 monthly records this key may not see) |');
    expect(investment).toContain('| 2020-05 (month of the week) | hidden (1 monthly record this key may not see) | hidden (1 monthly record this key may not see) |');
    expect(investment).toContain('reached hidden');
    expect(investment).not.toMatch(/(\(month of the week\)|Cumulative to \S+) \| ¥0 /);
  });

    test('items at risk as they stood at the end of the week', async () => {
    const { stdout } = await zonegraph(['report', 'weekly', '--week', '2020-W19'], editorEnv);
    const risk = section(stdout, '## At risk');
    expect(risk).toContain('obstacles overdue 1');
    expect(risk).toMatch(/\| OB-2020-001 \| 用地指标不足 \| OPEN \| 自然资源局 \| 2020-04-30 \| 10 \|/);
    // A week before the deadline, it was not yet overdue.
    const earlier = section((await zonegraph(['report', 'weekly', '--week', '2020-W17'], editorEnv)).stdout, '## At risk');
    expect(earlier).toContain('obstacles overdue 0');
  });

  test('--json gives the same figures for machines', async () => {
    const { code, stdout } = await zonegraph(['report', 'weekly', '--week', '2020-W19', '--json'], editorEnv);
    expect(code).toBe(0);
    const data = JSON.parse(stdout) as { week: { label: string }; signings: { code: string }[]; starts: { code: string }[]; completions: { code: string }[] };
    expect(data.week.label).toBe('2020-W19');
    expect(data.signings.map((m) => m.code)).toEqual(['GZK-2020-P04']);
    expect(data.starts.map((m) => m.code)).toEqual(['GZK-2020-P06']);
    expect(data.completions.map((m) => m.code)).toEqual(['GZK-2020-P01']);
  });

  test('--out writes the Markdown to a file', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'zonegraph-report-')), 'week-19.md');
    const { code, stdout, stderr } = await zonegraph(['report', 'weekly', '--week', '2020-W19', '--out', out], editorEnv);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toBe(`wrote the report for 2020-W19 to ${out}\n`);
    expect(readFileSync(out, 'utf8')).toMatch(/^# Weekly report 2020-W19/);
    expect((await zonegraph(['report', 'weekly', '--week', '2020-W19', '--out', '/nonexistent/dir/week.md'], editorEnv)).code).toBe(2);
  });

  test('without --week, after the programme\'s period: its last week with a stage move, not today\'s week', async () => {
    // The seeded programme ran through 2020; the last move above is on Monday 11 May (2020-W20).
    const { code, stdout, stderr } = await zonegraph(['report', 'weekly'], editorEnv);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^# Weekly report 2020-W20: 2020-05-11 to 2020-05-17\n/);
    expect(stdout).toContain('figures as of 2020-05-17 15:59 UTC');
    expect(section(stdout, '## This week')).toContain('| Signings (签约入驻) | 1 |');
    expect(stdout).not.toMatch(/\| -\d+ \|/); // no negative days left or overdue
  });

  test('a week that does not exist is a usage error', async () => {
    const bad = await zonegraph(['report', 'weekly', '--week', '2021-W53'], editorEnv);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('2021 has weeks W01 to W52');
    expect((await zonegraph(['report', 'weekly', '--week', 'last week'], editorEnv)).code).toBe(2);
  });
});

describe('the week chosen without --week', () => {
  const programme = { programme: 'GZK-2020', periodStart: '2020-01-01', periodEnd: '2020-12-31' };

  test('while the programme runs, this week', () => {
    expect(defaultWeek({ ...programme, lastActivity: '2020-03-02' }, '2020-06-17')).toEqual({ label: '2020-W25', monday: '2020-06-15', sunday: '2020-06-21' });
  });

  test('after the period, the week of the last move or talk', () => {
    expect(defaultWeek({ ...programme, lastActivity: '2020-12-30' }, '2026-12-06').label).toBe('2020-W53');
  });

  test('with nothing ever recorded, a clear refusal naming --week', () => {
    expect(() => defaultWeek({ ...programme, lastActivity: null }, '2026-12-06')).toThrow(
      'the programme GZK-2020 runs from 2020-01-01 to 2020-12-31, not this week, and records no stage move or talk to report on: name a week with --week, e.g. --week 2020-W53',
    );
  });
});

/** The lines under a heading, up to the next heading of the same or a higher level. */
function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`\n${heading}\n`);
  expect(start, `no "${heading}" in the report`).toBeGreaterThanOrEqual(0);
  const level = heading.split(' ')[0]!;
  const rest = markdown.slice(start + heading.length + 2);
  const end = rest.search(new RegExp(`^#{1,${level.length}} `, 'm'));
  return end < 0 ? rest : rest.slice(0, end);
}
