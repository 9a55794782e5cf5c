import { isIssuedCursor } from '@zonegraph/graph';
import { getNullableType, isInputObjectType, isListType, type GraphQLField, type GraphQLInputType } from 'graphql';

export interface ArgumentProblem {
  /** Where in the document, e.g. `projects.filter.search`. */
  argument: string;
  message: string;
}

// In unicode mode a surrogate pair reads as one astral code point, so only an unpaired half matches.
const LONE_SURROGATE = /\p{Cs}/u;
const CURSOR_ARGUMENTS = new Set(['after', 'before']);

/**
 * The checks every argument value gets before anything runs, whatever field
 * or input object it belongs to, so that the caller's text reaches the
 * database only in forms the database accepts: no string holding NUL
 * (PostgreSQL text cannot) or half a surrogate pair (not Unicode), and no cursor but one this API issues. Reports
 * the first problem found.
 */
export function argumentChecks() {
  let problem: ArgumentProblem | null = null;
  return {
    visit(field: GraphQLField<unknown, unknown>, _parent: unknown, args: Record<string, unknown>, path: string) {
      if (problem) return;
      for (const def of field.args) {
        problem = problemIn(def.type, args[def.name], `${path}.${def.name}`, CURSOR_ARGUMENTS.has(def.name));
        if (problem) return;
      }
    },
    get problem() {
      return problem;
    },
  };
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
