import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask, createProgramme, createProject, day, keyFor, recordMoves, type TestProgramme } from './analytics-kit.ts';
import { startTestApi, type TestApi } from './testkit.ts';

// The cadence rules checked against a hand-built stage history and engagement
// log. Every expected period, count and streak below is worked out from the
// rows arranged in beforeAll.

const CADENCE = /* GraphQL */ `
  query ($from: Date, $to: Date, $asOf: DateTime) {
    cadenceReport(programme: "TEST-2020", from: $from, to: $to, asOf: $asOf) {
      asOf
      timeZone
      rules {
        activity
        period
        periodsHeld
        periodsBroken
        currentStreak
        longestStreak
        periods { start end count held inProgress }
      }
    }
  }
`;

interface Period {
  start: string;
  end: string;
  count: number;
  held: boolean;
  inProgress: boolean;
}
interface Rule {
  activity: string;
  period: string;
  periodsHeld: number;
  periodsBroken: number;
  currentStreak: number;
  longestStreak: number;
  periods: Period[];
}
interface Cadence {
  cadenceReport: { asOf: string; timeZone: string; rules: Rule[] };
}

describe('cadence report', () => {
  let api: TestApi;
  let programme: TestProgramme;
  let editor: Record<string, string>;
  let partner: Record<string, string>;

  beforeAll(async () => {
    api = await startTestApi({ seeded: false });
    programme = await createProgramme(api);
    editor = await keyFor(api, 'EDITOR');
    partner = await keyFor(api, 'PARTNER');

    // Signings: Tuesday 18 Feb; Sunday 1 March (the week of Monday 24 Feb); Monday 2 March (the next week).
    const signer = await createProject(api, programme, 'T-SIGN');
    await recordMoves(api, signer.id, [
      ['SIGNED', '2020-02-18'],
      ['SIGNED', '2020-03-01'],
      ['SIGNED', '2020-03-02'],
    ]);
    // A restricted project's signing in the week of 10 Feb: editors count it, partners do not.
    const restricted = await createProject(api, programme, 'T-RESTRICTED', { visibility: 'RESTRICTED' });
    await recordMoves(api, restricted.id, [['SIGNED', '2020-02-11']]);
    // An archived project's signing, and another programme's, count for nobody.
    const archived = await createProject(api, programme, 'T-ARCHIVED', { archived: true });
    await recordMoves(api, archived.id, [['SIGNED', '2020-02-12']]);
    const other = await createProgramme(api, 'OTHER-2020');
    const elsewhere = await createProject(api, other, 'O-SIGN');
    await recordMoves(api, elsewhere.id, [['SIGNED', '2020-02-13']]);

    // Construction starts in December, January and March — none in February.
    const builder = await createProject(api, programme, 'T-BUILD');
    await recordMoves(api, builder.id, [
      ['UNDER_CONSTRUCTION', '2019-12-10'],
      ['UNDER_CONSTRUCTION', '2020-01-15'],
      ['UNDER_CONSTRUCTION', '2020-03-31'],
    ]);
    // A completion (start of operation) in Q1 and a university's first enrolment in Q2.
    const finisher = await createProject(api, programme, 'T-FINISH');
    await recordMoves(api, finisher.id, [
      ['OPERATING', '2020-02-10'],
      ['ENROLLING', '2020-05-05'],
    ]);

    // Talks: public ones on 1 and 2 March (plus an archived one on the 2nd), an internal one on the 3rd.
    const talk = (on: string, visibility: 'PUBLIC' | 'INTERNAL', archived = false) =>
      api.db.prisma.engagement.create({
        data: { occurredOn: day(on), subjectZh: '洽谈', subjectEn: 'Talks', visibility, projectId: signer.id, archivedAt: archived ? new Date() : null },
      });
    await talk('2020-03-01', 'PUBLIC');
    await talk('2020-03-02', 'PUBLIC');
    await talk('2020-03-02', 'PUBLIC', true);
    await talk('2020-03-03', 'INTERNAL');
  });
  afterAll(() => api.close());

  const rule = (data: Cadence, activity: string) => data.cadenceReport.rules.find((r) => r.activity === activity)!;

  it('counts weeks Monday to Sunday in Shanghai time: 23:30 on Sunday 8 March is still that week', async () => {
    // 2020-03-08T15:30Z is 23:30 on Sunday in Shanghai.
    const data = await ask<Cadence>(api, editor, CADENCE, { from: '2020-02-10', to: '2020-03-15', asOf: '2020-03-08T15:30:00Z' });
    expect(data.cadenceReport.asOf).toBe('2020-03-08');
    expect(data.cadenceReport.timeZone).toBe('Asia/Shanghai');
    const signing = rule(data, 'SIGNING');
    expect(signing.period).toBe('WEEK');
    expect(signing.periods).toEqual([
      { start: '2020-02-10', end: '2020-02-16', count: 1, held: true, inProgress: false },
      { start: '2020-02-17', end: '2020-02-23', count: 1, held: true, inProgress: false },
      // The signing on Sunday 1 March belongs to the week of Monday 24 February…
      { start: '2020-02-24', end: '2020-03-01', count: 1, held: true, inProgress: false },
      // …and the one on Monday 2 March to the next; that week is still running.
      { start: '2020-03-02', end: '2020-03-08', count: 1, held: true, inProgress: true },
    ]);
    expect(signing).toMatchObject({ periodsHeld: 4, periodsBroken: 0, currentStreak: 4, longestStreak: 4 });
  });

  it('starts the next week at 00:30 on Monday in Shanghai, while it is still Sunday in UTC', async () => {
    // 2020-03-08T16:30Z is 00:30 on Monday 9 March in Shanghai.
    const data = await ask<Cadence>(api, editor, CADENCE, { from: '2020-02-10', to: '2020-03-15', asOf: '2020-03-08T16:30:00Z' });
    expect(data.cadenceReport.asOf).toBe('2020-03-09');
    const signing = rule(data, 'SIGNING');
    expect(signing.periods.slice(-2)).toEqual([
      { start: '2020-03-02', end: '2020-03-08', count: 1, held: true, inProgress: false },
      // A week just begun without a signing is not broken yet, and the streak stands.
      { start: '2020-03-09', end: '2020-03-15', count: 0, held: false, inProgress: true },
    ]);
    expect(signing).toMatchObject({ periodsHeld: 4, periodsBroken: 0, currentStreak: 4 });
  });

  it('leaves a restricted project\'s signing out of a partner\'s weeks, breaking their first week', async () => {
    const data = await ask<Cadence>(api, partner, CADENCE, { from: '2020-02-10', to: '2020-03-15', asOf: '2020-03-08T15:30:00Z' });
    const signing = rule(data, 'SIGNING');
    expect(signing.periods.map((p) => [p.start, p.count, p.held])).toEqual([
      ['2020-02-10', 0, false],
      ['2020-02-17', 1, true],
      ['2020-02-24', 1, true],
      ['2020-03-02', 1, true],
    ]);
    expect(signing).toMatchObject({ periodsHeld: 3, periodsBroken: 1, currentStreak: 3, longestStreak: 3 });
  });

  it('breaks the monthly rule in a month without a construction start and resets the streak', async () => {
    const data = await ask<Cadence>(api, editor, CADENCE, { from: '2019-12-01', to: '2020-04-30', asOf: '2020-04-10T04:00:00Z' });
    const starts = rule(data, 'CONSTRUCTION_START');
    expect(starts.period).toBe('MONTH');
    expect(starts.periods).toEqual([
      { start: '2019-12-01', end: '2019-12-31', count: 1, held: true, inProgress: false },
      { start: '2020-01-01', end: '2020-01-31', count: 1, held: true, inProgress: false },
      { start: '2020-02-01', end: '2020-02-29', count: 0, held: false, inProgress: false },
      { start: '2020-03-01', end: '2020-03-31', count: 1, held: true, inProgress: false },
      { start: '2020-04-01', end: '2020-04-30', count: 0, held: false, inProgress: true },
    ]);
    // December and January made a streak of two; February broke it; March began a new one.
    expect(starts).toMatchObject({ periodsHeld: 3, periodsBroken: 1, currentStreak: 1, longestStreak: 2 });
  });

  it('asked as of a past day, leaves out what happened after it in the period then in progress', async () => {
    // On 20 March the start of 31 March had not happened yet: March is in progress with none.
    const data = await ask<Cadence>(api, editor, CADENCE, { from: '2019-12-01', to: '2020-03-31', asOf: '2020-03-20T04:00:00Z' });
    const starts = rule(data, 'CONSTRUCTION_START');
    expect(starts.periods.at(-1)).toEqual({ start: '2020-03-01', end: '2020-03-31', count: 0, held: false, inProgress: true });
    expect(starts).toMatchObject({ periodsHeld: 2, periodsBroken: 1, currentStreak: 0, longestStreak: 2 });
  });

  it('counts starts of operation and first enrolments as completions, by quarter', async () => {
    const data = await ask<Cadence>(api, editor, CADENCE, { from: '2020-01-01', to: '2020-12-31', asOf: '2020-07-01T04:00:00Z' });
    const completions = rule(data, 'COMPLETION');
    expect(completions.periods).toEqual([
      { start: '2020-01-01', end: '2020-03-31', count: 1, held: true, inProgress: false },
      { start: '2020-04-01', end: '2020-06-30', count: 1, held: true, inProgress: false },
      { start: '2020-07-01', end: '2020-09-30', count: 0, held: false, inProgress: true },
    ]);
    expect(completions).toMatchObject({ periodsHeld: 2, periodsBroken: 0, currentStreak: 2, longestStreak: 2 });
  });

  it('checks daily talks against the engagement log: archived talks never count, internal ones only for staff', async () => {
    const vars = { from: '2020-03-01', to: '2020-03-04', asOf: '2020-03-04T04:00:00Z' };
    const forEditor = rule(await ask<Cadence>(api, editor, CADENCE, vars), 'ENGAGEMENT');
    expect(forEditor.periods.map((p) => [p.start, p.count, p.held, p.inProgress])).toEqual([
      ['2020-03-01', 1, true, false],
      ['2020-03-02', 1, true, false],
      ['2020-03-03', 1, true, false],
      ['2020-03-04', 0, false, true],
    ]);
    expect(forEditor).toMatchObject({ periodsHeld: 3, periodsBroken: 0, currentStreak: 3 });

    const forPartner = rule(await ask<Cadence>(api, partner, CADENCE, vars), 'ENGAGEMENT');
    expect(forPartner.periods.map((p) => p.count)).toEqual([1, 1, 0, 0]);
    expect(forPartner).toMatchObject({ periodsHeld: 2, periodsBroken: 1, currentStreak: 0, longestStreak: 2 });
  });

  it('lists the rules daily first, and leaves out periods after today', async () => {
    const data = await ask<Cadence>(api, editor, CADENCE, { from: '2020-01-01', to: '2020-12-31', asOf: '2020-01-02T04:00:00Z' });
    expect(data.cadenceReport.rules.map((r) => [r.activity, r.period])).toEqual([
      ['ENGAGEMENT', 'DAY'],
      ['SIGNING', 'WEEK'],
      ['CONSTRUCTION_START', 'MONTH'],
      ['COMPLETION', 'QUARTER'],
    ]);
    expect(rule(data, 'ENGAGEMENT').periods.map((p) => p.start)).toEqual(['2020-01-01', '2020-01-02']);
    // The week of 1 January 2020 (a Wednesday) began on Monday 30 December 2019.
    expect(rule(data, 'SIGNING').periods.map((p) => [p.start, p.end])).toEqual([['2019-12-30', '2020-01-05']]);
  });

  it('refuses a range that ends before it starts', async () => {
    const result = await api.execute(CADENCE, { from: '2020-03-01', to: '2020-02-01' }, editor);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_DATE_RANGE');
  });
});
