import SchemaBuilder from '@pothos/core';
import ErrorsPlugin from '@pothos/plugin-errors';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { Role } from '@zonegraph/db';
import { atLeast, refusalFor } from './auth.ts';
import type { AuthFailure } from '@pothos/plugin-scope-auth';
import type { Prisma } from '@zonegraph/db';
import type PrismaTypes from '@zonegraph/db/pothos';
import { getDatamodel } from '@zonegraph/db/pothos';
import type { Context } from './context.ts';
import { ForbiddenError, UserInputError } from './errors.ts';

/** The most items one page of any connection may hold. */
export const MAX_PAGE_SIZE = 100;
/** The page size when neither `first` nor `last` is given. */
export const DEFAULT_PAGE_SIZE = 20;

const datamodel = getDatamodel();
const nodeTypeNames = new Set(Object.keys(datamodel.datamodel.models));
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * IDs are Relay's usual base64 of `Type:uuid`. Checking both parts here turns
 * a mistyped or foreign ID into a clear error before any query runs.
 */
export function decodeGlobalID(globalID: string) {
  const decoded = Buffer.from(globalID, 'base64').toString('utf8');
  const separator = decoded.indexOf(':');
  const typename = decoded.slice(0, separator);
  const id = decoded.slice(separator + 1);
  if (separator < 0 || !nodeTypeNames.has(typename) || !uuidPattern.test(id)) {
    throw new UserInputError(`"${globalID}" is not an ID this API issued.`);
  }
  return { typename, id };
}

/** The scopes a refused caller would have needed, any of which would have done. */
function scopesIn(failure: AuthFailure): string[] {
  if ('failures' in failure) return failure.failures.flatMap(scopesIn);
  return 'scope' in failure ? [failure.scope] : [];
}

export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  AuthScopes: {
    /** Holds any valid API key. */
    authenticated: boolean;
    analyst: boolean;
    editor: boolean;
    admin: boolean;
  };
  Scalars: {
    Date: { Input: Date; Output: Date };
    DateTime: { Input: Date; Output: Date };
    Decimal: { Input: string; Output: Prisma.Decimal | string };
    JSON: { Input: unknown; Output: unknown };
  };
  // Fields are non-null unless declared nullable, so clients need not guard
  // against nulls the data can never hold.
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
  DefaultInputFieldRequiredness: false;
}>({
  defaultFieldNullability: false,
  // The first plugin wraps the others. Errors outside scope-auth lets a
  // mutation's payload carry its ForbiddenError as data; it runs nothing
  // before the auth check, and fields without `errors` are unaffected.
  plugins: [ErrorsPlugin, ScopeAuthPlugin, PrismaPlugin, RelayPlugin],
  scopeAuth: {
    authScopes: ({ caller }) => ({
      authenticated: caller.role !== null,
      analyst: atLeast(caller, Role.ANALYST),
      editor: atLeast(caller, Role.EDITOR),
      admin: atLeast(caller, Role.ADMIN),
    }),
    unauthorizedError: (_parent, context, _info, { failure }) => new ForbiddenError(refusalFor(context.caller, scopesIn(failure))),
    // Check a subscription's scopes once, when it starts, so that a caller
    // without them is refused outright instead of receiving an error per event.
    authorizeOnSubscribe: true,
  },
  errors: {
    defaultTypes: [],
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    decodeGlobalID,
    // `nodes` beside `edges`: most readers want the records, not the cursors.
    nodesOnConnection: { description: 'The items of this page.' },
    firstArgOptions: { description: `Returns the first n items (at most ${MAX_PAGE_SIZE}).` },
    lastArgOptions: { description: `Returns the last n items (at most ${MAX_PAGE_SIZE}).` },
    afterArgOptions: { description: 'Returns the items after this cursor (an `endCursor` or edge `cursor`).' },
    beforeArgOptions: { description: 'Returns the items before this cursor (a `startCursor` or edge `cursor`).' },
    nodeTypeOptions: { description: 'An object with a globally unique, opaque ID, fetchable with `node(id:)`.' },
    pageInfoTypeOptions: { description: 'Where a page sits in its connection, and the cursors to move on from it.' },
    idFieldOptions: { description: 'Globally unique, opaque ID; fetch the object again with `node(id:)`.' },
    defaultConnectionTypeOptions: { description: 'One page of a list, with the total count and the cursors to move on.' },
    defaultEdgeTypeOptions: { description: 'An item of a page and its cursor.' },
    edgesFieldOptions: { description: 'The items of this page with their cursors.' },
    pageInfoFieldOptions: { description: 'Whether there are more pages, and the cursors to reach them.' },
    cursorFieldOptions: { description: 'Pass as `after` (or `before`) to continue from this item.' },
    nodeFieldOptions: { description: 'The item.' },
    hasNextPageFieldOptions: { description: 'True when items follow this page.' },
    hasPreviousPageFieldOptions: { description: 'True when items precede this page.' },
    startCursorFieldOptions: { description: 'Cursor of the first item of the page; null for an empty page.' },
    endCursorFieldOptions: { description: 'Cursor of the last item of the page; null for an empty page.' },
    nodeQueryOptions: { description: 'Fetches any object by its global ID; null when there is none.' },
    nodesQueryOptions: { description: 'Fetches objects by their global IDs, in order; null for each ID with no object.' },
  },
  prisma: {
    client: (ctx) => ctx.prisma,
    dmmf: datamodel,
    exposeDescriptions: false,
    filterConnectionTotalCount: true,
    onUnusedQuery: process.env.NODE_ENV === 'production' ? null : 'warn',
    defaultConnectionSize: DEFAULT_PAGE_SIZE,
    // Checked, not clamped: a client asking for 500 should learn that a page
    // holds 100. Each connection takes this as its default `maxSize`, which
    // may be a function of the arguments; only the builder-wide option's type
    // says number.
    maxConnectionSize: ((args: { first?: number | null; last?: number | null }) => {
      const asked = args.first ?? args.last;
      if (asked != null && asked > MAX_PAGE_SIZE) {
        throw new UserInputError(
          `A page holds at most ${MAX_PAGE_SIZE} items; ${args.first != null ? 'first' : 'last'}: ${asked} asks for ${asked - MAX_PAGE_SIZE} too many. Page with the cursors instead.`,
          'PAGE_SIZE_TOO_LARGE',
          { max: MAX_PAGE_SIZE, requested: asked },
        );
      }
      return MAX_PAGE_SIZE;
    }) as unknown as number,
  },
});

export type BuilderTypes = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

builder.mutationType({ description: 'Changes to the programme. Each needs an editor\'s or administrator\'s API key, is validated before anything is written, and is recorded in the audit trail.' });

builder.queryType({ description: 'Everything that can be read: the programme, its campaigns, platforms, industry, organisations, projects and oversight.' });
