import { Role } from '@zonegraph/db';
import { atLeast, type Caller } from '@zonegraph/graph';
import { getNamedType, type GraphQLField, type GraphQLNamedType } from 'graphql';

type Scopes = Record<string, unknown>;

/** The scopes the schema's `authScopes` name, as the builder grants them (packages/graph/src/builder.ts). */
const grants = (caller: Caller): Record<string, boolean> => ({
  authenticated: caller.role !== null,
  analyst: atLeast(caller, Role.ANALYST),
  editor: atLeast(caller, Role.EDITOR),
  admin: atLeast(caller, Role.ADMIN),
});

const scopesOf = (thing: { extensions?: unknown }): Scopes | null => {
  const scopes = (thing.extensions as { pothosOptions?: { authScopes?: unknown } } | undefined)?.pothosOptions?.authScopes;
  return scopes && typeof scopes === 'object' ? (scopes as Scopes) : null;
};

/**
 * Collects the fields of a query that the caller's role may not read, from
 * the same `authScopes` the resolvers enforce, so that a partner asking for
 * administrators' fields is refused whole before anything runs instead of
 * receiving nulls. Scopes given as functions are left to the resolvers.
 */
export function restrictedFields(caller: Caller) {
  const granted = grants(caller);
  const denied = new Map<string, string[]>();
  const check = (coordinate: string, scopes: Scopes | null) => {
    if (!scopes) return;
    const named = Object.entries(scopes).filter(([, v]) => v === true).map(([k]) => k);
    if (named.length === 0 || named.length !== Object.keys(scopes).length) return;
    if (!named.some((scope) => granted[scope])) denied.set(coordinate, named);
  };
  return {
    visit(field: GraphQLField<unknown, unknown>, parent: GraphQLNamedType) {
      check(`${parent.name}.${field.name}`, scopesOf(field));
      // A restricted type reached through a restricted field is reported once, at the field.
      if (/(Connection|Edge)$/.test(parent.name)) return;
      check(`${parent.name}.${field.name}`, scopesOf(getNamedType(field.type)));
    },
    denied,
  };
}
