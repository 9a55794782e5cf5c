import { defaultFieldResolver, getNamedType, isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { bindCursor } from './cursors.ts';

type Connection = { edges?: unknown; pageInfo?: Record<string, unknown> | null } & Record<string, unknown>;

/** Whether a field is a paged list: a connection with `after`/`before`. */
export function isConnectionField(field: { args: readonly { name: string }[]; type: Parameters<typeof getNamedType>[0] }): boolean {
  const named = getNamedType(field.type);
  return field.args.some((a) => a.name === 'after' || a.name === 'before') && isObjectType(named) && 'pageInfo' in named.getFields();
}

/**
 * Binds every cursor a connection field hands out to that field and its
 * non-paging arguments (see cursors.ts). The resolvers below it keep issuing
 * and reading plugin-prisma's and plugin-relay's own cursors; only what
 * leaves the API is bound, and apps/api unbinds what comes back before
 * anything runs.
 */
export function bindListCursors(schema: GraphQLSchema): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__') || type === schema.getSubscriptionType()) continue;
    for (const field of Object.values(type.getFields())) {
      if (!isConnectionField(field)) continue;
      const coordinate = `${type.name}.${field.name}`;
      const resolve: GraphQLFieldResolver<unknown, unknown> = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context, info) => {
        const result = resolve(source, args, context, info);
        const bind = (connection: unknown) => bound(connection, (cursor) => bindCursor(coordinate, args, cursor));
        return isThenable(result) ? result.then(bind) : bind(result);
      };
    }
  }
}

function bound(connection: unknown, bind: (cursor: string) => string): unknown {
  if (connection === null || typeof connection !== 'object') return connection;
  const c = connection as Connection;
  const cursor = (value: unknown) => (typeof value === 'string' ? bind(value) : value);
  const edges = Array.isArray(c.edges)
    ? c.edges.map((edge: unknown) => (edge !== null && typeof edge === 'object' ? { ...edge, cursor: cursor((edge as { cursor?: unknown }).cursor) } : edge))
    : c.edges;
  const pageInfo = c.pageInfo ? { ...c.pageInfo, startCursor: cursor(c.pageInfo.startCursor), endCursor: cursor(c.pageInfo.endCursor) } : c.pageInfo;
  return { ...c, edges, pageInfo };
}

const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  value !== null && (typeof value === 'object' || typeof value === 'function') && typeof (value as { then?: unknown }).then === 'function';
