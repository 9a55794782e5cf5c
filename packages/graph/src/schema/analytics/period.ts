import { Prisma, type Visibility } from '@zonegraph/db';
import { visibleTo } from '../../auth.ts';
import type { Context } from '../../context.ts';
import { UserInputError, ZonegraphError } from '../../errors.ts';
import { visibleIn } from './sql.ts';

/**
 * What every analytics question is asked about: one programme, seen by one
 * caller, on one day. "Today" is the calendar day of `asOf` in the
 * programme's time zone, worked out by PostgreSQL (`AT TIME ZONE`), so that a
 * report asked for at 23:30 on a Sunday in Shanghai (15:30 UTC) still counts
 * Sunday as today and the week as Monday–Sunday there.
 */
export interface Scope {
  /**
   * Runs one analytics statement. Raw SQL bypasses the scoped client's
   * visibility filter: every statement applies `visible` itself.
   */
  query<T>(sql: TemplateStringsArray, ...values: unknown[]): Promise<T[]>;
  /** What the caller may see: raw SQL bypasses the scoped client, so every query filters by this. */
  visible: Visibility[];
  programme: {
    id: string;
    code: string;
    nameZh: string;
    nameEn: string;
    timeZone: string;
    periodStart: Date;
    periodEnd: Date;
    investmentTarget: Prisma.Decimal | null;
    investmentGrowthTarget: Prisma.Decimal | null;
  };
  /** Today in the programme's time zone, as the Date scalar carries days (UTC midnight). */
  today: Date;
}

type ProgrammeRow = Scope['programme'] & { today: Date };

/**
 * The programme named by `code` (archived or not, like `programme(code:)`), or
 * else the current one whose period started last; null when there is none the
 * caller may see.
 */
export async function programmeScope(ctx: Context, code: string | null | undefined, asOf: Date | null | undefined): Promise<Scope | null> {
  const visible = visibleTo(ctx.caller);
  const [row] = await ctx.prisma.$queryRaw<ProgrammeRow[]>`
    SELECT id, code, "nameZh", "nameEn", "timeZone", "periodStart", "periodEnd", "investmentTarget", "investmentGrowthTarget",
           (COALESCE(${asOf ?? null}::timestamptz, now()) AT TIME ZONE "timeZone")::date AS today
      FROM "Programme"
     WHERE visibility = ANY(${visibleIn(visible)})
       AND ${code ? Prisma.sql`code = ${code}` : Prisma.sql`"archivedAt" IS NULL`}
     ORDER BY "periodStart" DESC, id
     LIMIT 1`;
  if (!row) return null;
  const { today, ...programme } = row;
  return { query: analyticsQuery(ctx), visible, programme, today };
}

/**
 * A statement in a transaction of its own, admitted by the caller's analytics
 * gate (a slot per caller and in total, taken before the transaction opens so
 * that waiting holds no connection), with three settings changed for that
 * transaction only (`set_config(…, true)` is `SET LOCAL`):
 *
 * - `statement_timeout`: the gate's; a report cut off answers REPORT_TIMEOUT.
 * - `jit` off. These aggregates read up to millions of rows to return a few,
 *   so the planner's cost estimate passes `jit_above_cost`, and PostgreSQL
 *   would spend seconds compiling and optimising code for a query that then
 *   runs in a fraction of that.
 * - `work_mem` 64MB. The planner guesses far more groups than sums by month
 *   and campaign (or by day and activity) really have, and with the default
 *   4MB it sorts the rows on disk instead of hashing them in memory.
 */
function analyticsQuery(ctx: Context) {
  const gate = ctx.analytics ?? { statementTimeoutMs: DEFAULT_STATEMENT_TIMEOUT_MS, run: <T>(statement: () => Promise<T>) => statement() };
  const timeout = String(gate.statementTimeoutMs);
  return async <T>(strings: TemplateStringsArray, ...values: unknown[]): Promise<T[]> => {
    const sql = Prisma.sql(strings, ...values);
    try {
      return await gate.run(() =>
        ctx.prisma.$transaction(
          async (tx) => {
            await tx.$queryRaw`SELECT set_config('statement_timeout', ${timeout}, true), set_config('jit', 'off', true), set_config('work_mem', '64MB', true)`;
            return tx.$queryRaw<T[]>(sql);
          },
          // Prisma's default of 5 s is for writes holding locks; a read may take longer on a busy server.
          { timeout: gate.statementTimeoutMs + 5_000, maxWait: 10_000 },
        ),
      );
    } catch (error) {
      if (isStatementTimeout(error)) {
        throw new ZonegraphError(`The report ran longer than the ${gate.statementTimeoutMs} ms a report statement may take, and was stopped. Ask for a shorter range, or retry later.`, 'REPORT_TIMEOUT', {
          limit: gate.statementTimeoutMs,
          http: { status: 503, headers: { 'retry-after': '5' } },
        });
      }
      throw error;
    }
  };
}

const DEFAULT_STATEMENT_TIMEOUT_MS = 30_000;

/** PostgreSQL's 57014, however the driver adapter wraps it. */
function isStatementTimeout(error: unknown): boolean {
  const text = `${(error as { code?: unknown })?.code ?? ''} ${(error as { message?: unknown })?.message ?? ''} ${JSON.stringify((error as { meta?: unknown })?.meta ?? {})}`;
  return /57014|statement timeout/i.test(text);
}

/** A day as PostgreSQL reads a DATE literal: `YYYY-MM-DD`, whatever the session's time zone. */
export const day = (date: Date): string => date.toISOString().slice(0, 10);

/** A `::date` parameter. */
export const dateParam = (date: Date): Prisma.Sql => Prisma.sql`${day(date)}::date`;

/** Refuses a range that ends before it starts. */
export function requireRange(from: Date, to: Date, names: [string, string] = ['from', 'to']): void {
  if (to < from) throw new UserInputError(`"${names[1]}" (${day(to)}) is before "${names[0]}" (${day(from)}).`, 'BAD_DATE_RANGE');
}

/** The longest range a daily series may cover: about ten years of days. */
export const MAX_PERIODS = 3700;

export const programmeArgDescription =
  'The programme\'s code, e.g. `GZK-2020`; by default the current programme whose period started last.';

export const asOfArgDescription =
  'The moment to judge at (default: now). Its calendar day in the programme\'s time zone (Asia/Shanghai for the seeded programme) is "today" for every figure below.';
