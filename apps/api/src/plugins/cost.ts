import { useOnResolve } from '@envelop/on-resolve';
import {
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  getNullableType,
  isCompositeType,
  isInputObjectType,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  type FieldNode,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/**
 * The cost model, shared by the limit, the rate-limit budget and the
 * `extensions.cost` report: every object the response may hold costs 1
 * (scalars are free), so a list multiplies what it holds by its length —
 * a connection by its page size (`first`/`last`, default 20), `nodes(ids:)`
 * by the number of ids, other lists by an assumed length. Each mutation field
 * costs a further `MUTATION_COST` for its write. Like GitHub's node limit, the
 * requested cost is an upper bound known before anything runs; the actual
 * cost counts the objects really resolved.
 */
export interface CostModel {
  defaultPageSize: number;
  /** What a list that is not a connection is assumed to hold. */
  assumedListLength: number;
  mutationCost: number;
}

export const defaultCostModel: CostModel = { defaultPageSize: 20, assumedListLength: 20, mutationCost: 10 };

export interface ListTooLong {
  /** Where in the document, e.g. `projects.filter.stage`. */
  path: string;
  length: number;
}

export interface PageTooLarge {
  path: string;
  argument: 'first' | 'last';
  size: number;
}

/** The arguments of the fields above, by field name (e.g. a report's `from` and `to` for its periods). */
export type Ancestors = ReadonlyMap<string, Record<string, unknown>>;

/**
 * What a field declares about its cost (packages/graph, `extensions.cost`):
 * `list`, the most items a list that is not a connection can hold for these
 * arguments; `database`, the rows its statements produce or scan beyond the
 * objects returned. Both are upper bounds computed from the arguments alone.
 */
export interface CostHints {
  list?: (args: Record<string, unknown>, ancestors: Ancestors) => number;
  database?: (args: Record<string, unknown>, ancestors: Ancestors) => number;
}

/** Called for every field the operation selects (fragments included, @skip/@include honoured). */
export type FieldVisitor = (field: GraphQLField<unknown, unknown>, parent: GraphQLNamedType, args: Record<string, unknown>, path: string, node: FieldNode) => void;

export interface RequestedCost {
  cost: number;
  /** The largest page asked of any connection. */
  largestPage: PageTooLarge | null;
  /** The longest list argument (variables included), for the list-length limit. */
  longestList: ListTooLong | null;
  /**
   * The part of `cost` known exactly before execution, which the resolved
   * objects do not show: introspection, and the rows report statements read.
   * The actual cost includes it.
   */
  fixed: number;
}

interface Walk {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  model: CostModel;
  longestList: ListTooLong | null;
  largestPage: PageTooLarge | null;
  fixed: number;
  visit?: FieldVisitor;
}

/**
 * The requested cost of one operation, given its coerced variables. Throws
 * what graphql-js throws for bad argument values; the caller lets execution
 * report those in its usual words.
 */
export function requestedCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  model: CostModel = defaultCostModel,
  visit?: FieldVisitor,
): RequestedCost {
  const root = schema.getRootType(operation.operation);
  if (!root) return { cost: 0, longestList: null, largestPage: null, fixed: 0 };
  const walk: Walk = { schema, fragments, variables, model, longestList: null, largestPage: null, fixed: 0, visit };
  const perField = operation.operation === 'mutation' ? model.mutationCost : 0;
  const cost = selectionCost(walk, operation.selectionSet, root, 1, null, new Set(), new Map(), perField);
  return { cost, longestList: walk.longestList, largestPage: walk.largestPage, fixed: walk.fixed };
}

function included(walk: Walk, node: { directives?: readonly unknown[] }): boolean {
  const n = node as FieldNode;
  if (!n.directives?.length) return true;
  if (getDirectiveValues(GraphQLSkipDirective, n, walk.variables)?.['if'] === true) return false;
  if (getDirectiveValues(GraphQLIncludeDirective, n, walk.variables)?.['if'] === false) return false;
  return true;
}

function selectionCost(
  walk: Walk,
  selectionSet: SelectionSetNode,
  parent: GraphQLNamedType,
  multiplier: number,
  pageSize: number | null,
  fragmentsOnPath: Set<string>,
  ancestors: Ancestors,
  perRootField = 0,
): number {
  let total = 0;
  for (const selection of selectionSet.selections) {
    if (!included(walk, selection)) continue;
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = selection.typeCondition ? (walk.schema.getType(selection.typeCondition.name.value) ?? parent) : parent;
      total += selectionCost(walk, selection.selectionSet, type, multiplier, pageSize, fragmentsOnPath, ancestors, perRootField);
      continue;
    }
    if (selection.kind === Kind.FRAGMENT_SPREAD) {
      const name = selection.name.value;
      const fragment = walk.fragments[name];
      // Validation refuses cycles; this guard only keeps the walk finite regardless.
      if (!fragment || fragmentsOnPath.has(name)) continue;
      const type = walk.schema.getType(fragment.typeCondition.name.value) ?? parent;
      total += selectionCost(walk, fragment.selectionSet, type, multiplier, pageSize, new Set([...fragmentsOnPath, name]), ancestors, perRootField);
      continue;
    }
    if (selection.name.value === '__typename') continue;
    const meta = metaField(selection.name.value);
    if (meta) {
      // Introspection is counted exactly: the schema it reads is known before anything runs.
      const args = getArgumentValues(meta, selection, walk.variables);
      const value = (meta.resolve as MetaResolve)({}, args, {}, { schema: walk.schema } as GraphQLResolveInfo);
      const objects = multiplier * (value == null ? 0 : 1 + (selection.selectionSet ? introspectionCost(walk, selection.selectionSet, value, getNamedType(meta.type) as GraphQLObjectType) : 0));
      walk.fixed += objects;
      total += objects;
      continue;
    }
    const field = fieldOf(parent, selection.name.value);
    if (!field) continue;
    const args = getArgumentValues(field, selection, walk.variables);
    walk.visit?.(field, parent, args, selection.name.value, selection);
    noteLists(walk, selection.name.value, field.args, args);
    notePage(walk, selection.name.value, args);
    total += perRootField * multiplier;
    const type = getNamedType(field.type);
    if (!isCompositeType(type)) continue;
    const hints = costHintsOf(field);
    if (hints?.database) {
      const rows = multiplier * hints.database(args, ancestors);
      walk.fixed += rows;
      total += rows;
    }
    const length = isListType(getNullableType(field.type)) ? listLength(walk, parent, field, args, pageSize, ancestors) : 1;
    const objects = multiplier * length;
    // A connection's page size governs the `edges` and `nodes` lists inside it.
    const innerPage = isConnection(type) ? pageSizeOf(walk, args) : null;
    const inner = new Map(ancestors).set(field.name, args);
    total += objects + (selection.selectionSet ? selectionCost(walk, selection.selectionSet, type, objects, innerPage, fragmentsOnPath, inner) : 0);
  }
  return total;
}

function notePage(walk: Walk, path: string, args: Record<string, unknown>) {
  for (const argument of ['first', 'last'] as const) {
    const size = args[argument];
    if (typeof size === 'number' && (!walk.largestPage || size > walk.largestPage.size)) walk.largestPage = { path, argument, size };
  }
}

function fieldOf(parent: GraphQLNamedType, name: string): GraphQLField<unknown, unknown> | undefined {
  return isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
}

const isConnection = (type: GraphQLNamedType) => type.name.endsWith('Connection') && isObjectType(type) && 'pageInfo' in type.getFields();

function pageSizeOf(walk: Walk, args: Record<string, unknown>): number {
  const asked = (args['first'] ?? args['last']) as number | null | undefined;
  return typeof asked === 'number' && asked >= 0 ? asked : walk.model.defaultPageSize;
}

function listLength(
  walk: Walk,
  parent: GraphQLNamedType,
  field: GraphQLField<unknown, unknown>,
  args: Record<string, unknown>,
  pageSize: number | null,
  ancestors: Ancestors,
): number {
  if (pageSize !== null && isConnection(parent) && (field.name === 'edges' || field.name === 'nodes')) return pageSize;
  const ids = args['ids'];
  if (Array.isArray(ids)) return ids.length;
  const bound = costHintsOf(field)?.list;
  return bound ? bound(args, ancestors) : walk.model.assumedListLength;
}

const metaField = (name: string) => (name === '__schema' ? SchemaMetaFieldDef : name === '__type' ? TypeMetaFieldDef : null);
type MetaResolve = (source: unknown, args: Record<string, unknown>, context: unknown, info: GraphQLResolveInfo) => unknown;

/**
 * The objects an introspection selection returns, counted by running
 * graphql-js's own introspection resolvers over the schema (no database, no
 * request data): exact, so GraphiQL's full introspection costs what it returns.
 */
function introspectionCost(walk: Walk, selectionSet: SelectionSetNode, value: unknown, type: GraphQLObjectType, fragmentsOnPath = new Set<string>()): number {
  let total = 0;
  for (const selection of selectionSet.selections) {
    if (!included(walk, selection)) continue;
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      total += introspectionCost(walk, selection.selectionSet, value, type, fragmentsOnPath);
      continue;
    }
    if (selection.kind === Kind.FRAGMENT_SPREAD) {
      const fragment = walk.fragments[selection.name.value];
      if (fragment && !fragmentsOnPath.has(selection.name.value)) {
        total += introspectionCost(walk, fragment.selectionSet, value, type, new Set([...fragmentsOnPath, selection.name.value]));
      }
      continue;
    }
    const field = type.getFields()[selection.name.value];
    const named = field && getNamedType(field.type);
    if (!field || !isObjectType(named) || !selection.selectionSet) continue;
    const args = getArgumentValues(field, selection, walk.variables);
    const result = field.resolve ? (field.resolve as MetaResolve)(value, args, {}, { schema: walk.schema } as GraphQLResolveInfo) : (value as Record<string, unknown>)[field.name];
    const items = Array.isArray(result) ? result : result == null ? [] : [result];
    total += items.length;
    for (const item of items) total += introspectionCost(walk, selection.selectionSet, item, named);
  }
  return total;
}

/** The report fields' own numbers, declared beside them in packages/graph (`extensions.cost`). */
function costHintsOf(field: GraphQLField<unknown, unknown>): CostHints | undefined {
  return (field.extensions as { cost?: CostHints } | undefined)?.cost;
}

/** Records the longest list among a field's arguments, looking inside input objects. */
function noteLists(walk: Walk, path: string, defs: readonly { name: string; type: GraphQLInputType }[], values: Record<string, unknown>) {
  for (const def of defs) {
    const value = values[def.name];
    if (value == null) continue;
    const at = `${path}.${def.name}`;
    const type = getNullableType(def.type);
    if (isListType(type) && Array.isArray(value)) {
      if (!walk.longestList || value.length > walk.longestList.length) walk.longestList = { path: at, length: value.length };
      const item = getNamedType(type);
      if (isInputObjectType(item)) for (const v of value) noteLists(walk, at, Object.values(item.getFields()), v as Record<string, unknown>);
    } else if (isInputObjectType(type) && typeof value === 'object') {
      noteLists(walk, at, Object.values(type.getFields()), value as Record<string, unknown>);
    }
  }
}

const resolvedObjects = new WeakMap<object, { count: number }>();

/** Starts counting the objects resolved for this request's context. */
export function countResolvedObjects(context: object): { count: number } {
  const counter = { count: 0 };
  resolvedObjects.set(context, counter);
  return counter;
}

/**
 * Counts, per request, every object a field resolves to (each item of a list
 * of objects): the actual cost in the same units as the requested one. One
 * plugin instance for the process, because it wraps the resolvers of the one
 * shared schema in place and must do so only once.
 */
export const useActualCost = useOnResolve(({ context, info }) => {
  const counter = resolvedObjects.get(context as object);
  if (!counter || !isCompositeType(getNamedType(info.returnType))) return;
  return ({ result }) => {
    if (result == null || result instanceof Error) return;
    counter.count += Array.isArray(result) ? result.filter((item) => item != null).length : 1;
  };
});

/**
 * Adds objects that reach the answer without any resolver running — an
 * answer replayed by the response cache — so that they cost what they would
 * have cost computed.
 */
export function addResolvedObjects(context: object, count: number): void {
  const counter = resolvedObjects.get(context);
  if (counter) counter.count += count;
}
