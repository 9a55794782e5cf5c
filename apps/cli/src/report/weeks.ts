// ISO weeks (Monday to Sunday) on calendar days. Days are `YYYY-MM-DD`
// strings handled as UTC midnights, so no clock's time zone leaks in; only
// "today" depends on a time zone, the programme's.

export interface Week {
  /** e.g. `2020-W19` */
  label: string;
  /** Monday, `YYYY-MM-DD` */
  monday: string;
  /** Sunday, `YYYY-MM-DD` */
  sunday: string;
}

const DAY_MS = 86_400_000;
const toDay = (date: Date) => date.toISOString().slice(0, 10);
const fromDay = (day: string) => new Date(`${day}T00:00:00Z`);
export const addDays = (day: string, days: number) => toDay(new Date(fromDay(day).getTime() + days * DAY_MS));
/** Days from one day to another (negative when `to` comes first). */
export const daysBetween = (from: string, to: string) => Math.round((fromDay(to).getTime() - fromDay(from).getTime()) / DAY_MS);

/** Today in a time zone, `YYYY-MM-DD`. */
export function todayIn(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The ISO week a day falls in. */
export function weekOf(day: string): Week {
  const date = fromDay(day);
  const weekday = (date.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const monday = toDay(new Date(date.getTime() - weekday * DAY_MS));
  // The week belongs to the year of its Thursday.
  const thursday = new Date(fromDay(monday).getTime() + 3 * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS));
  return { label: `${year}-W${String(week).padStart(2, '0')}`, monday, sunday: addDays(monday, 6) };
}

/**
 * A week as people name it: `2020-W19` (ISO week; `2020W19` too) or any day
 * in it (`2020-05-06`). Returns a message instead when it names no week.
 */
export function parseWeek(input: string): Week | { error: string } {
  const text = input.normalize('NFKC').trim();
  const iso = /^(\d{4})-?W(\d{1,2})$/i.exec(text);
  if (iso) {
    const [year, week] = [Number(iso[1]), Number(iso[2])];
    const jan4 = Date.UTC(year, 0, 4);
    const firstMonday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY_MS;
    const found = weekOf(toDay(new Date(firstMonday + (week - 1) * 7 * DAY_MS)));
    if (week < 1 || found.label !== `${year}-W${String(week).padStart(2, '0')}`) {
      return { error: `"${input}" is not a week: ${year} has weeks W01 to W${weekOf(`${year}-12-28`).label.slice(-2)}` };
    }
    return found;
  }
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (day) {
    const date = fromDay(text);
    if (Number.isNaN(date.getTime()) || toDay(date) !== text) return { error: `"${input}" is not a day of the calendar` };
    return weekOf(text);
  }
  return { error: `"${input}" is not a week; write an ISO week such as 2020-W19, or a day in it such as 2020-05-06` };
}

/** The last instant of `day` in a time zone (a millisecond before the next day begins there), as an ISO string (for `asOf`). */
export function endOfDayIn(day: string, timeZone: string): string {
  // Midnight that begins the next day there: find the UTC instant whose local date-time is next-day 00:00.
  const next = addDays(day, 1);
  const guess = fromDay(next).getTime();
  const offsetMs = localOffsetMs(guess, timeZone);
  return new Date(guess - offsetMs - 1).toISOString();
}

function localOffsetMs(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - instant;
}
