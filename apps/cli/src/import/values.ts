// Reading one spreadsheet cell as the value a column needs, the way people
// type it: full-width digits, Chinese punctuation, Chinese stage names.
// Each parser returns the value, or a message that says what to write instead.
import type { ProjectStage, Visibility } from '@zonegraph/sdk';
import { parseStage } from '../enums.ts';
import type { Cell } from '../files/tables.ts';

export type Parsed<T> = { value: T } | { error: string };

/** Full-width letters, digits and punctuation (ＧＺＫ－２０２０, ３５０，０００) as their ASCII forms; the ideographic space as a space. */
export const halfWidth = (text: string): string => text.normalize('NFKC').trim();

const shown = (cell: Cell): string => (cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell));

export function text(cell: Cell): Parsed<string> {
  return { value: cell instanceof Date ? shown(cell) : String(cell).trim() };
}

/** A record's code; full-width characters are made half-width. */
export function code(cell: Cell): Parsed<string> {
  return { value: halfWidth(shown(cell)) };
}

/** Several codes in one cell, separated by commas (either width), 、, semicolons or spaces. */
export function codes(cell: Cell): Parsed<string[]> {
  return { value: halfWidth(shown(cell)).split(/[,;、\s]+/).filter((c) => c !== '') };
}

/**
 * An amount in yuan, as the API takes it ("350000000" or "1250000.50").
 *
 * Normalised: full-width digits and separators (３５０，０００，０００), ASCII
 * thousands separators in their right places (350,000,000), a leading ¥ or
 * a trailing 元, and numeric cells with at most two decimal places.
 * Refused, with a message: amounts in 万 or 亿 (the column is in yuan; the
 * message gives the figure in yuan to write instead, since a unit read wrong
 * is a mistake of ten thousand times), separators out of place (3,50,000),
 * the ideographic full stop 。 as a decimal point, more than two decimal
 * places, negative amounts, and anything else that is not a number.
 */
export function money(cell: Cell): Parsed<string> {
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return { error: `${cell} is not an amount` };
    if (cell < 0) return { error: `${cell} is negative; an investment is 0 or more yuan` };
    if (Math.round(cell * 100) / 100 !== cell) return { error: `${cell} has more than 2 decimal places; give yuan and fen only` };
    return { value: Number.isInteger(cell) ? cell.toFixed(0) : cell.toFixed(2) };
  }
  if (typeof cell !== 'string') return { error: `"${shown(cell)}" is not an amount in yuan` };
  const original = cell.trim();
  let amount = halfWidth(original).replace(/\s+/g, '');
  amount = amount.replace(/^[¥￥]/, '').replace(/(人民币)?元$/, '');
  const unit = /^(-?\d+(?:\.\d+)?)(万|亿)(?:人民币)?元?$/.exec(amount.replace(/,/g, ''));
  if (unit) {
    const inYuan = scaleDecimal(unit[1]!, unit[2] === '万' ? 4 : 8);
    return { error: `"${original}" is in ${unit[2]}; the column is in yuan: write ${inYuan}` };
  }
  if (/[万亿]/.test(amount)) return { error: `"${original}" is not an amount in yuan; write digits only, e.g. 350000000` };
  if (amount.includes('。')) return { error: `"${original}" uses 。 as a decimal point; write a full stop (.) instead, e.g. 1250000.50` };
  if (amount.startsWith('-')) return { error: `"${original}" is negative; an investment is 0 or more yuan` };
  if (amount.includes(',')) {
    if (!/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(amount)) return { error: `"${original}" has thousands separators in the wrong places; write e.g. 350,000,000 or 350000000` };
    amount = amount.replace(/,/g, '');
  }
  if (!/^\d+(\.\d+)?$/.test(amount)) return { error: `"${original}" is not an amount in yuan; write digits, e.g. 350000000 or 1250000.50` };
  if (/\.\d{3,}$/.test(amount)) return { error: `"${original}" has more than 2 decimal places; give yuan and fen only` };
  return { value: amount.replace(/^0+(?=\d)/, '') };
}

/** A decimal string times 10^places, exactly (no floating point). */
function scaleDecimal(decimal: string, places: number): string {
  const [whole = '0', fraction = ''] = decimal.replace('-', '').split('.');
  const digits = `${whole}${fraction.padEnd(places, '0')}`;
  const intPart = digits.slice(0, whole.length + places).replace(/^0+(?=\d)/, '');
  const rest = digits.slice(whole.length + places).replace(/0+$/, '');
  return `${decimal.startsWith('-') ? '-' : ''}${intPart}${rest ? `.${rest}` : ''}`;
}

/**
 * A day, as `YYYY-MM-DD`: a date cell, or text written 2020-12-31, 2020/12/31,
 * 2020.12.31 or 2020年12月31日 (full-width digits too). A day that does not
 * exist (2020-02-30) and a bare number are refused.
 */
export function date(cell: Cell): Parsed<string> {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return { error: 'is not a valid date' };
    return { value: cell.toISOString().slice(0, 10) };
  }
  if (typeof cell === 'number') return { error: `${cell} is a number, not a date; write the day as YYYY-MM-DD, e.g. 2020-12-31, or format the cell as a date` };
  const original = String(cell).trim();
  const match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(halfWidth(original));
  if (!match) return { error: `"${original}" is not a date; write YYYY-MM-DD, e.g. 2020-12-31` };
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const value = `${match[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const check = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(check.getTime()) || check.getUTCFullYear() !== year || check.getUTCMonth() + 1 !== month || check.getUTCDate() !== day) {
    return { error: `"${original}" is not a day of the calendar (${year} has no ${value.slice(5)}); write YYYY-MM-DD` };
  }
  return { value };
}

const YES = new Set(['true', 'yes', 'y', '1', '是', '√', '✓']);
const NO = new Set(['false', 'no', 'n', '0', '否', '×', '✗']);

export function boolean(cell: Cell): Parsed<boolean> {
  if (typeof cell === 'boolean') return { value: cell };
  const word = halfWidth(shown(cell)).toLowerCase();
  if (YES.has(word)) return { value: true };
  if (NO.has(word)) return { value: false };
  return { error: `"${shown(cell)}" is not yes or no; write 是 / 否, yes / no or true / false` };
}

/** Stage names in Chinese as the programme words them. */
const STAGES_ZH: Record<string, ProjectStage> = {
  洽谈: 'NEGOTIATING',
  洽谈中: 'NEGOTIATING',
  签约: 'SIGNED',
  签约落地: 'SIGNED',
  已签约: 'SIGNED',
  开工建设: 'UNDER_CONSTRUCTION',
  在建: 'UNDER_CONSTRUCTION',
  投产运营: 'OPERATING',
  竣工投产: 'OPERATING',
  运营: 'OPERATING',
  实现招生: 'ENROLLING',
  招生: 'ENROLLING',
  暂停: 'SUSPENDED',
  取消: 'CANCELLED',
};

export function stage(cell: Cell): Parsed<ProjectStage> {
  const word = halfWidth(shown(cell));
  const value = parseStage(word) ?? STAGES_ZH[word];
  return value ? { value } : { error: `"${word}" is not a stage; write one of NEGOTIATING, SIGNED, UNDER_CONSTRUCTION, OPERATING, ENROLLING, SUSPENDED, CANCELLED (or 洽谈, 签约, 开工建设, 投产运营, 实现招生, 暂停, 取消)` };
}

const VISIBILITIES: Record<string, Visibility> = { PUBLIC: 'PUBLIC', INTERNAL: 'INTERNAL', RESTRICTED: 'RESTRICTED', 公开: 'PUBLIC', 内部: 'INTERNAL', 受限: 'RESTRICTED' };

export function visibility(cell: Cell): Parsed<Visibility> {
  const word = halfWidth(shown(cell));
  const value = VISIBILITIES[word.toUpperCase()] ?? VISIBILITIES[word];
  return value ? { value } : { error: `"${word}" is not a visibility; write PUBLIC, INTERNAL or RESTRICTED (公开, 内部, 受限)` };
}
