import {
  getArgumentValues,
  getNamedType,
  getOperationAST,
  getVariableValues,
  isObjectType,
  Kind,
  type DocumentNode,
  type ExecutionResult,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { visibleTo } from '../auth.ts';
import { decodeGlobalID, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../builder.ts';
import type { Context } from '../context.ts';
import { collectFields, modelOf, NotCompiled, planConnectionParts, planObject, type ConnectionPart, type ObjectPlan, type PlanInput } from './plan.ts';
import { roots, type Root } from './roots.ts';
import { SqlWriter, ident } from './sql.ts';

/**
 * Compiled reads: a query whose every field maps onto columns, relations and
 * connections the schema declares is answered by one SQL statement per root
 * field that writes the JSON answer in PostgreSQL, instead of graphql-js
 * walking Prisma's objects field by field. The answer is the same (a test
 * compares the two over many documents and callers); anything the compiler
 * does not know — a field with its own resolver, role-scoped fields,
 * directives, cursors, mutations — returns null here and runs as before.
 */
export interface CompileInput {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName?: string | null;
  variableValues?: Record<string, unknown> | null;
  contextValue: Context;
  /** Runs each root field's work (e.g. under a tracing span named for the field). */
  around?: <T>(field: string, run: () => Promise<T>) => Promise<T>;
}

export type CompiledRead = () => Promise<ExecutionResult>;

type RootPlan = { key: string; field: string } & (
  | { kind: 'typename' }
  | { kind: 'one'; root: Root & { kind: 'one' }; args: Record<string, unknown>; plan: ObjectPlan | null }
  | { kind: 'page'; root: Root & { kind: 'page' }; args: Record<string, unknown>; first: number; parts: ConnectionPart[] }
);

/** A compiled statement's rows: prepared on PostgreSQL when the server offers it, else through Prisma. */
const rowsOf = <Row>(ctx: Context, sql: string, params: unknown[] = []): Promise<Row[]> =>
  ctx.preparedReads ? ctx.preparedReads.query<Row>(sql, params) : ctx.prisma.$queryRawUnsafe<Row[]>(sql, ...params);

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function compileRead(input: CompileInput): CompiledRead | null {
  const operation = getOperationAST(input.document, input.operationName);
  if (!operation || operation.operation !== 'query') return null;
  const coerced = getVariableValues(input.schema, operation.variableDefinitions ?? [], input.variableValues ?? {});
  if (coerced.errors) return null;
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of input.document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  }
  const planInput: PlanInput = { schema: input.schema, fragments, variables: coerced.coerced, context: input.contextValue };
  const query = input.schema.getQueryType()!;
  try {
    const plans = [...collectFields(planInput, query, operation.selectionSet)].map(([key, node]) => planRoot(planInput, query, key, node));
    return () => run(plans, input.contextValue, input.around ?? ((_field, work) => work()));
  } catch (error) {
    if (error instanceof NotCompiled) return null;
    // Anything else (a bad argument, a bad ID) is for the resolvers to report as they always have.
    return null;
  }
}

function planRoot(input: PlanInput, query: GraphQLObjectType, key: string, node: FieldNode): RootPlan {
  const name = node.name.value;
  if (name === '__typename') return { key, field: name, kind: 'typename' };
  const field = query.getFields()[name];
  if (!field || (field.extensions as { pothosOptions?: { authScopes?: unknown } }).pothosOptions?.authScopes !== undefined) throw new NotCompiled(name);
  const args = getArgumentValues(field, node, input.variables);
  const type = getNamedType(field.type);

  if (name === 'node') {
    const { typename, id } = decodeGlobalID(String(args.id));
    const target = input.schema.getType(typename);
    const model = target && modelOf(target);
    if (!target || !isObjectType(target) || !model) throw new NotCompiled('node of an unknown type');
    const root: Root & { kind: 'one' } = { kind: 'one', model, unique: () => ({ column: 'id', value: id }) };
    return { key, field: name, kind: 'one', root, args, plan: planObject(input, target, node.selectionSet!) };
  }

  const root = roots[name];
  if (!root || !isObjectType(type)) throw new NotCompiled(name);
  if (root.kind === 'one') return { key, field: name, kind: 'one', root, args, plan: planObject(input, type, node.selectionSet!) };

  if (args.after != null || args.before != null || args.last != null) throw new NotCompiled('cursor paging');
  const first = (args.first as number | null | undefined) ?? DEFAULT_PAGE_SIZE;
  if (!(first >= 0 && first <= MAX_PAGE_SIZE)) throw new NotCompiled('page size');
  const nodeType = getNamedType(type.getFields().nodes!.type);
  if (!isObjectType(nodeType)) throw new NotCompiled('abstract nodes');
  return { key, field: name, kind: 'page', root, args, first, parts: planConnectionParts(input, type, nodeType, collectFields(input, type, node.selectionSet!)) };
}

async function run(plans: RootPlan[], ctx: Context, around: NonNullable<CompileInput['around']>): Promise<ExecutionResult> {
  const visible = visibleTo(ctx.caller);
  const answers = await Promise.all(plans.map((plan) => (plan.kind === 'typename' ? 'Query' : around(plan.field, () => answer(plan, ctx, visible)))));
  const data: Record<string, unknown> = {};
  plans.forEach((plan, i) => (data[plan.key] = answers[i]));
  return { data };
}

async function answer(plan: RootPlan, ctx: Context, visible: ReturnType<typeof visibleTo>): Promise<unknown> {
  if (plan.kind === 'typename') return 'Query';
  if (plan.kind === 'one') {
    const { column, value } = plan.root.unique(plan.args);
    const writer = new SqlWriter(visible);
    const where = [`r.${ident(column)} = ${writer.param(value)}${column === 'id' ? '::uuid' : ''}`, ...writer.visibleConditions(plan.root.model, 'r')];
    const joins: string[] = [];
    const object = writer.object(plan.plan!, 'r', joins);
    const sql = `SELECT ${object}::text AS answer FROM ${[`${ident(plan.root.model)} r`, ...joins].join(' ')} WHERE ${where.join(' AND ')}`;
    const [row] = await rowsOf<{ answer: string | null }>(ctx, sql, writer.params);
    return row?.answer ? JSON.parse(row.answer) : null;
  }

  const wantsCount = plan.parts.some((p) => p.kind === 'totalCount');
  const wantsRows = plan.parts.some((p) => p.kind !== 'totalCount' && p.kind !== 'typename');
  const objectPlans = plan.parts.flatMap((p) => (p.kind === 'nodes' ? [p.object] : p.kind === 'edges' ? p.fields.flatMap((f) => (f.kind === 'node' ? [f.object] : [])) : []));
  const query: PageQuery = {
    model: plan.root.model,
    where: await plan.root.where(plan.args, ctx),
    orderBy: plan.root.orderBy(plan.args),
    first: plan.first,
    wantsRows,
    wantsCount,
    plans: objectPlans,
  };
  const { more, count, objects } = (await pageInSql(ctx, visible, query)) ?? (await pageThroughKeys(ctx, visible, query));
  const connection: Record<string, unknown> = {};
  let next = 0;
  for (const part of plan.parts) {
    switch (part.kind) {
      case 'typename':
        connection[part.key] = part.typeName;
        break;
      case 'totalCount':
        connection[part.key] = count;
        break;
      case 'nodes': {
        const column = next++;
        connection[part.key] = objects.map((o) => o[column]);
        break;
      }
      case 'edges': {
        const columns = part.fields.map((f) => (f.kind === 'node' ? next++ : -1));
        connection[part.key] = objects.map((o) =>
          Object.fromEntries(part.fields.map((f, i) => [f.key, f.kind === 'typename' ? f.typeName : o[columns[i]!]])),
        );
        break;
      }
      case 'pageInfo':
        connection[part.key] = Object.fromEntries(
          part.fields.map((f) => [f.key, f.kind === 'typename' ? f.typeName : f.kind === 'hasNextPage' ? more : false]),
        );
        break;
    }
  }
  return connection;
}

interface PageQuery {
  model: string;
  where: Record<string, unknown>;
  orderBy: Record<string, unknown>[];
  first: number;
  wantsRows: boolean;
  wantsCount: boolean;
  plans: ObjectPlan[];
}

/** A page's answer: whether more records follow, the count of all that match, each record's answers. */
interface Page {
  more: boolean;
  count: number;
  objects: unknown[][];
}

/**
 * The whole page in one statement — its keys, its count and its records'
 * answers — when the SQL writer knows every condition and order of the
 * resolver's query; null otherwise (a search, a filter through a list).
 */
async function pageInSql(ctx: Context, visible: ReturnType<typeof visibleTo>, query: PageQuery): Promise<Page | null> {
  const writer = new SqlWriter(visible);
  const p = writer.alias();
  let conditions: string[];
  let order: { column: string; direction: string }[];
  try {
    conditions = [...writer.where(query.model, query.where, p), ...writer.visibleConditions(query.model, p)];
    order = writer.orderBy(query.model, query.orderBy, p);
  } catch (error) {
    if (error instanceof NotCompiled) return null;
    throw error;
  }
  const matching = `${ident(query.model)} ${p}${conditions.length ? ` WHERE ${conditions.join(' AND ')}` : ''}`;
  const ordered = order.length ? ` ORDER BY ${order.map((o) => `${o.column} ${o.direction}`).join(', ')}` : '';
  // One more key than the page holds says whether a next page exists.
  const keys = query.wantsRows ? `ARRAY(SELECT ${p}."id" FROM ${matching}${ordered} LIMIT ${query.first + 1})` : `ARRAY[]::uuid[]`;
  const count = query.wantsCount ? `(SELECT count(*) FROM ${matching})::int` : '0';
  let answer = 'NULL';
  if (query.wantsRows && query.plans.length) {
    const joins: string[] = [];
    const columns = query.plans.map((plan) => writer.object(plan, 'r', joins)).join(', ');
    const from = [`unnest(keys.ids[1:${query.first}]) WITH ORDINALITY AS k(id, n)`, `JOIN ${ident(query.model)} r ON r."id" = k.id`, ...joins].join(' ');
    answer = `(SELECT json_agg(json_build_array(${columns}) ORDER BY k.n) FROM ${from})::text`;
  }
  // MATERIALIZED: inlined, the keys' subquery would run once for the count of keys and again for the records.
  const sql = `WITH keys AS MATERIALIZED (SELECT ${keys} AS ids) SELECT cardinality(keys.ids) AS found, ${count} AS total, ${answer} AS answer FROM keys`;
  const [row] = await rowsOf<{ found: number; total: number; answer: string | null }>(ctx, sql, writer.params);
  const found = Number(row?.found ?? 0);
  const records = Math.min(found, query.first);
  const objects = row?.answer ? (JSON.parse(row.answer) as unknown[][]) : Array.from({ length: records }, () => []);
  return { more: found > query.first, count: Number(row?.total ?? 0), objects };
}

/** The page's keys (and count) read through the caller's scoped client, then the records' answers in one statement. */
async function pageThroughKeys(ctx: Context, visible: ReturnType<typeof visibleTo>, query: PageQuery): Promise<Page> {
  const delegate = (ctx.prisma as unknown as Record<string, KeyDelegate>)[query.model[0]!.toLowerCase() + query.model.slice(1)]!;
  const take = query.first + 1;
  const [rows, count] = await Promise.all([
    query.wantsRows ? delegate.findMany({ where: query.where, orderBy: query.orderBy, take, select: { id: true } }) : Promise.resolve([]),
    query.wantsCount ? delegate.count({ where: query.where }) : Promise.resolve(0),
  ]);
  const page = rows.slice(0, query.first);
  return { more: rows.length === take, count, objects: await objectsFor(ctx, visible, query.model, page.map((r) => r.id), query.plans) };
}

interface KeyDelegate {
  findMany(args: { where: unknown; orderBy: unknown; take: number; select: { id: true } }): Promise<{ id: string }[]>;
  count(args: { where: unknown }): Promise<number>;
}

/** For each key in order, the answer of each plan for that record: one statement. */
async function objectsFor(ctx: Context, visible: ReturnType<typeof visibleTo>, model: string, ids: string[], plans: ObjectPlan[]): Promise<unknown[][]> {
  if (ids.length === 0 || plans.length === 0) return ids.map(() => []);
  if (!ids.every((id) => uuid.test(id))) throw new Error('a key that is not a UUID');
  const writer = new SqlWriter(visible);
  const joins: string[] = [];
  const columns = plans.map((p) => writer.object(p, 'r', joins)).join(', ');
  const keys = `unnest(ARRAY[${ids.map((id) => `'${id}'`).join(', ')}]::uuid[]) WITH ORDINALITY AS k(id, n)`;
  const sql = `SELECT json_agg(json_build_array(${columns}) ORDER BY k.n)::text AS answer FROM ${[keys, `JOIN ${ident(model)} r ON r."id" = k.id`, ...joins].join(' ')}`;
  const [row] = await rowsOf<{ answer: string | null }>(ctx, sql, writer.params);
  return row?.answer ? (JSON.parse(row.answer) as unknown[][]) : [];
}
