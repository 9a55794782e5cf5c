/**
 * A case-insensitive substring match on Chinese and English names (or titles),
 * and an exact match on the code, for the `search` argument of every list.
 * Every character of the search text is literal.
 */
export function nameSearch(search: string | null | undefined, fields: { zh: string; en: string } = { zh: 'nameZh', en: 'nameEn' }) {
  const term = search?.trim();
  if (!term) return undefined;
  // Prisma puts `contains` into a LIKE pattern as given: escaped, `%`, `_` and
  // `\` are the characters typed, not wildcards (and a trailing `\` no error).
  const literal = term.replace(/[\\%_]/g, (c) => `\\${c}`);
  return [
    { [fields.zh]: { contains: literal } },
    { [fields.en]: { contains: literal, mode: 'insensitive' as const } },
    { code: { equals: literal, mode: 'insensitive' as const } },
  ];
}

/** Records that are current: archived ones leave every default list. */
export const current = { archivedAt: null } as const;
