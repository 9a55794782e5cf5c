// The demo year: synthetic but plausible activity on top of the seed, so that a
// first run shows a programme at work rather than targets with no data. The
// seed holds only what the source text states; none of this is in the text.
//
// Every row it adds carries `demo = true`; the seeded projects it moves are
// written as recordProjectStageChange and recordInvestment write them (stage,
// stageChangedAt, version and a stage-change row; monthly records, whose
// rollup the database triggers keep, and completedInvestment as their sum), and
// what they were before is kept in DemoYear so that removal puts them back
// exactly. Deterministic: the same seed gives the same year.
import { Prisma, type PrismaClient } from '../generated/prisma/client.ts';
import type { ProjectStage } from '../generated/prisma/enums.ts';
import { seededRandom, type Random } from './random.ts';
import { findingTexts, obstacleTexts, pickSubject } from './texts.ts';

type Tx = Prisma.TransactionClient;

export const DEFAULT_DEMO_SEED = 2020;
/** Who the demo's status moves are recorded by. */
export const DEMO_RECORDER = 'demo year';

export interface DemoSummary {
  programme: string;
  stageChanges: number;
  investmentRecords: number;
  indicatorValues: number;
  engagements: number;
  obstacles: number;
  findings: number;
}

/** A project as the demo found it and as it left it: what removal checks and puts back. */
interface ProjectRestore {
  id: string;
  code: string;
  before: { stage: ProjectStage; stageChangedAt: string; version: number; updatedAt: string; completedInvestment: string };
  versionAfter: number;
}

/** Removal would overwrite changes made since the demo year was loaded. */
export class DemoConflictError extends Error {
  constructor(readonly codes: string[]) {
    super(
      `cannot remove the demo year: project${codes.length > 1 ? 's' : ''} ${codes.join(', ')} changed after it was loaded, ` +
        'and removing it would put back the seeded state over those changes. Undo them, or reset the database (pnpm db:reset).',
    );
    this.name = 'DemoConflictError';
  }
}

const TX = { maxWait: 30_000, timeout: 180_000 };

/**
 * Loads the demo year onto the programme (default: the one whose period started
 * last). Returns null and writes nothing when a demo year is already loaded.
 */
export async function loadDemoYear(
  prisma: PrismaClient,
  options: { programme?: string; seed?: number } = {},
): Promise<DemoSummary | null> {
  return prisma.$transaction(async (tx) => {
    if ((await tx.demoYear.count()) > 0) return null;
    const programme = options.programme
      ? await tx.programme.findUnique({ where: { code: options.programme } })
      : await tx.programme.findFirst({ orderBy: { periodStart: 'desc' } });
    if (!programme) throw new Error(options.programme ? `no programme has the code "${options.programme}"` : 'there is no programme: load the seed first');
    const seed = options.seed ?? DEFAULT_DEMO_SEED;
    return generate(tx, programme, seededRandom(seed), seed);
  }, TX);
}

/** Removes the demo year and puts the seeded rows back as they were. Returns false when none is loaded. */
export async function removeDemoYear(prisma: PrismaClient): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const years = await tx.demoYear.findMany();
    if (years.length === 0) return false;
    const restores = years.flatMap((y) => (y.restore as unknown as { projects: ProjectRestore[] }).projects);
    const current = await tx.project.findMany({ where: { id: { in: restores.map((r) => r.id) } }, select: { id: true, version: true } });
    const versions = new Map(current.map((p) => [p.id, p.version]));
    const changed = restores.filter((r) => versions.has(r.id) && versions.get(r.id) !== r.versionAfter).map((r) => r.code);
    if (changed.length > 0) throw new DemoConflictError(changed);

    await tx.inspectionFinding.deleteMany({ where: { demo: true } });
    await tx.obstacle.deleteMany({ where: { demo: true } });
    await tx.engagement.deleteMany({ where: { demo: true } });
    await tx.indicatorValue.deleteMany({ where: { demo: true } });
    await tx.investmentRecord.deleteMany({ where: { demo: true } });
    await tx.projectStageChange.deleteMany({ where: { demo: true } });
    for (const r of restores) {
      if (!versions.has(r.id)) continue;
      await tx.project.update({
        where: { id: r.id },
        data: {
          stage: r.before.stage,
          stageChangedAt: new Date(r.before.stageChangedAt),
          version: r.before.version,
          completedInvestment: r.before.completedInvestment,
          // Given explicitly, so Prisma writes it instead of the time of the update.
          updatedAt: new Date(r.before.updatedAt),
        },
      });
    }
    // The triggers take the deleted records' amounts out of the rollup and leave
    // sums of zero records behind; such a row says nothing, and the seed had none.
    await tx.investmentRollup.deleteMany({ where: { records: 0, programmeId: { in: years.map((y) => y.programmeId) } } });
    await tx.demoYear.deleteMany({});
    return true;
  }, TX);
}

export async function hasDemoYear(prisma: PrismaClient): Promise<boolean> {
  return (await prisma.demoYear.count()) > 0;
}

// ---- generation -------------------------------------------------------------

const DAY = 86_400_000;
const utcDay = (y: number, m: number, d: number) => new Date(Date.UTC(y, m, d));
const addDays = (day: Date, n: number) => new Date(day.getTime() + n * DAY);
const minDay = (a: Date, b: Date) => (a < b ? a : b);
const round = (x: number, step: number) => Math.round(x / step) * step;

/** The main line of stages; OPERATING and ENROLLING both follow construction. */
const LINE: ProjectStage[] = ['NEGOTIATING', 'SIGNED', 'UNDER_CONSTRUCTION'];

/** The stages from `from` to `target`, `from` excluded; empty when the target is not ahead on the line. */
function pathTo(from: ProjectStage, target: ProjectStage): ProjectStage[] {
  const line = target === 'OPERATING' || target === 'ENROLLING' ? [...LINE, target] : LINE;
  const at = line.indexOf(from);
  const to = line.indexOf(target);
  return at >= 0 && to > at ? line.slice(at + 1, to + 1) : [];
}

/** Investment in a month, relative: slow around the Spring Festival, fastest at the year's end. */
const MONTH_PROFILE = [0.45, 0.5, 0.85, 0.95, 1, 1.05, 1.05, 1, 1.05, 1.1, 1.15, 1.35];

interface ProgrammeRow {
  id: string;
  code: string;
  periodStart: Date;
  periodEnd: Date;
  investmentTarget: Prisma.Decimal | null;
}

async function generate(tx: Tx, programme: ProgrammeRow, random: Random, seed: number): Promise<DemoSummary> {
  const year = programme.periodStart.getUTCFullYear();
  const start = programme.periodStart;
  const end = programme.periodEnd;
  const projects = await tx.project.findMany({
    where: { programmeId: programme.id, archivedAt: null },
    orderBy: { code: 'asc' },
    include: { organisations: { select: { id: true } }, stageChanges: { select: { occurredOn: true }, orderBy: { occurredOn: 'desc' }, take: 1 } },
  });

  // 1. Stage moves toward each target, most reached; completions spread over the quarters.
  const moves: { projectId: string; from: ProjectStage; to: ProjectStage; on: Date }[] = [];
  const signedOn = new Map<string, Date>();
  let completion = 0;
  const movable = projects.filter((p) => p.targetStage && pathTo(p.stage, p.targetStage).length > 0);
  const shortOne = movable.length > 1 ? random.int(0, movable.length - 1) : -1;
  movable.forEach((p, index) => {
    const path = pathTo(p.stage, p.targetStage!);
    // One project, and a few more by chance, stay short of the target: the risk view has something to show.
    const steps = index === shortOne || random.chance(0.15) ? path.length - 1 : path.length;
    let from = p.stage;
    let on = p.stageChanges[0] && p.stageChanges[0].occurredOn > start ? p.stageChanges[0].occurredOn : addDays(start, random.int(20, 45));
    for (const to of path.slice(0, steps)) {
      if (to === 'ENROLLING') on = utcDay(year, 8, random.int(1, 10));
      else if (to === 'OPERATING') on = addDays(utcDay(year, (completion++ % 4) * 3, 1), random.int(10, 80));
      else on = addDays(on, random.int(25, 120));
      on = minDay(on, end);
      moves.push({ projectId: p.id, from, to, on });
      if (to === 'SIGNED') signedOn.set(p.id, on);
      from = to;
    }
  });
  // The order recordProjectStageChange would see them in: by day.
  moves.sort((a, b) => a.on.getTime() - b.on.getTime());

  // 2. Monthly investment, last year and this, for projects past talks: this year near the target, last year ~20 % less.
  const target = Number(programme.investmentTarget ?? '0') || 1e9;
  const thisYear = target * random.between(0.97, 1.03);
  const lastYear = thisYear / (1 + random.between(0.2, 0.27));
  const weights = new Map(projects.map((p) => [p.id, random.between(0.4, 2.5)]));
  const cells = (y: number, total: number) => {
    const raw: { projectId: string; month: Date; w: number }[] = [];
    for (const p of projects) {
      const signed = p.stage === 'NEGOTIATING' ? signedOn.get(p.id) : start;
      if (!signed) continue;
      for (let m = 0; m < 12; m++) {
        const month = utcDay(y, m, 1);
        // Before the programme's year only those already signed invested; after signing, from the next month.
        if (y === year && p.stage === 'NEGOTIATING' && month <= signed) continue;
        raw.push({ projectId: p.id, month, w: weights.get(p.id)! * MONTH_PROFILE[m]! * random.between(0.85, 1.15) });
      }
    }
    const sum = raw.reduce((n, c) => n + c.w, 0);
    return raw.map((c) => ({ projectId: c.projectId, month: c.month, amount: round((total * c.w) / sum, 10_000) }));
  };
  const investments = [...cells(year - 1, lastYear), ...cells(year, thisYear)];

  // 3. Indicator values at each month's end.
  const indicators = await tx.indicator.findMany({ where: { programmeId: programme.id, archivedAt: null }, orderBy: { code: 'asc' } });
  const cumulative = (y: number, m: number) =>
    investments.filter((c) => c.month.getUTCFullYear() === y && c.month.getUTCMonth() <= m).reduce((n, c) => n + c.amount, 0);
  const values: { indicatorId: string; observedOn: Date; value: string }[] = [];
  for (const indicator of indicators) {
    const goal = Number(indicator.target);
    const baseline = Number(indicator.baseline);
    const finalShare = random.between(0.7, 1.08);
    for (let m = 0; m < 12; m++) {
      const observedOn = utcDay(year, m + 1, 0);
      let value: number;
      if (indicator.unitEn === 'yuan') value = cumulative(year, m);
      else if (indicator.unitEn === 'percent') value = ((cumulative(year, m) / Math.max(1, cumulative(year - 1, m))) - 1) * 100;
      else if (indicator.targetDirection === 'AT_MOST') value = goal * (2 - (m / 11) * (2 - random.between(0.9, 1.1)));
      else value = baseline + (goal * finalShare - baseline) * Math.pow((m + 1) / 12, 0.8);
      const integral = Number.isInteger(goal) && indicator.unitEn !== 'percent' && indicator.unitEn !== 'yuan';
      values.push({ indicatorId: indicator.id, observedOn, value: integral ? String(Math.max(0, Math.round(value))) : value.toFixed(2) });
    }
  }

  // 4. Talks on most days: fewer at weekends, hardly any over the Spring Festival.
  const engagements: Prisma.EngagementCreateManyInput[] = [];
  for (let day = start; day <= end; day = addDays(day, 1)) {
    const weekday = day.getUTCDay();
    const festival = day.getUTCMonth() === 0 && day.getUTCDate() >= 24 && day.getUTCDate() <= 30;
    const p = festival ? 0.1 : weekday === 0 || weekday === 6 ? 0.45 : 0.92;
    if (!random.chance(p) || projects.length === 0) continue;
    const count = random.chance(0.3) ? 2 : 1;
    for (let i = 0; i < count; i++) {
      const project = random.pick(projects);
      const subject = pickSubject(random, { zh: project.nameZh, en: project.nameEn });
      engagements.push({
        occurredOn: day,
        projectId: project.id,
        organisationId: project.organisations.length ? random.pick(project.organisations).id : null,
        subjectZh: subject.zh,
        subjectEn: subject.en,
        demo: true,
      });
    }
  }

  // Write the projects' moves and investment as the mutations do, keeping what they were.
  const restore: ProjectRestore[] = projects.map((p) => ({
    id: p.id,
    code: p.code,
    before: {
      stage: p.stage,
      stageChangedAt: p.stageChangedAt.toISOString(),
      version: p.version,
      updatedAt: p.updatedAt.toISOString(),
      completedInvestment: p.completedInvestment.toFixed(2),
    },
    versionAfter: p.version,
  }));
  const restoreOf = new Map(restore.map((r) => [r.id, r]));
  const stages = new Map(projects.map((p) => [p.id, p.stage]));
  for (const move of moves) {
    await tx.project.update({ where: { id: move.projectId }, data: { stage: move.to, stageChangedAt: move.on, version: { increment: 1 } } });
    await tx.projectStageChange.create({ data: { projectId: move.projectId, fromStage: stages.get(move.projectId)!, toStage: move.to, occurredOn: move.on, demo: true } });
    stages.set(move.projectId, move.to);
    restoreOf.get(move.projectId)!.versionAfter += 1;
  }
  // Months a project already has records for are left as they are.
  const { count: investmentRecords } = await tx.investmentRecord.createMany({
    data: investments.map((c) => ({ projectId: c.projectId, month: c.month, amount: String(c.amount), demo: true })),
    skipDuplicates: true,
  });
  for (const p of projects) {
    const { _sum } = await tx.investmentRecord.aggregate({ where: { projectId: p.id }, _sum: { amount: true } });
    const sum = _sum.amount ?? new Prisma.Decimal(0);
    if (sum.equals(p.completedInvestment)) continue;
    await tx.project.update({ where: { id: p.id }, data: { completedInvestment: sum, version: { increment: 1 } } });
    restoreOf.get(p.id)!.versionAfter += 1;
  }
  const { count: indicatorValues } = await tx.indicatorValue.createMany({ data: values.map((v) => ({ ...v, demo: true })), skipDuplicates: true });
  const { count: engagementCount } = await tx.engagement.createMany({ data: engagements });

  const obstacles = await writeObstacles(tx, programme, random, projects);
  const findings = await writeFindings(tx, programme, random, projects);

  await tx.demoYear.create({
    data: { programmeId: programme.id, randomSeed: seed, restore: { projects: restore.filter((r) => r.versionAfter !== r.before.version) } as unknown as Prisma.InputJsonValue },
  });
  return {
    programme: programme.code,
    stageChanges: moves.length,
    investmentRecords,
    indicatorValues,
    engagements: engagementCount,
    obstacles,
    findings,
  };
}

type ProjectRow = { id: string; campaignId: string };

async function writeObstacles(tx: Tx, programme: ProgrammeRow, random: Random, projects: ProjectRow[]): Promise<number> {
  const year = programme.periodStart.getUTCFullYear();
  // The campaign that is to resolve them: the fifth (制度壁垒突破), where there is one.
  const barriers = await tx.campaign.findFirst({ where: { programmeId: programme.id, position: 5 }, select: { id: true } });
  let n = 0;
  for (const [i, text] of obstacleTexts.entries()) {
    const project = random.chance(0.4) && projects.length ? random.pick(projects) : null;
    const raisedOn = addDays(utcDay(year, 0, 6), random.int(0, 150));
    const deadline = addDays(raisedOn, random.int(60, 120));
    // Seven resolved, two under way past their deadline, one still open.
    const path: ('IN_PROGRESS' | 'RESOLVED')[] = i < 7 ? ['IN_PROGRESS', 'RESOLVED'] : i < 9 ? ['IN_PROGRESS'] : [];
    const days: Date[] = [];
    let on = raisedOn;
    for (const step of path) days.push((on = minDay(addDays(on, step === 'IN_PROGRESS' ? random.int(3, 15) : random.int(15, 80)), programme.periodEnd)));
    await tx.obstacle.create({
      data: {
        code: `${programme.code}-DEMO-O${String(i + 1).padStart(2, '0')}`,
        titleZh: text.zh,
        titleEn: text.en,
        campaignId: project?.campaignId ?? barriers?.id ?? null,
        projectId: project?.id ?? null,
        responsibleUnit: text.unit,
        raisedOn,
        deadline,
        status: path.at(-1) ?? 'OPEN',
        resolvedOn: path.at(-1) === 'RESOLVED' ? days.at(-1)! : null,
        demo: true,
        statusChanges: {
          create: path.map((to, k) => ({ fromStatus: k === 0 ? 'OPEN' : path[k - 1]!, toStatus: to, occurredOn: days[k]!, recordedBy: DEMO_RECORDER })),
        },
      },
    });
    n++;
  }
  return n;
}

async function writeFindings(tx: Tx, programme: ProgrammeRow, random: Random, projects: ProjectRow[]): Promise<number> {
  const year = programme.periodStart.getUTCFullYear();
  const categories = await tx.findingCategory.findMany({ where: { code: { in: Object.keys(findingTexts) } }, select: { id: true, code: true } });
  const categoryId = new Map(categories.map((c) => [c.code, c.id]));
  const texts = Object.entries(findingTexts).flatMap(([code, list]) => list.map((t) => ({ ...t, category: code })));
  let n = 0;
  for (const [i, text] of texts.entries()) {
    const project = random.chance(0.5) && projects.length ? random.pick(projects) : null;
    const foundOn = addDays(utcDay(year, 2, 1), random.int(0, 200));
    const deadline = addDays(foundOn, random.int(30, 60));
    // Five rectified, one closed after rectification, one under way, one open.
    const path: ('IN_PROGRESS' | 'RECTIFIED' | 'CLOSED')[] =
      i < 5 ? ['IN_PROGRESS', 'RECTIFIED'] : i === 5 ? ['IN_PROGRESS', 'RECTIFIED', 'CLOSED'] : i === 6 ? ['IN_PROGRESS'] : [];
    const days: Date[] = [];
    let on = foundOn;
    for (const step of path) days.push((on = minDay(addDays(on, step === 'IN_PROGRESS' ? random.int(2, 10) : random.int(10, 45)), programme.periodEnd)));
    const rectified = path.indexOf('RECTIFIED');
    await tx.inspectionFinding.create({
      data: {
        code: `${programme.code}-DEMO-F${String(i + 1).padStart(2, '0')}`,
        titleZh: text.zh,
        titleEn: text.en,
        categoryId: categoryId.get(text.category) ?? null,
        campaignId: project?.campaignId ?? null,
        projectId: project?.id ?? null,
        responsibleUnit: text.unit,
        foundOn,
        deadline,
        status: path.at(-1) ?? 'OPEN',
        rectifiedOn: rectified >= 0 ? days[rectified]! : null,
        demo: true,
        statusChanges: {
          create: path.map((to, k) => ({ fromStatus: k === 0 ? 'OPEN' : path[k - 1]!, toStatus: to, occurredOn: days[k]!, recordedBy: DEMO_RECORDER })),
        },
      },
    });
    n++;
  }
  return n;
}
