// Platforms and projects: the models with many-to-many links. They are created
// one by one, since createMany cannot write links, and their links are replaced
// with `set` when they differ from the seed. A platform's parent, another
// platform, is linked once all platforms exist.
import type { PlatformSeed, ProjectSeed } from '../types.ts';
import { day, linkParents, maybe, need, sameIds, sync, type IdMap, type SyncResult, type Tx } from '../sync.ts';

const PUBLIC = 'PUBLIC' as const;
const bump = { version: { increment: 1 } };
const onlyId = { select: { id: true } } as const;

const idsOf = (codes: readonly string[], ids: IdMap, what: string) => codes.map((code) => need(ids, code, what));

export async function loadPlatforms(
  tx: Tx,
  rows: readonly PlatformSeed[],
  refs: { campaigns: IdMap; organisations: IdMap; parks: IdMap },
): Promise<SyncResult> {
  const owned = (p: PlatformSeed) => ({
    nameZh: p.nameZh,
    nameEn: p.nameEn,
    summaryZh: p.summaryZh,
    summaryEn: p.summaryEn,
    kind: p.kind,
    organisationId: maybe(refs.organisations, p.organisationCode, 'organisation'),
    parkId: maybe(refs.parks, p.parkCode, 'park'),
  });
  const campaignIds = (p: PlatformSeed) => idsOf(p.campaignCodes, refs.campaigns, 'campaign');
  const stored = await tx.platform.findMany({ where: { code: { in: rows.map((p) => p.code) } }, include: { campaigns: onlyId } });
  const synced = await sync({
    model: 'platform',
    rows,
    key: (p) => p.code,
    stored,
    storedKey: (s) => s.code,
    owned,
    linksMatch: (s, p) => sameIds(s.campaigns, campaignIds(p)),
    create: async (rs) => {
      const created = [];
      for (const p of rs) {
        const { id } = await tx.platform.create({
          data: {
            code: p.code,
            ...owned(p),
            status: p.status,
            visibility: p.visibility ?? PUBLIC,
            campaigns: { connect: campaignIds(p).map((id) => ({ id })) },
          },
          select: { id: true },
        });
        created.push({ id, key: p.code });
      }
      return created;
    },
    update: (id, p) =>
      tx.platform.update({
        where: { id },
        data: { ...owned(p), ...bump, campaigns: { set: campaignIds(p).map((id) => ({ id })) } },
      }),
  });
  return linkParents({
    model: 'platform',
    rows,
    key: (p) => p.code,
    parentKey: (p) => p.parentCode,
    synced,
    storedParents: new Map(stored.map((s) => [s.code, s.parentId])),
    setParent: (id, parentId, bumped) => tx.platform.update({ where: { id }, data: { parentId, ...(bumped ? bump : {}) } }),
  });
}

export async function loadProjects(
  tx: Tx,
  rows: readonly ProjectSeed[],
  refs: {
    programmes: IdMap;
    campaigns: IdMap;
    clusters: IdMap;
    sectors: IdMap;
    parks: IdMap;
    organisations: IdMap;
    platforms: IdMap;
  },
): Promise<SyncResult> {
  const owned = (p: ProjectSeed) => ({
    programmeId: need(refs.programmes, p.programmeCode, 'programme'),
    campaignId: need(refs.campaigns, p.campaignCode, 'campaign'),
    clusterId: maybe(refs.clusters, p.clusterCode, 'cluster'),
    sectorId: maybe(refs.sectors, p.sectorCode, 'sector'),
    parkId: maybe(refs.parks, p.parkCode, 'park'),
    nameZh: p.nameZh,
    nameEn: p.nameEn,
    summaryZh: p.summaryZh,
    summaryEn: p.summaryEn,
    targetStage: p.targetStage,
    targetDate: day(p.targetDate),
    isKeyProject: p.isKeyProject,
    inFiveYearPlan: p.inFiveYearPlan,
  });
  const organisationIds = (p: ProjectSeed) => idsOf(p.organisationCodes, refs.organisations, 'organisation');
  const platformIds = (p: ProjectSeed) => idsOf(p.platformCodes, refs.platforms, 'platform');
  const alsoListedByIds = (p: ProjectSeed) => idsOf(p.alsoListedByCodes, refs.campaigns, 'campaign');
  // Every campaign that lists it; the database links the primary one itself (a trigger on campaignId).
  const campaignIds = (p: ProjectSeed) => [need(refs.campaigns, p.campaignCode, 'campaign'), ...alsoListedByIds(p)];
  return sync({
    model: 'project',
    rows,
    key: (p) => p.code,
    stored: await tx.project.findMany({
      where: { code: { in: rows.map((p) => p.code) } },
      include: { organisations: onlyId, platforms: onlyId, campaigns: onlyId },
    }),
    storedKey: (s) => s.code,
    owned,
    linksMatch: (s, p) =>
      sameIds(s.organisations, organisationIds(p)) && sameIds(s.platforms, platformIds(p)) && sameIds(s.campaigns, campaignIds(p)),
    create: async (rs) => {
      const created = [];
      for (const p of rs) {
        const { id } = await tx.project.create({
          data: {
            code: p.code,
            ...owned(p),
            // The derived current stage is written once; later runs leave a moved stage alone.
            stage: p.stage,
            visibility: p.visibility ?? PUBLIC,
            organisations: { connect: organisationIds(p).map((id) => ({ id })) },
            platforms: { connect: platformIds(p).map((id) => ({ id })) },
            campaigns: { connect: alsoListedByIds(p).map((id) => ({ id })) },
          },
          select: { id: true },
        });
        created.push({ id, key: p.code });
      }
      return created;
    },
    update: (id, p) =>
      tx.project.update({
        where: { id },
        data: {
          ...owned(p),
          ...bump,
          organisations: { set: organisationIds(p).map((id) => ({ id })) },
          platforms: { set: platformIds(p).map((id) => ({ id })) },
          campaigns: { set: campaignIds(p).map((id) => ({ id })) },
        },
      }),
  });
}
