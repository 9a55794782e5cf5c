import { Role, Visibility } from '@zonegraph/db';

/** Who is asking: an API key's holder and role, or nobody in particular. */
export interface Caller {
  role: Role | null;
  holder: string;
  apiKeyId: string | null;
  /** When the caller's key stops working; null for a key without expiry and for anonymous callers. */
  keyExpiresAt: Date | null;
}

export const anonymous: Caller = { role: null, holder: 'anonymous', apiKeyId: null, keyExpiresAt: null };

const rank: Record<Role, number> = { PARTNER: 1, ANALYST: 2, EDITOR: 3, ADMIN: 4 };

/** Whether the caller's role is `role` or one above it. */
export const atLeast = (caller: Caller, role: Role): boolean => caller.role !== null && rank[caller.role] >= rank[role];

/**
 * What a caller may see: anonymous callers and partners see public records,
 * analysts internal ones too, editors and administrators everything.
 */
export function visibleTo(caller: Caller): Visibility[] {
  if (atLeast(caller, Role.EDITOR)) return [Visibility.PUBLIC, Visibility.INTERNAL, Visibility.RESTRICTED];
  if (atLeast(caller, Role.ANALYST)) return [Visibility.PUBLIC, Visibility.INTERNAL];
  return [Visibility.PUBLIC];
}

const keyNeededFor: Record<string, { rank: number; phrase: string }> = {
  authenticated: { rank: 0, phrase: 'an API key' },
  analyst: { rank: rank.ANALYST, phrase: "an analyst's, editor's or admin's key" },
  editor: { rank: rank.EDITOR, phrase: "an editor's or admin's key" },
  admin: { rank: rank.ADMIN, phrase: "an admin's key" },
};

/**
 * What a caller refused by these scopes lacks, in words: "needs an editor's or
 * admin's key" (the least role that would do), or, without any key, that a key
 * is needed at all.
 */
export function refusalFor(caller: Caller, scopes: readonly string[]): string {
  const least = scopes
    .map((scope) => keyNeededFor[scope])
    .filter((need) => need !== undefined)
    .sort((a, b) => a.rank - b.rank)[0];
  const needs = least ? `needs ${least.phrase}` : 'needs another role';
  if (caller.role === null) return `This ${needs} (send it as Authorization: Bearer <key>); without one you may only read public records.`;
  return `This ${needs}; yours is ${caller.role.toLowerCase()}.`;
}
