// The zone, its programme and everything hanging off the programme.
import type {
  CadenceRuleSeed,
  CampaignSeed,
  IndicatorSeed,
  KeyTaskSeed,
  MechanismSeed,
  ProgrammeSeed,
  ZoneSeed,
} from '../types.ts';
import { byCode, day, maybe, need, sync, type IdMap, type SyncResult, type Tx } from '../sync.ts';

const PUBLIC = 'PUBLIC' as const;
const bump = { version: { increment: 1 } };

export async function loadZones(tx: Tx, rows: readonly ZoneSeed[]): Promise<SyncResult> {
  const owned = (z: ZoneSeed) => ({ nameZh: z.nameZh, nameEn: z.nameEn, parentZh: z.parentZh, parentEn: z.parentEn, roleZh: z.roleZh, roleEn: z.roleEn });
  return sync({
    model: 'zone',
    rows,
    key: (z) => z.code,
    stored: await tx.zone.findMany({ where: { code: { in: rows.map((z) => z.code) } } }),
    storedKey: (s) => s.code,
    owned,
    create: async (rs) =>
      byCode(
        await tx.zone.createManyAndReturn({
          data: rs.map((z) => ({ code: z.code, ...owned(z), visibility: z.visibility ?? PUBLIC })),
          select: { id: true, code: true },
        }),
      ),
    update: (id, z) => tx.zone.update({ where: { id }, data: { ...owned(z), ...bump } }),
  });
}

export async function loadProgrammes(tx: Tx, rows: readonly ProgrammeSeed[], refs: { zones: IdMap; officials: IdMap }): Promise<SyncResult> {
  const owned = (p: ProgrammeSeed) => ({
    zoneId: need(refs.zones, p.zoneCode, 'zone'),
    responsibleOfficialId: need(refs.officials, p.responsibleOfficialCode, 'official'),
    basisZh: p.basisZh,
    basisEn: p.basisEn,
    nameZh: p.nameZh,
    nameEn: p.nameEn,
    summaryZh: p.summaryZh,
    summaryEn: p.summaryEn,
    periodStart: day(p.periodStart),
    periodEnd: day(p.periodEnd),
    timeZone: p.timeZone,
    investmentTarget: p.investmentTarget,
    investmentGrowthTarget: p.investmentGrowthTarget,
    sourceTitleZh: p.sourceTitleZh,
    sourceTitleEn: p.sourceTitleEn,
  });
  return sync({
    model: 'programme',
    rows,
    key: (p) => p.code,
    stored: await tx.programme.findMany({ where: { code: { in: rows.map((p) => p.code) } } }),
    storedKey: (s) => s.code,
    owned,
    create: async (rs) =>
      byCode(
        await tx.programme.createManyAndReturn({
          data: rs.map((p) => ({ code: p.code, ...owned(p), visibility: p.visibility ?? PUBLIC })),
          select: { id: true, code: true },
        }),
      ),
    update: (id, p) => tx.programme.update({ where: { id }, data: { ...owned(p), ...bump } }),
  });
}

export async function loadCadenceRules(tx: Tx, rows: readonly CadenceRuleSeed[], programmes: IdMap): Promise<SyncResult> {
  // The model's key is (programme, activity); it has no code.
  const key = (r: CadenceRuleSeed) => `${need(programmes, r.programmeCode, 'programme')}:${r.activity}`;
  const owned = (r: CadenceRuleSeed) => ({ period: r.period, minCount: r.minCount, textZh: r.textZh, textEn: r.textEn });
  return sync({
    model: 'cadence rule',
    rows,
    key,
    stored: await tx.cadenceRule.findMany({ where: { programmeId: { in: [...programmes.values()] } } }),
    storedKey: (s) => `${s.programmeId}:${s.activity}`,
    owned,
    create: async (rs) =>
      (
        await tx.cadenceRule.createManyAndReturn({
          data: rs.map((r) => ({ programmeId: need(programmes, r.programmeCode, 'programme'), activity: r.activity, ...owned(r) })),
          select: { id: true, programmeId: true, activity: true },
        })
      ).map((s) => ({ id: s.id, key: `${s.programmeId}:${s.activity}` })),
    update: (id, r) => tx.cadenceRule.update({ where: { id }, data: owned(r) }),
  });
}

export async function loadCampaigns(tx: Tx, rows: readonly CampaignSeed[], programmes: IdMap): Promise<SyncResult> {
  const owned = (c: CampaignSeed) => ({
    programmeId: need(programmes, c.programmeCode, 'programme'),
    position: c.position,
    nameZh: c.nameZh,
    nameEn: c.nameEn,
    summaryZh: c.summaryZh,
    summaryEn: c.summaryEn,
  });
  return sync({
    model: 'campaign',
    rows,
    key: (c) => c.code,
    stored: await tx.campaign.findMany({ where: { code: { in: rows.map((c) => c.code) } } }),
    storedKey: (s) => s.code,
    owned,
    create: async (rs) =>
      byCode(
        await tx.campaign.createManyAndReturn({
          data: rs.map((c) => ({ code: c.code, ...owned(c), visibility: c.visibility ?? PUBLIC })),
          select: { id: true, code: true },
        }),
      ),
    update: (id, c) => tx.campaign.update({ where: { id }, data: { ...owned(c), ...bump } }),
  });
}

export async function loadKeyTasks(tx: Tx, rows: readonly KeyTaskSeed[], campaigns: IdMap): Promise<SyncResult> {
  const owned = (k: KeyTaskSeed) => ({
    campaignId: need(campaigns, k.campaignCode, 'campaign'),
    position: k.position,
    nameZh: k.nameZh,
    nameEn: k.nameEn,
  });
  return sync({
    model: 'key task',
    rows,
    key: (k) => k.code,
    stored: await tx.keyTask.findMany({ where: { code: { in: rows.map((k) => k.code) } } }),
    storedKey: (s) => s.code,
    owned,
    create: async (rs) =>
      byCode(
        await tx.keyTask.createManyAndReturn({
          data: rs.map((k) => ({ code: k.code, ...owned(k), status: k.status, visibility: k.visibility ?? PUBLIC })),
          select: { id: true, code: true },
        }),
      ),
    update: (id, k) => tx.keyTask.update({ where: { id }, data: { ...owned(k), ...bump } }),
  });
}

export async function loadIndicators(
  tx: Tx,
  rows: readonly IndicatorSeed[],
  refs: { programmes: IdMap; campaigns: IdMap; keyTasks: IdMap },
): Promise<SyncResult> {
  const owned = (i: IndicatorSeed) => ({
    programmeId: need(refs.programmes, i.programmeCode, 'programme'),
    campaignId: maybe(refs.campaigns, i.campaignCode, 'campaign'),
    keyTaskId: maybe(refs.keyTasks, i.keyTaskCode, 'key task'),
    nameZh: i.nameZh,
    nameEn: i.nameEn,
    unitZh: i.unitZh,
    unitEn: i.unitEn,
    target: i.target,
    targetDirection: i.targetDirection,
  });
  return sync({
    model: 'indicator',
    rows,
    key: (i) => i.code,
    stored: await tx.indicator.findMany({ where: { code: { in: rows.map((i) => i.code) } } }),
    storedKey: (s) => s.code,
    owned,
    create: async (rs) =>
      byCode(
        await tx.indicator.createManyAndReturn({
          data: rs.map((i) => ({ code: i.code, ...owned(i), visibility: i.visibility ?? PUBLIC })),
          select: { id: true, code: true },
        }),
      ),
    update: (id, i) => tx.indicator.update({ where: { id }, data: { ...owned(i), ...bump } }),
  });
}

export async function loadMechanisms(tx: Tx, rows: readonly MechanismSeed[], campaigns: IdMap): Promise<SyncResult> {
  const owned = (m: MechanismSeed) => ({
    campaignId: need(campaigns, m.campaignCode, 'campaign'),
    nameZh: m.nameZh,
    nameEn: m.nameEn,
  });
  return sync({
    model: 'mechanism',
    rows,
    key: (m) => m.code,
    stored: await tx.mechanism.findMany({ where: { code: { in: rows.map((m) => m.code) } } }),
    storedKey: (s) => s.code,
    owned,
    create: async (rs) =>
      byCode(
        await tx.mechanism.createManyAndReturn({
          data: rs.map((m) => ({ code: m.code, ...owned(m), status: m.status, visibility: m.visibility ?? PUBLIC })),
          select: { id: true, code: true },
        }),
      ),
    update: (id, m) => tx.mechanism.update({ where: { id }, data: { ...owned(m), ...bump } }),
  });
}
