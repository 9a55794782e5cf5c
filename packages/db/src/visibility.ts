import { Prisma, type PrismaClient } from './generated/prisma/client.ts';
import { Visibility } from './generated/prisma/enums.ts';
import { getDatamodel } from './generated/pothos-types.ts';

/**
 * Row-level visibility, enforced where every read passes: a Prisma client
 * extension that rewrites each query of a caller who may not see everything.
 *
 * - Records the caller may not see are filtered out of every read: root
 *   queries, nested relation lists, relation counts (`_count: true` too),
 *   aggregates, and relation filters (a filter on a hidden organisation
 *   matches nothing, so a filter cannot be used to probe for it).
 * - A to-one relation to a hidden record reads as null — through include,
 *   select and fluent calls (`findUnique(…).campaign()`) — and filters as
 *   null: `campaign: null`, `campaign: { is: null }` and `campaignId: null`
 *   match it, `campaignId: <its id>` does not.
 * - A cursor at a hidden record reads like a cursor at a missing one (no rows),
 *   so neither its existence nor its place in an ordering shows.
 * - Records without a visibility of their own (a project's stage changes, an
 *   indicator's values) follow the record they belong to.
 * - A project's investment figures follow its `investmentVisibility`: hidden
 *   figures read null, and filter and sort as null in SQL (see
 *   `figureAsSeen`); aggregates or groups that read figures cover only the
 *   projects whose figures the caller may see.
 *
 * Raw SQL bypasses all of this: code that uses it must apply `visibleWhere`
 * itself. Writes are not rewritten: only editors and admins write, and they
 * get the unscoped client.
 */

type Where = Record<string, unknown>;
type Args = Record<string, unknown>;
type Visible = readonly Visibility[];

interface FieldInfo {
  name: string;
  kind: string;
  isRequired: boolean;
  type: string;
  isList: boolean;
  relationFromFields?: string[];
}

const models = getDatamodel().datamodel.models as unknown as Record<string, { fields: FieldInfo[] }>;

const relationFields = new Map<string, Map<string, FieldInfo>>(
  Object.entries(models).map(([name, model]) => [
    name,
    new Map(model.fields.filter((f) => f.kind === 'object').map((f) => [f.name, f])),
  ]),
);
const columns = new Map<string, Set<string>>(
  Object.entries(models).map(([name, model]) => [name, new Set(model.fields.filter((f) => f.kind !== 'object').map((f) => f.name))]),
);
/** Single-column foreign keys, and the relation each one holds. */
const foreignKeys = new Map<string, Map<string, FieldInfo>>(
  Object.entries(models).map(([name, model]) => [
    name,
    new Map(
      model.fields
        .filter((f) => f.kind === 'object' && f.relationFromFields?.length === 1)
        .map((f) => [f.relationFromFields![0]!, f]),
    ),
  ]),
);
const ownVisibility = new Set(
  Object.entries(models)
    .filter(([, model]) => model.fields.some((f) => f.name === 'visibility'))
    .map(([name]) => name),
);

/** Models with no visibility column, and the relation whose record decides for them. */
const inheritsFrom: Record<string, string> = {
  ProjectStageChange: 'project',
  InvestmentRecord: 'project',
  IndicatorValue: 'indicator',
  CadenceRule: 'programme',
  ObstacleStatusChange: 'obstacle',
  InspectionFindingStatusChange: 'finding',
  DemoYear: 'programme',
};

/** A project's investment figures: they follow its `investmentVisibility`, not its `visibility`. */
const investmentFields = new Set(['plannedInvestment', 'completedInvestment']);

/** Figures that are never null in the table (a missing one is 0). */
const alwaysSet = new Set(models.Project!.fields.filter((f) => investmentFields.has(f.name) && f.isRequired).map((f) => f.name));

/**
 * The column that holds a figure as this caller reads it: generated columns
 * (migration figures_as_seen) null where the project's investmentVisibility
 * hides the figure. Filters and sorts by a figure use it, so they run in SQL
 * and a hidden figure filters and sorts as null, as it reads.
 */
function figureAsSeen(field: string, visible: Visible): string {
  if (visible.includes(Visibility.RESTRICTED)) return field;
  return visible.includes(Visibility.INTERNAL) ? `${field}Internal` : `${field}Public`;
}

/**
 * The column that holds `model.column` as this caller reads it: a project's
 * investment figures as seen (see `figureAsSeen`), any other column itself.
 * For SQL written outside Prisma (the compiled read path).
 */
export function columnAsSeen(model: string, column: string, visible: Visible): string {
  return model === 'Project' && investmentFields.has(column) ? figureAsSeen(column, visible) : column;
}

export const ALL_VISIBILITIES: readonly Visibility[] = [Visibility.PUBLIC, Visibility.INTERNAL, Visibility.RESTRICTED];

/** The condition a record of `model` must meet to be visible; undefined when the model is not scoped. */
export function visibleWhere(model: string, visible: Visible): Where | undefined {
  if (ownVisibility.has(model)) return { visibility: { in: [...visible] } };
  const via = inheritsFrom[model];
  if (!via) return undefined;
  const target = relationFields.get(model)?.get(via)?.type;
  const parent = target && visibleWhere(target, visible);
  if (!parent) return undefined;
  // Monthly figures are investment figures: they also follow the project's investmentVisibility.
  const extra = model === 'InvestmentRecord' ? figuresVisible(visible) : {};
  return { [via]: { ...parent, ...extra } };
}

const figuresVisible = (visible: Visible): Where => ({ investmentVisibility: { in: [...visible] } });

/** Matches no record: what a query whose cursor the caller may not see gets. */
const NOTHING: Where = { id: { in: [] } };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const and = (...conditions: (Where | undefined)[]): Where | undefined => {
  const present = conditions.filter((c): c is Where => c !== undefined && Object.keys(c).length > 0);
  if (present.length === 0) return undefined;
  return present.length === 1 ? present[0] : { AND: present };
};

/** `x: null` or `x: { equals: null }`: a test for a missing value, which a hidden value also passes. */
const isNullCheck = (value: unknown) => value === null || (isObject(value) && Object.keys(value).length === 1 && value.equals === null);

/**
 * Rewrites a where clause so that hidden records, reached through relations or
 * foreign keys, filter as absent, and hidden investment figures filter as null.
 */
function scopeWhere(model: string, where: unknown, visible: Visible): Where | undefined {
  if (!isObject(where)) return where as Where | undefined;
  const relations = relationFields.get(model);
  const keys = foreignKeys.get(model);
  const out: Where = {};
  const extra: Where[] = [];
  for (const [key, value] of Object.entries(where)) {
    if (value === undefined) continue;
    if (key === 'AND' || key === 'OR' || key === 'NOT') {
      out[key] = Array.isArray(value) ? value.map((w) => scopeWhere(model, w, visible)) : scopeWhere(model, value, visible);
      continue;
    }
    const relation = relations?.get(key);
    if (relation) {
      extra.push(scopeRelationFilter(relation, value, visible));
      continue;
    }
    const held = keys?.get(key);
    const heldVisible = held && visibleWhere(held.type, visible);
    if (held && heldVisible) {
      // A foreign key to a hidden record reads as if it were null.
      extra.push(
        isNullCheck(value)
          ? { OR: [{ [key]: value }, { [held.name]: { isNot: heldVisible } }] }
          : { AND: [{ [key]: value }, { [held.name]: { is: heldVisible } }] },
      );
      continue;
    }
    if (model === 'Project' && investmentFields.has(key)) {
      out[figureAsSeen(key, visible)] = value;
      continue;
    }
    out[key] = value;
  }
  if (extra.length === 0) return out;
  const existing = out.AND === undefined ? [] : Array.isArray(out.AND) ? out.AND : [out.AND];
  return { ...out, AND: [...existing, ...extra] };
}

/** One relation filter (`projects: { some }`, `campaign: { is }`, `campaign: null`, …) in the parent's terms. */
function scopeRelationFilter(field: FieldInfo, value: unknown, visible: Visible): Where {
  const key = field.name;
  const target = field.type;
  const shown = visibleWhere(target, visible);
  const inner = (w: unknown) => scopeWhere(target, w, visible);
  if (!isObject(value)) {
    // `campaign: null`: no related record, or one the caller may not see.
    return value === null && !field.isList && shown ? { [key]: { isNot: shown } } : { [key]: value };
  }
  if (field.isList) {
    const scoped: Where = {};
    if (value.some !== undefined) scoped.some = and(inner(value.some), shown) ?? {};
    if (value.none !== undefined) scoped.none = and(inner(value.none), shown) ?? {};
    // Hidden records are absent: "every" holds when every visible record matches.
    if (value.every !== undefined) scoped.every = shown ? { OR: [inner(value.every) ?? {}, { NOT: shown }] } : inner(value.every);
    return { [key]: scoped };
  }
  const is = (w: unknown): Where =>
    w === null ? (shown ? { [key]: { isNot: shown } } : { [key]: { is: null } }) : { [key]: { is: and(inner(w), shown) ?? {} } };
  const isNot = (w: unknown): Where =>
    w === null ? (shown ? { [key]: { is: shown } } : { [key]: { isNot: null } }) : { [key]: { isNot: and(inner(w), shown) ?? {} } };
  if (value.is === undefined && value.isNot === undefined) return is(value);
  return and(value.is === undefined ? undefined : is(value.is), value.isNot === undefined ? undefined : isNot(value.isNot)) ?? {};
}

/** A selection tree: which relations were read, to mask hidden to-one records in the result. */
interface Shape {
  model: string;
  relations: Map<string, Shape>;
}

/** A nested list read with a cursor, to be checked before the query runs. */
interface PendingCursor {
  model: string;
  args: Args;
}

/** Masking needs these columns: a caller may not omit them. */
function keepMaskingColumns(args: Args): void {
  if (!isObject(args.omit)) return;
  const { visibility: _v, investmentVisibility: _i, ...omit } = args.omit;
  args.omit = omit;
}

/** Rewrites an include/select tree: nested lists and counts are filtered, to-one targets are checked after. */
function scopeSelection(
  model: string,
  selection: unknown,
  isSelect: boolean,
  visible: Visible,
  shape: Shape,
  cursors: PendingCursor[],
): Args | undefined {
  if (!isObject(selection)) return selection as Args | undefined;
  const relations = relationFields.get(model);
  const out: Args = { ...selection };
  for (const [key, value] of Object.entries(out)) {
    if (key === '_count') {
      out._count = scopeCount(model, value, visible);
      continue;
    }
    const field = relations?.get(key);
    if (!field || !value) continue;
    const target = field.type;
    const childShape: Shape = { model: target, relations: new Map() };
    shape.relations.set(key, childShape);
    const args: Args = value === true ? {} : { ...(value as Args) };
    keepMaskingColumns(args);
    if (field.isList) {
      const where = and(scopeWhere(target, args.where, visible), visibleWhere(target, visible));
      if (where) args.where = where;
      if (target === 'Project') args.orderBy = scopeOrderBy(args.orderBy, visible);
      if (args.cursor && visibleWhere(target, visible)) cursors.push({ model: target, args });
    }
    if (args.include) args.include = scopeSelection(target, args.include, false, visible, childShape, cursors);
    if (args.select) {
      const select = scopeSelection(target, args.select, true, visible, childShape, cursors) as Args;
      // Masking a to-one record needs its visibility in the result.
      if (!field.isList && ownVisibility.has(target)) select.visibility = true;
      args.select = select;
    }
    out[key] = Object.keys(args).length ? args : true;
  }
  if (isSelect && model === 'Project' && [...investmentFields].some((f) => out[f])) out.investmentVisibility = true;
  return out;
}

/** A project ordering with each figure replaced by the figure as the caller reads it. */
function scopeOrderBy(orderBy: unknown, visible: Visible): unknown {
  if (orderBy === undefined) return undefined;
  // A figure that always has a value reads null only where it is hidden: hidden ones go last.
  const asSeen = ([key, how]: [string, unknown]) =>
    investmentFields.has(key)
      ? [figureAsSeen(key, visible), typeof how === 'string' && alwaysSet.has(key) ? { sort: how, nulls: 'last' } : how]
      : [key, how];
  const scope = (order: unknown) => (isObject(order) ? Object.fromEntries(Object.entries(order).map(asSeen)) : order);
  return Array.isArray(orderBy) ? orderBy.map(scope) : scope(orderBy);
}

/** Relation counts count visible records only; `_count: true` is spelled out relation by relation to get there. */
function scopeCount(model: string, count: unknown, visible: Visible): unknown {
  if (count === true) {
    const lists = [...(relationFields.get(model)?.values() ?? [])].filter((f) => f.isList).map((f) => [f.name, true]);
    return scopeCount(model, { select: Object.fromEntries(lists) }, visible);
  }
  if (!isObject(count) || !isObject(count.select)) return count;
  const relations = relationFields.get(model);
  const select: Args = { ...count.select };
  for (const [key, value] of Object.entries(select)) {
    const target = relations?.get(key)?.type;
    if (!target || !value) continue;
    const existing = value === true ? undefined : (value as Args).where;
    const where = and(scopeWhere(target, existing, visible), visibleWhere(target, visible));
    if (where) select[key] = { where };
  }
  return { ...count, select };
}

/** Nulls to-one relations to hidden records, and investment figures the caller may not see. */
function maskResult(result: unknown, shape: Shape, visible: Visible): void {
  if (!result || typeof result !== 'object') return;
  if (Array.isArray(result)) {
    for (const item of result) maskResult(item, shape, visible);
    return;
  }
  const record = result as Record<string, unknown>;
  if (shape.model === 'Project' && 'investmentVisibility' in record && !visible.includes(record.investmentVisibility as Visibility)) {
    for (const field of investmentFields) if (field in record) record[field] = null;
  }
  for (const [key, child] of shape.relations) {
    const value = record[key];
    if (!value || typeof value !== 'object') continue;
    if (!Array.isArray(value) && ownVisibility.has(child.model) && 'visibility' in value && !visible.includes((value as { visibility: Visibility }).visibility)) {
      record[key] = null;
      continue;
    }
    maskResult(value, child, visible);
  }
}

/** A unique lookup must keep its unique key at the top level; the condition joins its AND. */
function uniqueWhere(where: Where, condition: Where | undefined): Where {
  if (!condition) return where;
  const existing = where.AND === undefined ? [] : Array.isArray(where.AND) ? where.AND : [where.AND];
  return { ...where, AND: [...existing, condition] };
}

/**
 * The relations a fluent call walks (`project.findUnique(…).campaign()` walks
 * `campaign`). Prisma runs such a call as a read of the first model that
 * selects the relation, and hands back only the record at the end: the masking
 * of the whole result never sees the records along the way, so the query
 * itself must require them visible. Prisma tells extensions the path only
 * through `__internalParams.dataPath` (`['select', 'campaign', …]`); the
 * fluent tests fail if that ever changes.
 */
function fluentPath(params: unknown): string[] {
  const dataPath = (params as { __internalParams?: { dataPath?: unknown } }).__internalParams?.dataPath;
  if (!Array.isArray(dataPath)) return [];
  const path: string[] = [];
  for (let i = 0; i + 1 < dataPath.length; i += 2) {
    if (dataPath[i] !== 'select' && dataPath[i] !== 'include') break;
    path.push(String(dataPath[i + 1]));
  }
  return path;
}

/** That every to-one record along `path` is visible (a list at the end is filtered like any nested list). */
function chainWhere(model: string, path: readonly string[], visible: Visible): Where | undefined {
  const [head, ...rest] = path;
  const field = head === undefined ? undefined : relationFields.get(model)?.get(head);
  if (!field || field.isList) return undefined;
  const inner = and(visibleWhere(field.type, visible), chainWhere(field.type, rest, visible));
  return inner && { [field.name]: { is: inner } };
}

const isNotFound = (error: unknown) => (error as { code?: unknown } | null)?.code === 'P2025';

/** Whether an aggregate's arguments (besides `where`) read investment figures: sums, groups, orderings. */
function readsFigures(args: Args): boolean {
  const mentions = (value: unknown): boolean => {
    if (typeof value === 'string') return investmentFields.has(value);
    if (Array.isArray(value)) return value.some(mentions);
    return isObject(value) && Object.entries(value).some(([key, v]) => investmentFields.has(key) || mentions(v));
  };
  return Object.entries(args).some(([key, value]) => key !== 'where' && mentions(value));
}

/** A cursor's unique key as a filter (a compound key `a_b: { a, b }` becomes `a, b`). */
function cursorWhere(model: string, cursor: Args): Where {
  const own = columns.get(model);
  return Object.fromEntries(
    Object.entries(cursor).flatMap(([key, value]) => (!own?.has(key) && isObject(value) ? Object.entries(value) : [[key, value]])),
  );
}

const delegateName = (model: string) => model.charAt(0).toLowerCase() + model.slice(1);

const readOperations = new Set(['findMany', 'findFirst', 'findFirstOrThrow', 'findUnique', 'findUniqueOrThrow']);
const filterOperations = new Set([...readOperations, 'count', 'aggregate', 'groupBy']);

/**
 * A client that shows only what `visible` allows. For callers who may see
 * everything it returns the client unchanged: nothing to rewrite.
 */
export function scopeToVisibility<T extends PrismaClient>(prisma: T, visible: Visible): T {
  if (ALL_VISIBILITIES.every((v) => visible.includes(v))) return prisma;

  /**
   * Prisma positions a cursor by its record even when the query's filter
   * excludes that record (and a filter inside `cursor` makes it panic), so a
   * hidden cursor would give away where the hidden record sorts. Each cursor is
   * checked first; a hidden one turns its read into one that matches nothing,
   * as a missing one does. The check reads through the unscoped client, outside
   * any transaction the scoped read may be part of (scoped callers only read).
   */
  async function hideUnseenCursors(pending: PendingCursor[]): Promise<void> {
    await Promise.all(
      pending.splice(0).map(async ({ model, args }) => {
        const delegate = (prisma as unknown as Record<string, { findFirst(args: Args): Promise<unknown> }>)[delegateName(model)]!;
        const where = and(cursorWhere(model, args.cursor as Args), visibleWhere(model, visible));
        const seen = await delegate.findFirst({ where, select: { id: true } });
        if (seen) return;
        delete args.cursor;
        args.where = and(args.where as Where | undefined, NOTHING);
      }),
    );
  }

  return prisma.$extends({
    query: {
      $allModels: {
        async $allOperations(params) {
          const { model, operation, args, query } = params;
          if (!filterOperations.has(operation)) return query(args);
          const scoped: Args = { ...(args as Args) };
          const isRead = readOperations.has(operation);
          const unique = operation.startsWith('findUnique');
          const condition = visibleWhere(model, visible);
          const scopedWhere = scopeWhere(model, scoped.where, visible);
          let where = unique ? uniqueWhere(scopedWhere ?? {}, condition) : and(scopedWhere, condition);
          // Sums, groups and orderings of investment cover only projects whose figures the caller may see.
          if (model === 'Project' && !isRead && readsFigures(scoped)) where = and(where, figuresVisible(visible));
          if (where) scoped.where = where;
          keepMaskingColumns(scoped);

          const shape: Shape = { model, relations: new Map() };
          const cursors: PendingCursor[] = [];
          if (isRead) {
            if (scoped.include) scoped.include = scopeSelection(model, scoped.include, false, visible, shape, cursors);
            if (scoped.select) scoped.select = scopeSelection(model, scoped.select, true, visible, shape, cursors);
          }

          if (model === 'Project' && isRead) scoped.orderBy = scopeOrderBy(scoped.orderBy, visible);
          if (scoped.cursor && condition) cursors.push({ model, args: scoped });
          await hideUnseenCursors(cursors);

          const path = isRead ? fluentPath(params) : [];
          const chain = path.length ? chainWhere(model, path, visible) : undefined;
          if (!chain) {
            const result = await query(scoped);
            if (isRead) maskResult(result, shape, visible);
            return result;
          }

          // A fluent call: the records along the chain must be visible, or the end reads null.
          let leaf = shape;
          for (const hop of path) {
            leaf = leaf.relations.get(hop) ?? { model: relationFields.get(leaf.model)?.get(hop)?.type ?? '', relations: new Map() };
          }
          try {
            const result = await query({ ...scoped, where: unique ? uniqueWhere(scoped.where as Where, chain) : and(scoped.where as Where, chain) });
            maskResult(result, leaf, visible);
            return result;
          } catch (error) {
            // `…OrThrow` throws when the chain is hidden; it should only when the first record is missing.
            if (!isNotFound(error)) throw error;
            await query(scoped);
            return null;
          }
        },
      },
    },
  }) as unknown as T;
}
