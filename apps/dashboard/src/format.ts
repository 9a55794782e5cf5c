// How figures read on the page. Amounts arrive as exact decimal strings in yuan;
// leaders read them in 亿元 (10^8) and 万元 (10^4), English readers in billions
// and millions. Days arrive as `YYYY-MM-DD` in the programme's time zone and are
// never shifted by the browser's own zone.

export type Lang = 'zh' | 'en';

const YI = 1e8;
const WAN = 1e4;

function number(value: number, lang: Lang, maximumFractionDigits: number): string {
  return new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { maximumFractionDigits }).format(value);
}

/** A decimal string (or number) as a number; null for nothing or for text that is not a number. */
export function toNumber(amount: string | number | null | undefined): number | null {
  if (amount === null || amount === undefined || amount === '') return null;
  const value = typeof amount === 'number' ? amount : Number(amount);
  return Number.isFinite(value) ? value : null;
}

/**
 * An amount of yuan for reading: `195亿元`, `1,250万元`, `800元`;
 * in English `¥19.5 bn`, `¥12.5 m`, `¥800`. Unknown amounts read `—`.
 */
export function formatMoney(amount: string | number | null | undefined, lang: Lang): string {
  const value = toNumber(amount);
  if (value === null) return '—';
  const size = Math.abs(value);
  if (lang === 'zh') {
    if (size >= YI) return `${number(value / YI, lang, 2)}亿元`;
    if (size >= WAN) return `${number(value / WAN, lang, 2)}万元`;
    return `${number(value, lang, 2)}元`;
  }
  const sign = value < 0 ? '-' : '';
  if (size >= 1e9) return `${sign}¥${number(size / 1e9, lang, 2)} bn`;
  if (size >= 1e6) return `${sign}¥${number(size / 1e6, lang, 2)} m`;
  return `${sign}¥${number(size, lang, 2)}`;
}

/**
 * A sum that leaves out figures the caller may not see (`hidden` of them):
 * the words for "hidden" when nothing visible was summed (a 0 there would be a
 * lie), the sum with a note of what it leaves out when some were, else the sum.
 */
export function formatPartialMoney(
  amount: string | null | undefined,
  hidden: number,
  lang: Lang,
  words: { hidden: string; leftOut: (n: number) => string },
): string {
  if (hidden === 0) return formatMoney(amount, lang);
  if (amount === null || amount === undefined || Number(amount) === 0) return words.hidden;
  return `${formatMoney(amount, lang)} ${words.leftOut(hidden)}`;
}

/** The unit a chart's money axis is drawn in, and the factor to divide yuan by. */
export function moneyAxis(lang: Lang): { divisor: number; unit: string } {
  return lang === 'zh' ? { divisor: YI, unit: '亿元' } : { divisor: 1e9, unit: '¥ bn' };
}

/** Yuan in the chart's unit, rounded to what a chart can show; null stays null (a gap). */
export function inAxisUnit(amount: string | number | null | undefined, lang: Lang): number | null {
  const value = toNumber(amount);
  return value === null ? null : Math.round((value / moneyAxis(lang).divisor) * 10_000) / 10_000;
}

/** `42.5%`; unknown reads `—`. */
export function formatPercent(percent: number | null | undefined, lang: Lang, fractionDigits = 1): string {
  if (percent === null || percent === undefined || !Number.isFinite(percent)) return '—';
  return `${number(percent, lang, fractionDigits)}%`;
}

/** A signed growth figure: `+12.5%`, `-3%`. */
export function formatGrowth(percent: number | null | undefined, lang: Lang): string {
  if (percent === null || percent === undefined || !Number.isFinite(percent)) return '—';
  return `${percent > 0 ? '+' : ''}${formatPercent(percent, lang)}`;
}

interface Day {
  year: number;
  month: number; // 1–12
  day: number;
}

/** Reads `YYYY-MM-DD` (or `YYYY-MM`) as calendar parts, with no time zone involved. */
export function parseDay(iso: string): Day {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(iso);
  if (!match) throw new RangeError(`not a day: ${iso}`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3] ?? '1') };
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2020年3月5日` / `5 Mar 2020`. */
export function formatDay(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '—';
  const { year, month, day } = parseDay(iso);
  return lang === 'zh' ? `${year}年${month}月${day}日` : `${day} ${MONTHS_EN[month - 1]} ${year}`;
}

/** `3月5日` / `5 Mar`: a day within a year already shown. */
export function formatShortDay(iso: string, lang: Lang): string {
  const { month, day } = parseDay(iso);
  return lang === 'zh' ? `${month}月${day}日` : `${day} ${MONTHS_EN[month - 1]}`;
}

/** `2020年3月` / `Mar 2020`, from a month's first day or its `YYYY-MM` label. */
export function formatMonth(iso: string, lang: Lang): string {
  const { year, month } = parseDay(iso);
  return lang === 'zh' ? `${year}年${month}月` : `${MONTHS_EN[month - 1]} ${year}`;
}

/** `3月` / `Mar`: a month on an axis whose year is shown elsewhere. */
export function formatMonthShort(iso: string, lang: Lang): string {
  const { month } = parseDay(iso);
  return lang === 'zh' ? `${month}月` : (MONTHS_EN[month - 1] ?? '');
}

/** The ISO 8601 week (Monday to Sunday) a day falls in, with the year that week belongs to. */
export function isoWeek(iso: string): { year: number; week: number } {
  const { year, month, day } = parseDay(iso);
  const date = new Date(Date.UTC(year, month - 1, day));
  const weekday = date.getUTCDay() || 7; // Monday 1 … Sunday 7
  // The week's Thursday decides its year (ISO 8601).
  date.setUTCDate(date.getUTCDate() + 4 - weekday);
  const weekYear = date.getUTCFullYear();
  const firstDay = Date.UTC(weekYear, 0, 1);
  return { year: weekYear, week: Math.floor((date.getTime() - firstDay) / 86_400_000 / 7) + 1 };
}

export type PeriodKind = 'DAY' | 'WEEK' | 'MONTH' | 'QUARTER';

/** The name of a period from its first day: `2020年第10周`, `2020年3月`, `2020年第1季度`; `Week 10, 2020`, `Mar 2020`, `Q1 2020`. */
export function periodLabel(period: PeriodKind, start: string, lang: Lang): string {
  switch (period) {
    case 'DAY':
      return formatDay(start, lang);
    case 'WEEK': {
      const { year, week } = isoWeek(start);
      return lang === 'zh' ? `${year}年第${week}周` : `Week ${week}, ${year}`;
    }
    case 'MONTH':
      return formatMonth(start, lang);
    case 'QUARTER': {
      const { year, month } = parseDay(start);
      const quarter = Math.floor((month - 1) / 3) + 1;
      return lang === 'zh' ? `${year}年第${quarter}季度` : `Q${quarter} ${year}`;
    }
  }
}

/** A period's days: `3月2日–3月8日` / `2 Mar – 8 Mar`, with the year when they span two. */
export function periodRange(start: string, end: string, lang: Lang): string {
  const sameYear = parseDay(start).year === parseDay(end).year;
  const show = sameYear ? formatShortDay : formatDay;
  return lang === 'zh' ? `${show(start, lang)}–${show(end, lang)}` : `${show(start, lang)} – ${show(end, lang)}`;
}

/** A streak: `连续 3 周` / `3 weeks in a row`. */
export function streakLabel(count: number, period: PeriodKind, lang: Lang): string {
  if (lang === 'zh') {
    const unit = { DAY: '天', WEEK: '周', MONTH: '个月', QUARTER: '个季度' }[period];
    return `连续 ${count} ${unit}`;
  }
  const unit = { DAY: 'day', WEEK: 'week', MONTH: 'month', QUARTER: 'quarter' }[period];
  return `${count} ${unit}${count === 1 ? '' : 's'} in a row`;
}

/** Days left or overdue: `剩 5 天` / `逾期 3 天`; `5 days left` / `3 days overdue`. */
export function daysLabel(days: number, lang: Lang): string {
  const overdue = days < 0;
  const n = Math.abs(days);
  if (lang === 'zh') return overdue ? `逾期 ${n} 天` : `剩 ${n} 天`;
  return `${n} day${n === 1 ? '' : 's'} ${overdue ? 'overdue' : 'left'}`;
}

/**
 * An indicator's value in its unit: `10个`, `15分钟`, `20%`, money as money
 * (`195亿元`); in English `10 platforms`, `20%`, `¥19.5 bn`. No value reads `—`.
 */
export function formatMeasure(value: string | number | null | undefined, unit: { unitZh: string; unitEn: string }, lang: Lang): string {
  const n = toNumber(value);
  if (n === null) return '—';
  if (unit.unitZh === '元') return formatMoney(n, lang);
  const figure = number(n, lang, 2);
  if (unit.unitZh === '%') return `${figure}%`;
  return lang === 'zh' ? `${figure}${unit.unitZh}` : `${figure} ${unit.unitEn}`;
}
