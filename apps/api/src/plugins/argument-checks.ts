import { isConnectionField, isIssuedCursor, unbindCursor } from '@zonegraph/graph';
import {
  getNullableType,
  isInputObjectType,
  isListType,
  Kind,
  visit as visitDocument,
  type ArgumentNode,
  type DocumentNode,
  type FieldNode,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
} from 'graphql';

export interface ArgumentProblem {
  /** Where in the document, e.g. `projects.filter.search`. */
  argument: string;
  message: string;
}

// In unicode mode a surrogate pair reads as one astral code point, so only an unpaired half matches.
const LONE_SURROGATE = /\p{Cs}/u;
const CURSOR_ARGUMENTS = new Set(['after', 'before']);

/** Where the cursors of an operation are written, and the inner cursor each stands for (see packages/graph cursors.ts). */
export interface CursorRewrites {
  literals: Map<ArgumentNode, string>;
  variables: Map<string, string>;
}

/**
 * The checks every argument value gets before anything runs, whatever field
 * or input object it belongs to, so that the caller's text reaches the
 * database only in forms the database accepts: no string holding NUL
 * (PostgreSQL text cannot) or half a surrogate pair (not Unicode), and no cursor but one this API issued
 * for the very list (field and non-paging arguments) it is passed to. Reports
 * the first problem found; `cursors` says what to hand the resolvers instead of each bound cursor.
 */
export function argumentChecks() {
  let problem: ArgumentProblem | null = null;
  const cursors: CursorRewrites = { literals: new Map(), variables: new Map() };
  return {
    visit(field: GraphQLField<unknown, unknown>, parent: GraphQLNamedType, args: Record<string, unknown>, path: string, node?: FieldNode) {
      if (problem) return;
      for (const def of field.args) {
        problem = problemIn(def.type, args[def.name], `${path}.${def.name}`, CURSOR_ARGUMENTS.has(def.name));
        if (problem) return;
      }
      if (!isConnectionField(field)) return;
      for (const name of CURSOR_ARGUMENTS) {
        const value = args[name];
        if (typeof value !== 'string') continue;
        const inner = unbindCursor(`${parent.name}.${field.name}`, args, value);
        if (inner === null) {
          problem = {
            argument: `${path}.${name}`,
            message: `${path}.${name} is a cursor of another list, or of this list with other arguments: a cursor pages only the list (field, filter and order) that issued it. Start again without \`${name}\`, or keep the arguments the cursor was taken with.`,
          };
          return;
        }
        const written = node?.arguments?.find((a) => a.name.value === name);
        if (written?.value.kind === Kind.VARIABLE) cursors.variables.set(written.value.name.value, inner);
        else if (written) cursors.literals.set(written, inner);
      }
    },
    get problem() {
      return problem;
    },
    cursors,
  };
}

/** The document and variables with each bound cursor replaced by the inner cursor the resolvers read. */
export function unboundCursors(document: DocumentNode, variables: Record<string, unknown> | undefined, { literals, variables: named }: CursorRewrites) {
  if (literals.size === 0 && named.size === 0) return null;
  const rewritten =
    literals.size === 0
      ? document
      : visitDocument(document, {
          Argument(node) {
            const inner = literals.get(node);
            return inner === undefined ? undefined : { ...node, value: { kind: Kind.STRING, value: inner } };
          },
        });
  return { document: rewritten, variableValues: { ...variables, ...Object.fromEntries(named) } };
}

function problemIn(type: GraphQLInputType, value: unknown, at: string, isCursor: boolean): ArgumentProblem | null {
  if (value == null) return null;
  const nullable = getNullableType(type);
  if (isListType(nullable) && Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = problemIn(nullable.ofType, item, `${at}.${i}`, false);
      if (found) return found;
    }
    return null;
  }
  if (isInputObjectType(nullable) && typeof value === 'object') {
    for (const field of Object.values(nullable.getFields())) {
      const found = problemIn(field.type, (value as Record<string, unknown>)[field.name], `${at}.${field.name}`, false);
      if (found) return found;
    }
    return null;
  }
  if (typeof value !== 'string') return null;
  if (value.includes('\u0000')) return { argument: at, message: `${at} contains a NUL character (\\u0000), which no text in this API may hold.` };
  if (LONE_SURROGATE.test(value)) {
    return { argument: at, message: `${at} contains a lone UTF-16 surrogate (an escape like \\udfff with no partner), which is not Unicode text.` };
  }
  if (isCursor && !isIssuedCursor(value)) {
    return { argument: at, message: `${at} is not a cursor this API issued: pass an edge's \`cursor\` or a page's \`endCursor\`/\`startCursor\` from the same list.` };
  }
  return null;
}
