import { describe, expect, it } from 'vitest';
import { messages } from '../src/i18n/messages.ts';
import { daysLabel, formatDay, formatGrowth, formatMeasure, formatMoney, formatPartialMoney, formatPercent, inAxisUnit, isoWeek, periodLabel, periodRange, streakLabel } from '../src/format.ts';

describe('sums over figures the caller may not see', () => {
  const zh = { hidden: messages.zh.hiddenFigure, leftOut: messages.zh.hiddenProjects };
  const en = { hidden: messages.en.hiddenFigure, leftOut: messages.en.hiddenProjects };

  it('reads as hidden, not 0元, when every figure summed is hidden', () => {
    expect(formatPartialMoney('0', 3, 'zh', zh)).toBe('无权查看');
    expect(formatPartialMoney(null, 3, 'en', en)).toBe('not visible to you');
  });

  it('says what a partial sum leaves out', () => {
    expect(formatPartialMoney('600', 1, 'zh', zh)).toBe('600元 （另有 1 个项目的投资无权查看）');
    expect(formatPartialMoney('600', 2, 'en', en)).toBe('¥600 (+ 2 projects not visible to you)');
  });

  it('is a plain sum when nothing is hidden, a true zero included', () => {
    expect(formatPartialMoney('0', 0, 'zh', zh)).toBe('0元');
    expect(formatPartialMoney('19500000000', 0, 'zh', zh)).toBe('195亿元');
  });
});

describe('money in 亿元 and 万元', () => {
  it('reads the programme target of 19.5 billion yuan as 195亿元', () => {
    expect(formatMoney('19500000000', 'zh')).toBe('195亿元');
    expect(formatMoney('19500000000.00', 'en')).toBe('¥19.5 bn');
  });

  it('keeps two decimals of 亿 and drops trailing zeros', () => {
    expect(formatMoney('165163934.43', 'zh')).toBe('1.65亿元');
    expect(formatMoney('100000000', 'zh')).toBe('1亿元');
  });

  it('switches to 万元 below one 亿, and to yuan below one 万', () => {
    expect(formatMoney('99999999', 'zh')).toBe('10,000万元');
    expect(formatMoney('12500000.00', 'zh')).toBe('1,250万元');
    expect(formatMoney('8000', 'zh')).toBe('8,000元');
    expect(formatMoney('0', 'zh')).toBe('0元');
  });

  it('reads millions and plain yuan in English, with the sign before the currency', () => {
    expect(formatMoney('12500000', 'en')).toBe('¥12.5 m');
    expect(formatMoney('800', 'en')).toBe('¥800');
    expect(formatMoney('-2500000000', 'en')).toBe('-¥2.5 bn');
    expect(formatMoney('-250000000', 'zh')).toBe('-2.5亿元');
  });

  it('shows a dash for a figure the caller may not see or that is not a number', () => {
    expect(formatMoney(null, 'zh')).toBe('—');
    expect(formatMoney(undefined, 'en')).toBe('—');
    expect(formatMoney('abc', 'zh')).toBe('—');
  });

  it('draws charts in 亿元 or billions, leaving unknown months as gaps', () => {
    expect(inAxisUnit('19500000000', 'zh')).toBe(195);
    expect(inAxisUnit('19500000000', 'en')).toBe(19.5);
    expect(inAxisUnit('1651639344.26', 'zh')).toBe(16.5164);
    expect(inAxisUnit(null, 'zh')).toBeNull();
  });
});

describe('percentages', () => {
  it('rounds to one decimal and marks growth with its sign', () => {
    expect(formatPercent(42.46, 'zh')).toBe('42.5%');
    expect(formatPercent(null, 'en')).toBe('—');
    expect(formatGrowth(12.5, 'en')).toBe('+12.5%');
    expect(formatGrowth(-3, 'zh')).toBe('-3%');
    expect(formatGrowth(0, 'zh')).toBe('0%');
  });
});

describe('period labels', () => {
  it('names days without shifting them by the browser time zone', () => {
    expect(formatDay('2020-03-05', 'zh')).toBe('2020年3月5日');
    expect(formatDay('2020-12-31', 'en')).toBe('31 Dec 2020');
    expect(formatDay(null, 'zh')).toBe('—');
  });

  it('numbers weeks as ISO 8601 does, the week holding a Thursday deciding its year', () => {
    // 30 Dec 2019 is a Monday whose week holds 2 Jan 2020: week 1 of 2020.
    expect(isoWeek('2019-12-30')).toEqual({ year: 2020, week: 1 });
    expect(isoWeek('2020-03-02')).toEqual({ year: 2020, week: 10 });
    // 2020 has 53 ISO weeks; 1 Jan 2021 (a Friday) still belongs to it.
    expect(isoWeek('2020-12-28')).toEqual({ year: 2020, week: 53 });
    expect(isoWeek('2021-01-01')).toEqual({ year: 2020, week: 53 });
    expect(isoWeek('2021-01-04')).toEqual({ year: 2021, week: 1 });
  });

  it('labels weeks, months and quarters in Chinese and English', () => {
    expect(periodLabel('WEEK', '2019-12-30', 'zh')).toBe('2020年第1周');
    expect(periodLabel('WEEK', '2020-03-02', 'en')).toBe('Week 10, 2020');
    expect(periodLabel('MONTH', '2020-03-01', 'zh')).toBe('2020年3月');
    expect(periodLabel('MONTH', '2020-03', 'en')).toBe('Mar 2020');
    expect(periodLabel('QUARTER', '2020-10-01', 'zh')).toBe('2020年第4季度');
    expect(periodLabel('QUARTER', '2020-04-01', 'en')).toBe('Q2 2020');
    expect(periodLabel('DAY', '2020-02-29', 'zh')).toBe('2020年2月29日');
  });

  it('shows a period’s days, with years only when it spans two', () => {
    expect(periodRange('2020-03-02', '2020-03-08', 'zh')).toBe('3月2日–3月8日');
    expect(periodRange('2019-12-30', '2020-01-05', 'zh')).toBe('2019年12月30日–2020年1月5日');
    expect(periodRange('2020-03-02', '2020-03-08', 'en')).toBe('2 Mar – 8 Mar');
  });

  it('counts streaks and deadlines in words', () => {
    expect(streakLabel(3, 'WEEK', 'zh')).toBe('连续 3 周');
    expect(streakLabel(1, 'QUARTER', 'en')).toBe('1 quarter in a row');
    expect(streakLabel(2, 'MONTH', 'en')).toBe('2 months in a row');
    expect(daysLabel(-3, 'zh')).toBe('逾期 3 天');
    expect(daysLabel(5, 'en')).toBe('5 days left');
    expect(daysLabel(-1, 'en')).toBe('1 day overdue');
  });
});

describe('indicator values in their units', () => {
  const platforms = { unitZh: '个', unitEn: 'platforms' };
  it('puts the unit after the figure, money read as money and percentages as percentages', () => {
    expect(formatMeasure('8.00', platforms, 'zh')).toBe('8个');
    expect(formatMeasure('8', platforms, 'en')).toBe('8 platforms');
    expect(formatMeasure('19500000000', { unitZh: '元', unitEn: 'yuan' }, 'zh')).toBe('195亿元');
    expect(formatMeasure('19500000000', { unitZh: '元', unitEn: 'yuan' }, 'en')).toBe('¥19.5 bn');
    expect(formatMeasure('20', { unitZh: '%', unitEn: 'percent' }, 'en')).toBe('20%');
    expect(formatMeasure('12.5', { unitZh: '分钟', unitEn: 'minutes' }, 'zh')).toBe('12.5分钟');
    expect(formatMeasure(null, platforms, 'zh')).toBe('—');
  });
});
