/**
 * A case-insensitive substring match on Chinese and English names (or titles),
 * and an exact match on the code, for the `search` argument of every list.
 */
export function nameSearch(search: string | null | undefined, fields: { zh: string; en: string } = { zh: 'nameZh', en: 'nameEn' }) {
  const term = search?.trim();
  if (!term) return undefined;
  return [
    { [fields.zh]: { contains: term } },
    { [fields.en]: { contains: term, mode: 'insensitive' as const } },
    { code: { equals: term, mode: 'insensitive' as const } },
  ];
}

/** Records that are current: archived ones leave every default list. */
export const current = { archivedAt: null } as const;
