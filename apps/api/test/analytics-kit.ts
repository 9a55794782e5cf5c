import { createApiKey, Prisma, type ProjectStage, type Role, type Visibility } from '@zonegraph/db';
import { expect } from 'vitest';
import type { TestApi } from './testkit.ts';

// A small programme built by hand for the analytics tests, so that every
// expected figure can be worked out in the test itself. Rows are written with
// the unscoped client; the questions are then asked through the API.

export const day = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

export interface TestProgramme {
  id: string;
  code: string;
  campaigns: { C1: string; C2: string };
}

let zoneCount = 0;

/**
 * A programme for 2020 (a leap year: 366 days) in Asia/Shanghai with two
 * public campaigns `<code>-C1` and `-C2`, the four cadence rules of the seed
 * (talks daily, a signing weekly, a construction start monthly, a completion
 * quarterly), and the given investment target.
 */
export async function createProgramme(api: TestApi, code = 'TEST-2020', options: { investmentTarget?: string } = {}): Promise<TestProgramme> {
  const prisma = api.db.prisma;
  const zone = await prisma.zone.create({ data: { code: `TZ${++zoneCount}-${code}`, nameZh: '测试区', nameEn: 'Test zone' } });
  const programme = await prisma.programme.create({
    data: {
      code,
      zoneId: zone.id,
      nameZh: '测试计划',
      nameEn: 'Test programme',
      periodStart: day('2020-01-01'),
      periodEnd: day('2020-12-31'),
      timeZone: 'Asia/Shanghai',
      investmentTarget: options.investmentTarget ?? null,
      investmentGrowthTarget: '20',
    },
  });
  const campaign = (n: number) =>
    prisma.campaign.create({ data: { programmeId: programme.id, code: `${code}-C${n}`, position: n, nameZh: `攻坚战${n}`, nameEn: `Campaign ${n}` } });
  const [c1, c2] = [await campaign(1), await campaign(2)];
  await prisma.cadenceRule.createMany({
    data: [
      { programmeId: programme.id, activity: 'ENGAGEMENT', period: 'DAY', textZh: '每天有项目洽谈', textEn: 'Talks every day' },
      { programmeId: programme.id, activity: 'SIGNING', period: 'WEEK', textZh: '每周有签约入驻', textEn: 'A signing every week' },
      { programmeId: programme.id, activity: 'CONSTRUCTION_START', period: 'MONTH', textZh: '每月有开工建设', textEn: 'A construction start every month' },
      { programmeId: programme.id, activity: 'COMPLETION', period: 'QUARTER', textZh: '每季有竣工投产', textEn: 'A completion every quarter' },
    ],
  });
  return { id: programme.id, code, campaigns: { C1: c1.id, C2: c2.id } };
}

export interface ProjectFields {
  campaign?: 'C1' | 'C2';
  stage?: ProjectStage;
  targetStage?: ProjectStage | null;
  targetDate?: string | null;
  visibility?: Visibility;
  investmentVisibility?: Visibility;
  plannedInvestment?: string | null;
  archived?: boolean;
  clusterId?: string;
  sectorId?: string;
  parkId?: string;
  organisationIds?: string[];
}

/** A project of the programme; public, with public investment figures, unless told otherwise. */
export async function createProject(api: TestApi, programme: TestProgramme, code: string, fields: ProjectFields = {}) {
  return api.db.prisma.project.create({
    data: {
      code,
      programmeId: programme.id,
      campaignId: programme.campaigns[fields.campaign ?? 'C1'],
      nameZh: `项目${code}`,
      nameEn: `Project ${code}`,
      stage: fields.stage ?? 'NEGOTIATING',
      targetStage: fields.targetStage ?? null,
      targetDate: fields.targetDate ? day(fields.targetDate) : null,
      visibility: fields.visibility ?? 'PUBLIC',
      investmentVisibility: fields.investmentVisibility ?? 'PUBLIC',
      plannedInvestment: fields.plannedInvestment ?? null,
      archivedAt: fields.archived ? new Date() : null,
      clusterId: fields.clusterId ?? null,
      sectorId: fields.sectorId ?? null,
      parkId: fields.parkId ?? null,
      organisations: fields.organisationIds ? { connect: fields.organisationIds.map((id) => ({ id })) } : undefined,
    },
  });
}

/** Stage history rows: [toStage, YYYY-MM-DD] each. */
export async function recordMoves(api: TestApi, projectId: string, moves: [ProjectStage, string][]) {
  await api.db.prisma.projectStageChange.createMany({
    data: moves.map(([toStage, on]) => ({ projectId, toStage, occurredOn: day(on) })),
  });
}

/** Headers that present a fresh API key of `role`. */
export async function keyFor(api: TestApi, role: Role): Promise<Record<string, string>> {
  const { key } = await createApiKey(api.db.prisma, { holder: `analytics ${role.toLowerCase()}`, role });
  return { authorization: `Bearer ${key}` };
}

/** Runs a query as a caller and fails the test on any GraphQL error. */
export async function ask<T = Record<string, any>>(api: TestApi, headers: Record<string, string>, query: string, variables?: Record<string, unknown>): Promise<T> {
  const result = await api.execute<T>(query, variables, headers);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data as T;
}

export const decimal = (value: string | number) => new Prisma.Decimal(value);
