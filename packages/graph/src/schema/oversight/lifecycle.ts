import type { ObstacleStatus, RectificationStatus } from '@zonegraph/db';
import { z } from 'zod';
import { ValidationError } from '../../errors.ts';
import { todayIn } from '../common/checks.ts';
import { rules } from '../common/inputs.ts';
import { idForCode, type Tx } from '../common/mutations.ts';

/**
 * Where an obstacle may go from each status. A resolved one may be re-opened
 * (back to IN_PROGRESS) when the fix does not hold; a closed one is final.
 */
export const obstacleMoves: Record<ObstacleStatus, readonly ObstacleStatus[]> = {
  OPEN: ['IN_PROGRESS'],
  IN_PROGRESS: ['RESOLVED'],
  RESOLVED: ['CLOSED', 'IN_PROGRESS'],
  CLOSED: [],
};

/** The same way for an inspection finding, with RECTIFIED in place of RESOLVED. */
export const findingMoves: Record<RectificationStatus, readonly RectificationStatus[]> = {
  OPEN: ['IN_PROGRESS'],
  IN_PROGRESS: ['RECTIFIED'],
  RECTIFIED: ['CLOSED', 'IN_PROGRESS'],
  CLOSED: [],
};

/** "OPEN → IN_PROGRESS; …", for input descriptions. */
export const describeMoves = (moves: Record<string, readonly string[]>): string =>
  Object.entries(moves)
    .map(([from, to]) => `${from} → ${to.length ? to.join(' | ') : '(none: final)'}`)
    .join('; ');

/** Refuses a move the lifecycle does not allow, naming the moves it does. */
export function requireMove<S extends string>(moves: Record<S, readonly S[]>, label: string, from: S, to: S): void {
  const allowed = moves[from];
  if (allowed.includes(to)) return;
  throw new ValidationError([
    {
      path: ['input', 'status'],
      message: `${label} that is ${from} cannot move to ${to}; from ${from} it may move to ${allowed.length ? allowed.join(' or ') : `nothing: ${from} is final`}`,
    },
  ]);
}

/**
 * Today in the zone's time zone. Obstacles, findings and engagements belong
 * to no programme of their own, so the programme whose period started last
 * decides (the same default createProject uses).
 */
export async function zoneToday(tx: Tx): Promise<Date> {
  const programme = await tx.programme.findFirst({ orderBy: { periodStart: 'desc' }, select: { timeZone: true } });
  return todayIn(programme?.timeZone ?? 'UTC');
}

export const isoDay = (day: Date): string => day.toISOString().slice(0, 10);

/** Refuses a day after today: these dates record what has happened. */
export function requireNotFuture(day: Date | null | undefined, today: Date, field: string): void {
  if (day && day > today) throw new ValidationError([{ path: ['input', field], message: `is in the future (today is ${isoDay(today)}); record it once it has happened` }]);
}

/** The unit responsible, as the zone writes it (a department's name). */
export const responsibleUnit = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');

/** Fields obstacles and inspection findings share, as validated input. */
export const trackedIssueFields = {
  titleZh: rules.nameZh,
  titleEn: rules.nameEn,
  descriptionZh: rules.text.nullish(),
  descriptionEn: rules.text.nullish(),
  campaign: z.string().nullish(),
  project: z.string().nullish(),
  platform: z.string().nullish(),
  responsibleUnit: responsibleUnit.nullish(),
  deadline: rules.day.nullish(),
};

/** Campaign, project and platform codes of an input as ids; undefined leaves a link alone, null clears it. */
export async function issueLinks(tx: Tx, input: { campaign?: string | null; project?: string | null; platform?: string | null }) {
  const campaignId = await idForCode((code) => tx.campaign.findUnique({ where: { code } }), input.campaign, 'campaign', 'campaign');
  const projectId = await idForCode((code) => tx.project.findUnique({ where: { code } }), input.project, 'project', 'project');
  const platformId = await idForCode((code) => tx.platform.findUnique({ where: { code } }), input.platform, 'platform', 'platform');
  return { campaignId, projectId, platformId };
}

/**
 * A deadline before the day the obstacle was raised (or the finding found)
 * is a typing error. Blames the deadline when the caller sent it, else the
 * start day the caller moved past it.
 */
export function requireDeadlineNotBefore(start: Date, deadline: Date | null | undefined, startField: string, deadlineSent: boolean): void {
  if (!deadline || deadline >= start) return;
  throw new ValidationError([
    deadlineSent
      ? { path: ['input', 'deadline'], message: `must not be before ${startField} (${isoDay(start)})` }
      : { path: ['input', startField], message: `must not be after the deadline (${isoDay(deadline)})` },
  ]);
}
