import type { PrismaClient } from './generated/prisma/client.ts';
import { Visibility } from './generated/prisma/enums.ts';
import { getDatamodel } from './generated/pothos-types.ts';

/**
 * Row-level visibility, enforced where every read passes: a Prisma client
 * extension that rewrites each query of a caller who may not see everything.
 *
 * - Records the caller may not see are filtered out of every read: root
 *   queries, nested relation lists, relation counts, aggregates, and relation
 *   filters (a filter on a hidden organisation matches nothing, so a filter
 *   cannot be used to probe for it).
 * - A to-one relation to a hidden record reads as null.
 * - Records without a visibility of their own (a project's stage changes, an
 *   indicator's values) follow the record they belong to.
 * - A project's investment figures follow its `investmentVisibility`.
 *
 * Raw SQL bypasses all of this: code that uses it must apply `visibleWhere`
 * itself.
 */

type Where = Record<string, unknown>;
type Args = Record<string, unknown>;
type Visible = readonly Visibility[];

interface FieldInfo {
  name: string;
  kind: string;
  type: string;
  isList: boolean;
}

const models = getDatamodel().datamodel.models as unknown as Record<string, { fields: FieldInfo[] }>;

const relationFields = new Map<string, Map<string, FieldInfo>>(
  Object.entries(models).map(([name, model]) => [
    name,
    new Map(model.fields.filter((f) => f.kind === 'object').map((f) => [f.name, f])),
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
};

const investmentFields = ['plannedInvestment', 'completedInvestment'] as const;

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
  const extra = model === 'InvestmentRecord' ? { investmentVisibility: { in: [...visible] } } : {};
  return { [via]: { ...parent, ...extra } };
}

const and = (...conditions: (Where | undefined)[]): Where | undefined => {
  const present = conditions.filter((c): c is Where => c !== undefined && Object.keys(c).length > 0);
  if (present.length === 0) return undefined;
  return present.length === 1 ? present[0] : { AND: present };
};

/** Rewrites relation filters inside a where clause so that hidden related records match nothing. */
function scopeWhere(model: string, where: unknown, visible: Visible): Where | undefined {
  if (!where || typeof where !== 'object') return where as Where | undefined;
  const relations = relationFields.get(model);
  const out: Where = {};
  for (const [key, value] of Object.entries(where as Where)) {
    if (key === 'AND' || key === 'OR' || key === 'NOT') {
      out[key] = Array.isArray(value) ? value.map((w) => scopeWhere(model, w, visible)) : scopeWhere(model, value, visible);
      continue;
    }
    const field = relations?.get(key);
    if (!field || value === null || typeof value !== 'object') {
      out[key] = value;
      continue;
    }
    const target = field.type;
    const hidden = visibleWhere(target, visible);
    const filter = value as Where;
    if (field.isList) {
      const scoped: Where = {};
      if ('some' in filter) scoped.some = and(scopeWhere(target, filter.some, visible), hidden) ?? {};
      if ('none' in filter) scoped.none = and(scopeWhere(target, filter.none, visible), hidden) ?? {};
      // Hidden records are absent: "every" holds when every visible record matches.
      if ('every' in filter) scoped.every = hidden ? { OR: [scopeWhere(target, filter.every, visible) ?? {}, { NOT: hidden }] } : scopeWhere(target, filter.every, visible);
      out[key] = scoped;
    } else if ('is' in filter || 'isNot' in filter) {
      const scoped: Where = {};
      if ('is' in filter) scoped.is = filter.is === null ? null : and(scopeWhere(target, filter.is, visible), hidden);
      if ('isNot' in filter) scoped.isNot = filter.isNot === null ? null : and(scopeWhere(target, filter.isNot, visible), hidden);
      out[key] = scoped;
    } else {
      out[key] = and(scopeWhere(target, filter, visible), hidden) ?? {};
    }
  }
  return out;
}

/** A selection tree: which relations were read, to mask hidden to-one records in the result. */
interface Shape {
  model: string;
  relations: Map<string, Shape>;
}

/** Rewrites an include/select tree: nested lists and counts are filtered, to-one targets are checked after. */
function scopeSelection(model: string, selection: unknown, isSelect: boolean, visible: Visible, shape: Shape): Args | undefined {
  if (!selection || typeof selection !== 'object') return selection as Args | undefined;
  const relations = relationFields.get(model);
  const out: Args = { ...(selection as Args) };
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
    if (field.isList) {
      const where = and(scopeWhere(target, args.where, visible), visibleWhere(target, visible));
      if (where) args.where = where;
    }
    if (args.include) args.include = scopeSelection(target, args.include, false, visible, childShape);
    if (args.select) {
      const select = scopeSelection(target, args.select, true, visible, childShape) as Args;
      // Masking a to-one record needs its visibility in the result.
      if (!field.isList && ownVisibility.has(target)) select.visibility = true;
      args.select = select;
    }
    out[key] = Object.keys(args).length ? args : true;
  }
  if (isSelect && model === 'Project' && investmentFields.some((f) => out[f])) out.investmentVisibility = true;
  return out;
}

function scopeCount(model: string, count: unknown, visible: Visible): unknown {
  if (!count || typeof count !== 'object' || !('select' in count)) return count;
  const relations = relationFields.get(model);
  const select: Args = { ...((count as { select: Args }).select) };
  for (const [key, value] of Object.entries(select)) {
    const target = relations?.get(key)?.type;
    if (!target || !value) continue;
    const existing = value === true ? undefined : (value as Args).where;
    const where = and(scopeWhere(target, existing, visible), visibleWhere(target, visible));
    if (where) select[key] = { where };
  }
  return { ...(count as Args), select };
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

const readOperations = new Set(['findMany', 'findFirst', 'findFirstOrThrow', 'findUnique', 'findUniqueOrThrow']);
const filterOperations = new Set([...readOperations, 'count', 'aggregate', 'groupBy']);

/**
 * A client that shows only what `visible` allows. For callers who may see
 * everything it returns the client unchanged: nothing to rewrite.
 */
export function scopeToVisibility<T extends PrismaClient>(prisma: T, visible: Visible): T {
  if (ALL_VISIBILITIES.every((v) => visible.includes(v))) return prisma;
  return prisma.$extends({
    query: {
      $allModels: {
        async $allOperations({ model, operation, args, query }) {
          if (!filterOperations.has(operation)) return query(args);
          const scoped: Args = { ...(args as Args) };
          const condition = visibleWhere(model, visible);
          let where = operation.startsWith('findUnique')
            ? uniqueWhere(scopeWhere(model, scoped.where, visible) ?? {}, condition)
            : and(scopeWhere(model, scoped.where, visible), condition);
          // Sums and averages of investment count only projects whose figures the caller may see.
          if (model === 'Project' && (operation === 'aggregate' || operation === 'groupBy') && ['_sum', '_avg', '_min', '_max'].some((k) => k in scoped)) {
            where = and(where, { investmentVisibility: { in: [...visible] } });
          }
          if (where) scoped.where = where;
          const shape: Shape = { model, relations: new Map() };
          if (readOperations.has(operation)) {
            if (scoped.include) scoped.include = scopeSelection(model, scoped.include, false, visible, shape);
            if (scoped.select) scoped.select = scopeSelection(model, scoped.select, true, visible, shape);
          }
          const result = await query(scoped);
          if (readOperations.has(operation)) maskResult(result, shape, visible);
          return result;
        },
      },
    },
  }) as unknown as T;
}
