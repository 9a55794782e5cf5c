import { describe, expect, it } from 'vitest';
import { catalogueCases, codesOf, freshCode, rowOf, run, useCatalogueApi, writesNothing } from './catalogue-kit.ts';
import { auditEventsFor, dayIn, missingId } from './mutation-kit.ts';

const env = useCatalogueApi();

describe('indicator mutations', () => {
  const indicators = catalogueCases(env, {
    type: 'Indicator',
    table: 'indicator',
    dataField: 'indicator',
    selection: 'nameZh nameEn unitZh unitEn baseline target targetDirection visibility programme { code } campaign { code } keyTask { code }',
    prefix: 'IND',
    newInput: (code) => ({
      code,
      campaign: 'GZK-2020-C1',
      keyTask: 'GZK-2020-C1-KT1',
      nameZh: '支撑平台数量',
      nameEn: 'Support platforms',
      unitZh: '个',
      unitEn: 'platforms',
      baseline: '1.5',
      target: '12.25',
    }),
    created: {
      row: { unitZh: '个', unitEn: 'platforms', targetDirection: 'AT_LEAST', visibility: 'PUBLIC' },
      record: {
        baseline: '1.5',
        target: '12.25',
        targetDirection: 'AT_LEAST',
        programme: { code: 'GZK-2020' },
        campaign: { code: 'GZK-2020-C1' },
        keyTask: { code: 'GZK-2020-C1-KT1' },
      },
    },
    badCreates: [
      ['an unknown campaign', { campaign: 'NO-SUCH-CAMPAIGN' }, ['input', 'campaign']],
      ['an unknown key task', { keyTask: 'NO-SUCH-KEY-TASK' }, ['input', 'keyTask']],
      ['a key task of another campaign', { keyTask: 'GZK-2020-C2-KT1' }, ['input', 'keyTask']],
      ['a key task without its campaign', { campaign: null }, ['input', 'keyTask']],
      ['an unknown programme', { programme: 'NO-SUCH-PROGRAMME' }, ['input', 'programme']],
      ['a target with 17 whole digits', { target: '12345678901234567' }, ['input', 'target']],
      ['an empty unit', { unitEn: ' ' }, ['input', 'unitEn']],
    ],
    changes: { target: '30', targetDirection: 'AT_MOST', unitEn: 'minutes' },
    updated: { targetDirection: 'AT_MOST', unitEn: 'minutes', nameEn: 'Support platforms' },
    badUpdates: [
      ['a key task of another campaign', { keyTask: 'GZK-2020-C3-KT1' }, ['input', 'keyTask']],
      ['a campaign its key task is not of', { campaign: 'GZK-2020-C2' }, ['input', 'campaign']],
      ['a null target', { target: null }, ['input', 'target']],
      ['a baseline with 17 whole digits', { baseline: '-12345678901234567' }, ['input', 'baseline']],
    ],
    listed: codesOf('{ programme(code: "GZK-2020") { indicators(first: 100) { nodes { code } } } }', (d) => d.programme.indicators),
  });

  it('stores baseline and target as exact decimals, and defaults the programme to the campaign\'s', async () => {
    const code = freshCode('IND');
    const result = await indicators.create({ code, campaign: 'GZK-2020-C3', nameZh: '比例', nameEn: 'Share', unitZh: '%', unitEn: 'percent', baseline: '-0.0001', target: '99999999.9999' });
    expect(result.indicator).toMatchObject({ baseline: '-0.0001', target: '99999999.9999', programme: { code: 'GZK-2020' }, keyTask: null });
    const stored = (await rowOf(env, 'indicator', { code }))!;
    expect([stored.baseline.toFixed(4), stored.target.toFixed(4)]).toEqual(['-0.0001', '99999999.9999']);
  });

  it('makes an indicator programme-wide when its campaign and key task are cleared together', async () => {
    const record = await indicators.make();
    const result = await indicators.update({ id: record.gid, version: 1, campaign: null, keyTask: null });
    expect(result.indicator).toMatchObject({ campaign: null, keyTask: null, version: 2, programme: { code: 'GZK-2020' } });
    expect(await rowOf(env, 'indicator', { id: record.id })).toMatchObject({ campaignId: null, keyTaskId: null });
  });
});

describe('recordIndicatorValue', () => {
  const VALUES = 'latestValue { observedOn value note } values(first: 10) { totalCount nodes { observedOn value note } }';
  const record = (input: Record<string, unknown>, headers = env.editor) => run(env, 'record', 'IndicatorValue', 'indicator', VALUES)(input, headers);
  const indicators = () => run(env, 'create', 'Indicator', 'indicator', '');
  const freshIndicator = async () => {
    const code = freshCode('VAL');
    const made = await indicators()({ code, nameZh: '指标', nameEn: 'Indicator', unitZh: '个', unitEn: 'items', target: '10' });
    return { gid: made.indicator.id as string, id: (await rowOf(env, 'indicator', { code }))!.id as string };
  };
  const timeZone = 'Asia/Shanghai';

  it('records a dated value, answers it as the latest, and writes one audit event', async () => {
    const indicator = await freshIndicator();
    const on = dayIn(timeZone, -10);
    const result = await record({ id: indicator.gid, observedOn: on, value: '3.25', note: '统计局' });
    expect(result.__typename, JSON.stringify(result)).toBe('RecordIndicatorValueSuccess');
    expect(result.indicator.latestValue).toEqual({ observedOn: on, value: '3.25', note: '统计局' });
    const rows = await env.api.db.prisma.indicatorValue.findMany({ where: { indicatorId: indicator.id } });
    expect(rows.map((r) => [r.observedOn.toISOString().slice(0, 10), r.value.toFixed(2), r.note])).toEqual([[on, '3.25', '统计局']]);
    const events = await auditEventsFor(env.api, indicator.id);
    expect(events.map((e) => e.action)).toEqual(['create', 'recordValue']);
    expect(events[1]).toMatchObject({ recordType: 'Indicator', before: null, after: { observedOn: `${on}T00:00:00.000Z`, value: '3.25', note: '统计局' } });
  });

  it('replaces the value of a day recorded again, keeping one value per day', async () => {
    const indicator = await freshIndicator();
    const [earlier, later] = [dayIn(timeZone, -20), dayIn(timeZone, -5)];
    await record({ id: indicator.gid, observedOn: earlier, value: '1' });
    await record({ id: indicator.gid, observedOn: later, value: '2', note: 'first count' });
    const again = await record({ id: indicator.gid, observedOn: later, value: '2.5' });
    expect(again.indicator.values).toEqual({
      totalCount: 2,
      nodes: [
        { observedOn: earlier, value: '1', note: null },
        { observedOn: later, value: '2.5', note: null },
      ],
    });
    expect(await env.api.db.prisma.indicatorValue.count({ where: { indicatorId: indicator.id } })).toBe(2);
    const last = (await auditEventsFor(env.api, indicator.id)).at(-1)!;
    expect(last.before).toMatchObject({ value: '2', note: 'first count' });
    expect(last.after).toMatchObject({ value: '2.5', note: null });
  });

  it('refuses a future day and a value with 17 whole digits with ValidationError, writing nothing', async () => {
    const indicator = await freshIndicator();
    const values = () => env.api.db.prisma.indicatorValue.findMany({ where: { indicatorId: indicator.id } });
    await writesNothing(
      env,
      async () => {
        const future = await record({ id: indicator.gid, observedOn: dayIn(timeZone, 2), value: '1' });
        expect(future.issues).toEqual([{ path: ['input', 'observedOn'], message: expect.stringContaining('future') }]);
        const big = await record({ id: indicator.gid, observedOn: dayIn(timeZone, -1), value: '12345678901234567' });
        expect(big.issues?.map((i) => i.path)).toEqual([['input', 'value']]);
        const longNote = await record({ id: indicator.gid, observedOn: dayIn(timeZone, -1), value: '1', note: 'x'.repeat(2001) });
        expect(longNote.issues?.map((i) => i.path)).toEqual([['input', 'note']]);
      },
      values,
    );
  });

  it('answers NotFoundError for an unknown indicator, and is forbidden below editor', async () => {
    const indicator = await freshIndicator();
    await writesNothing(env, async () => {
      expect(await record({ id: missingId('Indicator'), observedOn: dayIn(timeZone, -1), value: '1' })).toMatchObject({ __typename: 'NotFoundError' });
      for (const [who, headers] of env.others) {
        expect(await record({ id: indicator.gid, observedOn: dayIn(timeZone, -1), value: '1' }, headers), who).toMatchObject({ __typename: 'ForbiddenError' });
      }
    });
    expect(await env.api.db.prisma.indicatorValue.count({ where: { indicatorId: indicator.id } })).toBe(0);
  });
});
