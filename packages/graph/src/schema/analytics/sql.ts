import { Prisma, Visibility } from '@zonegraph/db';

// SQL fragments the analytics queries share. Raw SQL bypasses the visibility
// extension of the scoped client, so every query here filters by the caller's
// visibility itself, with these.

const visibilities = new Set<string>(Object.values(Visibility));

/**
 * The caller's visibilities as a `"Visibility"[]` constant, for
 * `visibility = ANY(…)`. Written into the SQL rather than sent as a
 * parameter: a text[] parameter cast to the enum (the only way PGlite's
 * adapter can send it) is converted again for every row, which costs more
 * than the rest of a scan of a hundred thousand projects. The values come from
 * the enum itself, checked here, never from the request.
 */
export const visibleIn = (visible: readonly Visibility[]): Prisma.Sql => {
  for (const v of visible) if (!visibilities.has(v)) throw new Error(`not a visibility: ${v}`);
  return Prisma.raw(`'{${visible.join(',')}}'::"Visibility"[]`);
};

/**
 * The projects of a programme the caller may count: current (not archived),
 * visible, in the programme. Stage changes and investment records follow their
 * project, so they are counted through this too.
 */
export const countedProject = (alias: string, programmeId: string, visible: readonly Visibility[]): Prisma.Sql => {
  const p = Prisma.raw(alias);
  return Prisma.sql`${p}."programmeId" = ${programmeId}::uuid AND ${p}."archivedAt" IS NULL AND ${p}.visibility = ANY(${visibleIn(visible)})`;
};

/** Whether the caller may see a project's investment figures (`investmentVisibility`). */
export const figuresVisible = (alias: string, visible: readonly Visibility[]): Prisma.Sql =>
  Prisma.sql`${Prisma.raw(alias)}."investmentVisibility" = ANY(${visibleIn(visible)})`;

/**
 * How far along the path from talks to operation a stage is. ENROLLING is the
 * university counterpart of OPERATING, so they rank alike; SUSPENDED and
 * CANCELLED are off the path (null).
 */
const stageRank = (column: Prisma.Sql): Prisma.Sql => Prisma.sql`(CASE ${column}
  WHEN 'NEGOTIATING' THEN 0 WHEN 'SIGNED' THEN 1 WHEN 'UNDER_CONSTRUCTION' THEN 2
  WHEN 'OPERATING' THEN 3 WHEN 'ENROLLING' THEN 3 END)`;

/**
 * Whether a project's current stage has reached its target stage: the same
 * stage, or one further along the path (a project due to start construction
 * that already operates has reached it). Suspended and cancelled projects
 * have reached nothing but a target of that very stage.
 */
export const reachedTarget = (alias: string): Prisma.Sql => {
  const stage = Prisma.raw(`${alias}.stage`);
  const target = Prisma.raw(`${alias}."targetStage"`);
  return Prisma.sql`(${stage} = ${target} OR COALESCE(${stageRank(stage)} >= ${stageRank(target)}, false))`;
};

/** Which cadence activity a stage change counts for, or null. */
export const cadenceActivityOf = (toStage: Prisma.Sql): Prisma.Sql => Prisma.sql`(CASE ${toStage}
  WHEN 'SIGNED' THEN 'SIGNING' WHEN 'UNDER_CONSTRUCTION' THEN 'CONSTRUCTION_START'
  WHEN 'OPERATING' THEN 'COMPLETION' WHEN 'ENROLLING' THEN 'COMPLETION' END)`;

/** A percentage rounded to two places as a float, or null when the whole is zero or missing. */
export const percent = (part: Prisma.Sql, whole: Prisma.Sql): Prisma.Sql =>
  Prisma.sql`round((${part})::numeric * 100 / NULLIF(${whole}, 0), 2)::float8`;

/**
 * Obstacles and inspection findings belong to no programme of their own: one
 * counts for a programme when it concerns one of the programme's campaigns or
 * projects, or neither (a zone-wide issue).
 */
export const concernsProgramme = (alias: string, programmeId: string): Prisma.Sql => {
  const o = Prisma.raw(alias);
  // Scalar subqueries: a primary-key lookup per issue that names one, where IN (…) or EXISTS
  // would be planned as a hash of every project of the programme.
  return Prisma.sql`((${o}."campaignId" IS NULL AND ${o}."projectId" IS NULL)
    OR (SELECT ic."programmeId" FROM "Campaign" ic WHERE ic.id = ${o}."campaignId") = ${programmeId}::uuid
    OR (SELECT ip."programmeId" FROM "Project" ip WHERE ip.id = ${o}."projectId") = ${programmeId}::uuid)`;
};
