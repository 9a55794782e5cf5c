import { ALL_VISIBILITIES, columnAsSeen, visibleWhere, type Visibility } from '@zonegraph/db';
import { getDatamodel } from '@zonegraph/db/pothos';
import { NotCompiled, type ConnectionPart, type ObjectPlan, type Relation } from './plan.ts';

/**
 * SQL that writes a planned answer as JSON, in PostgreSQL, in one statement:
 * to-one relations as correlated lookups by key, connections as a page per
 * parent (`ORDER BY … LIMIT` on the parent's index), visibility as the same
 * conditions the Prisma extension adds (`visibleWhere`, `columnAsSeen`).
 */
export class SqlWriter {
  private aliases = 0;
  /** Values sent beside the statement, never written into it: `$1`, `$2`, … in order. */
  readonly params: unknown[] = [];
  constructor(private readonly visible: readonly Visibility[]) {}

  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  alias(): string {
    return `t${++this.aliases}`;
  }

  /**
   * A JSON object for the row `alias` of `plan.model`, keys in the document's
   * order. Its to-one relations are pushed onto `joins`, to be LEFT JOINed in
   * the FROM that holds `alias`: a join lets PostgreSQL read a small parent
   * table once per statement (a hash) instead of once per row.
   */
  object(plan: ObjectPlan, alias: string, joins: string[]): string {
    const pairs = plan.fields.map((field) => {
      switch (field.kind) {
        case 'typename':
          return [field.key, literal(field.typeName)];
        case 'globalId':
          // plugin-relay's IDs: base64 of `Type:id` (PostgreSQL breaks base64 lines at 76 characters).
          return [field.key, `translate(encode(convert_to(${literal(`${plan.typeName}:`)} || ${alias}."id", 'UTF8'), 'base64'), E'\\n', '')`];
        case 'column': {
          const column = `${alias}.${ident(columnAsSeen(plan.model, field.column, this.visible))}`;
          return [field.key, scalar(column, field.scalar)];
        }
        case 'toOne':
          return [field.key, this.toOne(field.relation, field.object, alias, joins)];
        case 'connection':
          return [field.key, this.connection(plan.model, field.relation, field.query, field.parts, alias)];
      }
    });
    return `json_build_object(${pairs.map(([k, v]) => `${literal(k!)}, ${v}`).join(', ')})`;
  }

  private toOne(relation: Relation, object: ObjectPlan, parent: string, joins: string[]): string {
    if (relation.kind !== 'foreignKeyHere') throw new NotCompiled('to-one relation held elsewhere');
    const t = this.alias();
    // A hidden parent does not join, and reads null, as through the resolvers.
    const conditions = [`${t}."id" = ${parent}.${ident(relation.column)}`, ...this.visibleConditions(relation.target, t)];
    joins.push(`LEFT JOIN ${ident(relation.target)} ${t} ON ${conditions.join(' AND ')}`);
    return `CASE WHEN ${t}."id" IS NULL THEN NULL ELSE ${this.object(object, t, joins)} END`;
  }

  /** Rows of `relation` belonging to the parent row, as FROM and WHERE parts. */
  private related(model: string, relation: Relation, parent: string, t: string): { from: string; conditions: string[] } {
    if (relation.kind === 'foreignKeyThere') {
      return { from: `${ident(relation.target)} ${t}`, conditions: [`${t}.${ident(relation.column)} = ${parent}."id"`] };
    }
    if (relation.kind === 'joinTable') {
      const j = this.alias();
      return {
        from: `${ident(relation.table)} ${j} JOIN ${ident(relation.target)} ${t} ON ${t}."id" = ${j}.${ident(relation.targetColumn)}`,
        conditions: [`${j}.${ident(relation.parentColumn)} = ${parent}."id"`],
      };
    }
    throw new NotCompiled(`a connection of ${model} through its own foreign key`);
  }

  private connection(model: string, relation: Relation, query: { where?: Record<string, unknown>; orderBy: Record<string, unknown>[]; take: number }, parts: ConnectionPart[], parent: string): string {
    const target = relation.target;
    const t = this.alias();
    const { from, conditions } = this.related(model, relation, parent, t);
    const joins: string[] = [];
    const where = [...conditions, ...this.where(target, query.where, t), ...this.visibleConditions(target, t)];
    const order = this.orderBy(target, query.orderBy, t);
    const size = query.take - 1;

    const page = this.alias();
    const columns: string[] = [];
    const values = parts.map((part) => {
      switch (part.kind) {
        case 'typename':
          return [part.key, literal(part.typeName)];
        case 'totalCount': {
          const c = this.alias();
          const counted = this.related(model, relation, parent, c);
          const countWhere = [...counted.conditions, ...this.where(target, query.where, c), ...this.visibleConditions(target, c)];
          return [part.key, `(SELECT count(*)::int FROM ${counted.from} WHERE ${countWhere.join(' AND ')})`];
        }
        case 'nodes': {
          columns.push(`${this.object(part.object, t, joins)} AS j${columns.length}`);
          return [part.key, `coalesce(json_agg(${page}.j${columns.length - 1} ORDER BY ${page}.n) FILTER (WHERE ${page}.n <= ${size}), '[]'::json)`];
        }
        case 'edges': {
          const edge = part.fields.map((f) => {
            if (f.kind === 'typename') return `${literal(f.key)}, ${literal(f.typeName)}`;
            columns.push(`${this.object(f.object, t, joins)} AS j${columns.length}`);
            return `${literal(f.key)}, ${page}.j${columns.length - 1}`;
          });
          return [part.key, `coalesce(json_agg(json_build_object(${edge.join(', ')}) ORDER BY ${page}.n) FILTER (WHERE ${page}.n <= ${size}), '[]'::json)`];
        }
        case 'pageInfo': {
          const info = part.fields.map((f) => {
            if (f.kind === 'typename') return `${literal(f.key)}, ${literal(f.typeName)}`;
            // Forward pages only (no cursor): there is a next page when one more row than asked came back.
            return `${literal(f.key)}, ${f.kind === 'hasNextPage' ? `count(${page}.n) > ${size}` : 'false'}`;
          });
          return [part.key, `json_build_object(${info.join(', ')})`];
        }
      }
    });
    // The page is cut first (ORDER BY … LIMIT walks the parent's index and stops), then numbered:
    // a window over the whole relation would read every related row.
    const rows = `SELECT ${[...columns, ...order.map((o, i) => `${o.column} AS o${i}`)].join(', ')} FROM ${[from, ...joins].join(' ')} WHERE ${where.join(' AND ')} ${order.length ? `ORDER BY ${order.map((o) => `${o.column} ${o.direction}`).join(', ')}` : ''} LIMIT ${query.take}`;
    const x = this.alias();
    const numbered = `SELECT ${x}.*, row_number() OVER (${order.length ? `ORDER BY ${order.map((o, i) => `${x}.o${i} ${o.direction}`).join(', ')}` : ''}) AS n FROM (${rows}) ${x}`;
    const answer = `json_build_object(${values.map(([k, v]) => `${literal(k!)}, ${v}`).join(', ')})`;
    // Only totalCount or __typename: nothing reads the page (and without an aggregate there would be a row per item).
    if (!parts.some((p) => p.kind === 'nodes' || p.kind === 'edges' || p.kind === 'pageInfo')) return answer;
    return `(SELECT ${answer} FROM (${numbered}) ${page})`;
  }

  /** The rows of `model` this caller may see, as conditions on `alias` (none for those who see everything). */
  visibleConditions(model: string, alias: string): string[] {
    if (ALL_VISIBILITIES.every((v) => this.visible.includes(v))) return [];
    return this.where(model, visibleWhere(model, this.visible), alias);
  }

  /** The part of Prisma's where language the schema's connection queries and the visibility rule use. */
  where(model: string, where: Record<string, unknown> | undefined, alias: string): string[] {
    if (!where) return [];
    const out: string[] = [];
    for (const [key, value] of Object.entries(where)) {
      if (value === undefined) continue;
      if (key === 'AND') {
        for (const part of Array.isArray(value) ? value : [value]) out.push(...this.where(model, part as Record<string, unknown>, alias));
        continue;
      }
      if (key === 'OR') {
        if (!Array.isArray(value)) throw new NotCompiled('an OR that is not a list');
        // As Prisma reads it: an empty OR matches nothing, an empty alternative everything.
        const alternatives = value.map((part) => {
          const conditions = this.where(model, part as Record<string, unknown>, alias);
          return conditions.length ? `(${conditions.join(' AND ')})` : 'TRUE';
        });
        out.push(alternatives.length ? `(${alternatives.join(' OR ')})` : 'FALSE');
        continue;
      }
      const field = fieldOf(model, key);
      if (field.kind === 'object') {
        if (field.isList || field.relationFromFields?.length !== 1 || !isPlainObject(value)) throw new NotCompiled(`filter on ${model}.${key}`);
        const r = this.alias();
        const inner = this.where(field.type, value, r);
        out.push(`EXISTS (SELECT 1 FROM ${ident(field.type)} ${r} WHERE ${[`${r}."id" = ${alias}.${ident(field.relationFromFields[0]!)}`, ...inner].join(' AND ')})`);
        continue;
      }
      // A figure the caller may not see is filtered as it reads (null), as the Prisma extension does.
      const column = `${alias}.${ident(columnAsSeen(model, key, this.visible))}`;
      if (value === null || (isPlainObject(value) && Object.keys(value).length === 1 && value.equals === null)) out.push(`${column} IS NULL`);
      else if (isPlainObject(value) && Object.keys(value).length === 1 && Array.isArray(value.in)) {
        out.push(value.in.length ? `${column} IN (${value.in.map((v) => constant(v)).join(', ')})` : 'false');
      } else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') out.push(`${column} = ${constant(value)}`);
      else if (isPlainObject(value) && isText(value, 'contains')) {
        // Prisma's `contains`: the value inside a LIKE pattern as given (search escapes its own wildcards).
        out.push(`${column} ${value.mode === 'insensitive' ? 'ILIKE' : 'LIKE'} ('%' || ${this.param(value.contains)} || '%')`);
      } else if (isPlainObject(value) && isText(value, 'equals') && value.mode === 'insensitive') out.push(`lower(${column}) = lower(${this.param(value.equals)})`);
      else throw new NotCompiled(`filter ${model}.${key}`);
    }
    return out;
  }

  orderBy(model: string, orderBy: Record<string, unknown>[], alias: string): { column: string; direction: string }[] {
    const terms = orderBy.flatMap((entry) =>
      Object.entries(entry).map(([key, value]) => {
        const field = fieldOf(model, key);
        if (field.kind === 'object') return this.relationOrder(field, value, alias);
        const column = `${alias}.${ident(columnAsSeen(model, key, this.visible))}`;
        if (value === 'asc' || value === 'desc') return { column, direction: value.toUpperCase() };
        if (isPlainObject(value) && (value.sort === 'asc' || value.sort === 'desc')) {
          const nulls = value.nulls === 'first' ? ' NULLS FIRST' : value.nulls === 'last' ? ' NULLS LAST' : '';
          return { column, direction: `${value.sort.toUpperCase()}${nulls}` };
        }
        throw new NotCompiled('an unusual ordering');
      }),
    );
    // Exactly the query's own order, nothing added: an extra key would stop PostgreSQL from
    // walking the parent's (foreign key, order) index and make it sort every related row.
    return terms;
  }

  /** An order by one column of a to-one parent (`{ programme: { periodStart: 'desc' } }`), as a lookup by key. */
  private relationOrder(field: ReturnType<typeof fieldOf>, value: unknown, alias: string): { column: string; direction: string } {
    if (field.isList || field.relationFromFields?.length !== 1 || !isPlainObject(value)) throw new NotCompiled('order by a list relation');
    const t = this.alias();
    const [inner, ...more] = this.orderBy(field.type, [value], t);
    if (!inner || more.length) throw new NotCompiled('an unusual relation order');
    const column = `(SELECT ${inner.column} FROM ${ident(field.type)} ${t} WHERE ${t}."id" = ${alias}.${ident(field.relationFromFields[0]!)})`;
    return { column, direction: inner.direction };
  }
}

const models = getDatamodel().datamodel.models as unknown as Record<string, { fields: { name: string; kind: string; type: string; isList: boolean; relationFromFields?: string[] }[] }>;

function fieldOf(model: string, name: string) {
  const field = models[model]?.fields.find((f) => f.name === name);
  if (!field) throw new NotCompiled(`unknown column ${model}.${name}`);
  return field;
}

/** `{ [operator]: string }`, with at most a `mode` beside it. */
const isText = (value: Record<string, unknown>, operator: string): value is Record<string, string> =>
  typeof value[operator] === 'string' && Object.keys(value).every((k) => k === operator || (k === 'mode' && (value.mode === 'insensitive' || value.mode === 'default')));

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A quoted identifier; every name here comes from the Prisma schema, never from a request. */
export const ident = (name: string) => {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new NotCompiled(`identifier ${name}`);
  return `"${name}"`;
};

/** A string constant from the schema (type names, response keys: GraphQL names, so letters, digits and _). */
export const literal = (text: string) => {
  if (!/^[A-Za-z0-9_:]*$/.test(text)) throw new NotCompiled(`literal ${text}`);
  return `'${text}'`;
};

/**
 * A value the schema's own queries or the visibility rule compare with (enum
 * labels, flags, keys): written into the statement, so only plain words pass.
 */
export function constant(value: unknown): string {
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string' && /^[A-Za-z0-9_.:-]*$/.test(value)) return `'${value}'`;
  throw new NotCompiled('a value that is not a plain word');
}

/** A column written as the schema's scalar serializers write it. */
function scalar(column: string, kind: 'plain' | 'decimal' | 'date' | 'datetime'): string {
  switch (kind) {
    case 'plain':
      return column;
    case 'decimal':
      // Prisma's Decimal.toFixed(): no trailing zeros, never an exponent.
      return `trim_scale(${column})::text`;
    case 'date':
      return `to_char(${column}, 'YYYY-MM-DD')`;
    case 'datetime':
      // Timestamps are stored in UTC (Prisma's DateTime); Date.toISOString() writes milliseconds and Z.
      return `to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
  }
}
