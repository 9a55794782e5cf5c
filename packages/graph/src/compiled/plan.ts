import { getDatamodel } from '@zonegraph/db/pothos';
import {
  getArgumentValues,
  getNamedType,
  isEnumType,
  isInterfaceType,
  isObjectType,
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';

/**
 * What a compiled read answers for one object: its fields in the order the
 * document asks for them, each read from a column, a related record or a page
 * of related records. Built only from what the schema already declares
 * (plugin-prisma's exposed columns, relations and connection queries), so the
 * compiled answer and the resolvers' answer come from one definition.
 */
export interface ObjectPlan {
  typeName: string;
  model: string;
  fields: FieldPlan[];
}

export type Scalar = 'plain' | 'decimal' | 'date' | 'datetime';

export type FieldPlan =
  | { key: string; kind: 'typename'; typeName: string }
  | { key: string; kind: 'column'; column: string; scalar: Scalar }
  | { key: string; kind: 'globalId' }
  | { key: string; kind: 'toOne'; relation: Relation; object: ObjectPlan }
  | { key: string; kind: 'connection'; relation: Relation; query: ConnectionQuery; parts: ConnectionPart[] };

export type ConnectionPart =
  | { key: string; kind: 'typename'; typeName: string }
  | { key: string; kind: 'nodes'; object: ObjectPlan }
  | { key: string; kind: 'edges'; fields: EdgePart[] }
  | { key: string; kind: 'totalCount' }
  | { key: string; kind: 'pageInfo'; fields: PageInfoPart[] };

export type EdgePart = { key: string; kind: 'typename'; typeName: string } | { key: string; kind: 'node'; object: ObjectPlan };
export type PageInfoPart = { key: string; kind: 'typename'; typeName: string } | { key: string; kind: 'hasNextPage' | 'hasPreviousPage' };

/** Where a related record or page lives, in table terms. */
export type Relation =
  | { kind: 'foreignKeyHere'; target: string; column: string }
  | { kind: 'foreignKeyThere'; target: string; column: string }
  | { kind: 'joinTable'; target: string; table: string; parentColumn: string; targetColumn: string };

export interface ConnectionQuery {
  where: Record<string, unknown> | undefined;
  orderBy: Record<string, unknown>[];
  take: number;
}

/** Thrown while planning: the document needs the resolvers. */
export class NotCompiled extends Error {}
const refuse = (why: string): never => {
  throw new NotCompiled(why);
};

interface ModelField {
  name: string;
  kind: string;
  type: string;
  isList: boolean;
  relationName?: string;
  relationFromFields?: string[];
}
const models = getDatamodel().datamodel.models as unknown as Record<string, { fields: ModelField[] }>;

/** Scalars whose JSON form PostgreSQL can write exactly as the schema's serializers do. */
const scalarKinds: Record<string, Scalar> = {
  String: 'plain',
  Boolean: 'plain',
  Int: 'plain',
  ID: 'plain',
  Decimal: 'decimal',
  Date: 'date',
  DateTime: 'datetime',
};

interface Extensions {
  pothosExposedField?: string;
  pothosPrismaRelationField?: ModelField;
  pothosPrismaSelect?: (...args: unknown[]) => unknown;
  pothosOptions?: { authScopes?: unknown; extensions?: { column?: string } };
  column?: string;
  pothosPrismaModel?: string;
}
const ext = (thing: { extensions?: unknown }) => (thing.extensions ?? {}) as Extensions;

export interface PlanInput {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  context: unknown;
}

/** The model a GraphQL object type reads, when it is a plugin-prisma type. */
export function modelOf(type: GraphQLNamedType): string | undefined {
  return ext(type).pothosPrismaModel;
}

/** The fields a selection asks of an object of `type`, by response key, through fragments. */
export function collectFields(input: PlanInput, type: GraphQLObjectType, selectionSet: SelectionSetNode, into = new Map<string, FieldNode>()) {
  for (const selection of selectionSet.selections) {
    if (selection.directives?.length) refuse('directives');
    if (selection.kind === Kind.FIELD) {
      const key = selection.alias?.value ?? selection.name.value;
      const seen = into.get(key);
      if (seen) {
        // The same leaf asked twice (e.g. `id` in and outside a fragment) merges; anything more needs graphql-js.
        if (seen.name.value !== selection.name.value || seen.selectionSet || selection.selectionSet || seen.arguments?.length || selection.arguments?.length) {
          refuse('merged fields');
        }
        continue;
      }
      into.set(key, selection);
    } else {
      const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : input.fragments[selection.name.value];
      if (!fragment) refuse('unknown fragment');
      const condition = fragment!.typeCondition?.name.value;
      if (condition && condition !== type.name) {
        const abstract = input.schema.getType(condition);
        if (!abstract || !isInterfaceType(abstract) || !input.schema.isSubType(abstract, type)) continue;
      }
      collectFields(input, type, fragment!.selectionSet, into);
    }
  }
  return into;
}

const hasScopes = (thing: { extensions?: unknown }) => ext(thing).pothosOptions?.authScopes !== undefined;

/** Plans the answer for an object of `type` (a plugin-prisma type) under `selectionSet`. */
export function planObject(input: PlanInput, type: GraphQLObjectType, selectionSet: SelectionSetNode): ObjectPlan {
  const model = modelOf(type) ?? refuse(`${type.name} is not a model`);
  if (hasScopes(type)) refuse('scoped type');
  const fields: FieldPlan[] = [];
  for (const [key, node] of collectFields(input, type, selectionSet)) {
    const name = node.name.value;
    if (name === '__typename') {
      fields.push({ key, kind: 'typename', typeName: type.name });
      continue;
    }
    const field = type.getFields()[name] ?? refuse(`unknown field ${name}`);
    if (hasScopes(field) || hasScopes(getNamedType(field.type))) refuse('scoped field');
    fields.push(planField(input, type, model, key, field, node));
  }
  if (fields.length > 50) refuse('more than 50 fields in one object');
  return { typeName: type.name, model, fields };
}

function planField(input: PlanInput, type: GraphQLObjectType, model: string, key: string, field: GraphQLField<unknown, unknown>, node: FieldNode): FieldPlan {
  const e = ext(field);
  const named = getNamedType(field.type);
  const column = e.pothosExposedField ?? e.column ?? e.pothosOptions?.extensions?.column;
  if (column) {
    if (node.arguments?.length) refuse('arguments on a column');
    return { key, kind: 'column', column, scalar: scalarOf(named) };
  }
  if (field.name === 'id' && type.getInterfaces().some((i) => i.name === 'Node')) return { key, kind: 'globalId' };

  const relation = e.pothosPrismaRelationField;
  if (!relation || !e.pothosPrismaSelect || !node.selectionSet) return refuse(`${type.name}.${field.name} has its own resolver`);
  const args = getArgumentValues(field, node, input.variables);
  if (!relation.isList) {
    let query: unknown;
    e.pothosPrismaSelect(args, input.context, (q: unknown) => (query = q));
    if (query && Object.keys(query as object).length) refuse('a relation with its own query');
    if (!isObjectType(named)) return refuse('a relation to an abstract type');
    return { key, kind: 'toOne', relation: relationOf(model, relation), object: planObject(input, named, node.selectionSet) };
  }

  // A connection (plugin-prisma's relatedConnection): its own query gives the order, filter and page size.
  if (!isObjectType(named) || !named.name.endsWith('Connection')) return refuse('a list that is not a connection');
  if (args.after != null || args.before != null || args.last != null) refuse('cursor paging');
  const connectionFields = collectFields(input, named, node.selectionSet);
  let query: Record<string, unknown> | undefined;
  e.pothosPrismaSelect(args, input.context, (q: Record<string, unknown>) => (query = q), () => new Set([...connectionFields.values()].map((n) => n.name.value)));
  if (!query || query.cursor !== undefined || query.skip || typeof query.take !== 'number' || query.take < 1) return refuse('an unusual connection query');
  const nodeType = named.getFields().nodes ? getNamedType(named.getFields().nodes!.type) : refuse('no nodes');
  if (!isObjectType(nodeType)) return refuse('abstract nodes');
  const orderBy = Array.isArray(query.orderBy) ? (query.orderBy as Record<string, unknown>[]) : query.orderBy ? [query.orderBy as Record<string, unknown>] : [];
  return {
    key,
    kind: 'connection',
    relation: relationOf(model, relation),
    query: { where: query.where as Record<string, unknown> | undefined, orderBy, take: query.take },
    parts: planConnectionParts(input, named, nodeType, connectionFields),
  };
}

/** The parts of a connection's answer, shared by nested and root connections. */
export function planConnectionParts(input: PlanInput, connection: GraphQLObjectType, nodeType: GraphQLObjectType, fields: Map<string, FieldNode>): ConnectionPart[] {
  const parts: ConnectionPart[] = [];
  for (const [key, node] of fields) {
    const name = node.name.value;
    if (name === '__typename') parts.push({ key, kind: 'typename', typeName: connection.name });
    else if (name === 'nodes') parts.push({ key, kind: 'nodes', object: planObject(input, nodeType, node.selectionSet!) });
    else if (name === 'totalCount') parts.push({ key, kind: 'totalCount' });
    else if (name === 'edges') {
      const edgeType = getNamedType(connection.getFields().edges!.type) as GraphQLObjectType;
      const edgeFields: EdgePart[] = [];
      for (const [edgeKey, edgeNode] of collectFields(input, edgeType, node.selectionSet!)) {
        if (edgeNode.name.value === '__typename') edgeFields.push({ key: edgeKey, kind: 'typename', typeName: edgeType.name });
        else if (edgeNode.name.value === 'node') edgeFields.push({ key: edgeKey, kind: 'node', object: planObject(input, nodeType, edgeNode.selectionSet!) });
        else refuse('edge cursors');
      }
      parts.push({ key, kind: 'edges', fields: edgeFields });
    } else if (name === 'pageInfo') {
      const pageInfoType = getNamedType(connection.getFields().pageInfo!.type) as GraphQLObjectType;
      const pageFields: PageInfoPart[] = [];
      for (const [pageKey, pageNode] of collectFields(input, pageInfoType, node.selectionSet!)) {
        const pageName = pageNode.name.value;
        if (pageName === '__typename') pageFields.push({ key: pageKey, kind: 'typename', typeName: pageInfoType.name });
        else if (pageName === 'hasNextPage' || pageName === 'hasPreviousPage') pageFields.push({ key: pageKey, kind: pageName });
        else refuse('page cursors');
      }
      parts.push({ key, kind: 'pageInfo', fields: pageFields });
    } else refuse(`connection field ${name}`);
  }
  return parts;
}

function scalarOf(type: GraphQLNamedType): Scalar {
  if (isEnumType(type)) {
    // PostgreSQL writes an enum as its label: the GraphQL value must be the same word.
    if (type.getValues().every((v) => v.value === v.name)) return 'plain';
    return refuse('an enum whose values differ from its names');
  }
  return scalarKinds[type.name] ?? refuse(`scalar ${type.name}`);
}

function relationOf(model: string, field: ModelField): Relation {
  const target = field.type;
  if (field.relationFromFields?.length === 1) return { kind: 'foreignKeyHere', target, column: field.relationFromFields[0]! };
  if (field.relationFromFields?.length) return refuse('a composite foreign key');
  const back = models[target]?.fields.find((f) => f.kind === 'object' && f.relationName === field.relationName && f !== field);
  if (!back) return refuse('a relation without its other side');
  if (back.relationFromFields?.length === 1) {
    if (!field.isList) return refuse('a one-to-one relation held by the other side');
    return { kind: 'foreignKeyThere', target, column: back.relationFromFields[0]! };
  }
  if (field.isList && back.isList && model !== target) {
    // Prisma's implicit many-to-many table: column A points at the model first in alphabetical order.
    const modelIsA = model < target;
    return { kind: 'joinTable', target, table: `_${field.relationName}`, parentColumn: modelIsA ? 'A' : 'B', targetColumn: modelIsA ? 'B' : 'A' };
  }
  return refuse('an unusual relation');
}
