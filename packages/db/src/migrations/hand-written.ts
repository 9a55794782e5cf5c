/**
 * Database objects that Prisma's schema language cannot state — generated
 * columns, indexes with NULLS LAST — declared in migration SQL by hand. The
 * engine's diff between the migrations and schema.prisma would drop them in
 * every new migration; these are the statements about them, taken out.
 */

/** Generated columns (the project's figures as each kind of caller reads them; migration figures_as_seen). */
const generatedColumns = new Set(['plannedInvestmentPublic', 'completedInvestmentPublic', 'plannedInvestmentInternal', 'completedInvestmentInternal']);

/** Indexes on a figure in either direction with NULLS LAST (same migration). */
const handWrittenIndex = /^Project_(planned|completed)Investment(Public|Internal)?_(asc|desc)_idx$/;

/** The diff without its statements about hand-written objects; '' when nothing else is left. */
export function withoutHandWritten(diff: string): string {
  const kept = diff
    .split(/\n{2,}/)
    .map((block) => block.trim())
    .map((block) => {
      const dropIndex = /^(?:--[^\n]*\n)?DROP INDEX "([^"]+)";$/.exec(block);
      if (dropIndex && handWrittenIndex.test(dropIndex[1]!)) return '';
      const alter = /^((?:--[^\n]*\n)?ALTER TABLE "[^"]+") ([\s\S]*);$/.exec(block);
      if (!alter) return block;
      const clauses = alter[2]!.split(/,\n/).filter((clause) => {
        const column = /^ALTER COLUMN "([^"]+)" (?:DROP|SET) DEFAULT\b/.exec(clause.trim());
        return !(column && generatedColumns.has(column[1]!));
      });
      return clauses.length ? `${alter[1]} ${clauses.join(',\n')};` : '';
    })
    .filter((block) => block.replace(/^--.*$/gm, '').trim() !== '');
  return kept.length ? `${kept.join('\n\n')}\n` : '';
}
