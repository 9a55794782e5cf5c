// Sectors, clusters, parks and organisations: records that belong to no programme.
import type { ClusterSeed, FindingCategorySeed, OfficialSeed, OrganisationSeed, ParkSeed, SectorSeed } from '../types.ts';
import { byCode, linkParents, maybe, need, sync, type IdMap, type SyncResult, type Tx } from '../sync.ts';

const PUBLIC = 'PUBLIC' as const;
const bump = { version: { increment: 1 } };

export async function loadSectors(tx: Tx, rows: readonly SectorSeed[]): Promise<SyncResult> {
  const owned = (s: SectorSeed) => ({ nameZh: s.nameZh, nameEn: s.nameEn, kind: s.kind });
  return sync({
    model: 'sector',
    rows,
    key: (s) => s.code,
    stored: await tx.sector.findMany({ where: { code: { in: rows.map((s) => s.code) } } }),
    storedKey: (s) => s.code,
    owned,
    create: async (rs) =>
      byCode(
        await tx.sector.createManyAndReturn({
          data: rs.map((s) => ({ code: s.code, ...owned(s), visibility: s.visibility ?? PUBLIC })),
          select: { id: true, code: true },
        }),
      ),
    update: (id, s) => tx.sector.update({ where: { id }, data: { ...owned(s), ...bump } }),
  });
}

export async function loadClusters(tx: Tx, rows: readonly ClusterSeed[], sectors: IdMap): Promise<SyncResult> {
  const owned = (c: ClusterSeed) => ({
    nameZh: c.nameZh,
    nameEn: c.nameEn,
    sectorId: need(sectors, c.sectorCode, 'sector'),
    outputTarget: c.outputTarget,
    focusZh: c.focusZh,
    focusEn: c.focusEn,
  });
  return sync({
    model: 'industry cluster',
    rows,
    key: (c) => c.code,
    stored: await tx.industryCluster.findMany({ where: { code: { in: rows.map((c) => c.code) } } }),
    storedKey: (s) => s.code,
    owned,
    create: async (rs) =>
      byCode(
        await tx.industryCluster.createManyAndReturn({
          data: rs.map((c) => ({ code: c.code, ...owned(c), visibility: c.visibility ?? PUBLIC })),
          select: { id: true, code: true },
        }),
      ),
    update: (id, c) => tx.industryCluster.update({ where: { id }, data: { ...owned(c), ...bump } }),
  });
}

export async function loadParks(tx: Tx, rows: readonly ParkSeed[]): Promise<SyncResult> {
  const owned = (p: ParkSeed) => ({ nameZh: p.nameZh, nameEn: p.nameEn, kind: p.kind });
  return sync({
    model: 'park',
    rows,
    key: (p) => p.code,
    stored: await tx.park.findMany({ where: { code: { in: rows.map((p) => p.code) } } }),
    storedKey: (s) => s.code,
    owned,
    create: async (rs) =>
      byCode(
        await tx.park.createManyAndReturn({
          data: rs.map((p) => ({ code: p.code, ...owned(p), visibility: p.visibility ?? PUBLIC })),
          select: { id: true, code: true },
        }),
      ),
    update: (id, p) => tx.park.update({ where: { id }, data: { ...owned(p), ...bump } }),
  });
}

/** Organisations, then their parents (another organisation), once all of them exist. */
export async function loadOrganisations(tx: Tx, rows: readonly OrganisationSeed[]): Promise<SyncResult> {
  const owned = (o: OrganisationSeed) => ({ nameZh: o.nameZh, nameEn: o.nameEn, type: o.type, originGroup: o.originGroup });
  const stored = await tx.organisation.findMany({ where: { code: { in: rows.map((o) => o.code) } } });
  const synced = await sync({
    model: 'organisation',
    rows,
    key: (o) => o.code,
    stored,
    storedKey: (s) => s.code,
    owned,
    create: async (rs) =>
      byCode(
        await tx.organisation.createManyAndReturn({
          data: rs.map((o) => ({ code: o.code, ...owned(o), visibility: o.visibility ?? PUBLIC })),
          select: { id: true, code: true },
        }),
      ),
    update: (id, o) => tx.organisation.update({ where: { id }, data: { ...owned(o), ...bump } }),
  });
  return linkParents({
    model: 'organisation',
    rows,
    key: (o) => o.code,
    parentKey: (o) => o.parentCode,
    synced,
    storedParents: new Map(stored.map((s) => [s.code, s.parentId])),
    setParent: (id, parentId, bumped) => tx.organisation.update({ where: { id }, data: { parentId, ...(bumped ? bump : {}) } }),
  });
}

export async function loadOfficials(tx: Tx, rows: readonly OfficialSeed[], organisations: IdMap): Promise<SyncResult> {
  const owned = (o: OfficialSeed) => ({
    nameZh: o.nameZh,
    nameEn: o.nameEn,
    postZh: o.postZh,
    postEn: o.postEn,
    organisationId: maybe(organisations, o.organisationCode, 'organisation'),
  });
  return sync({
    model: 'official',
    rows,
    key: (o) => o.code,
    stored: await tx.official.findMany({ where: { code: { in: rows.map((o) => o.code) } } }),
    storedKey: (s) => s.code,
    owned,
    create: async (rs) =>
      byCode(
        await tx.official.createManyAndReturn({
          data: rs.map((o) => ({ code: o.code, ...owned(o), visibility: o.visibility ?? PUBLIC })),
          select: { id: true, code: true },
        }),
      ),
    update: (id, o) => tx.official.update({ where: { id }, data: { ...owned(o), ...bump } }),
  });
}

export async function loadFindingCategories(tx: Tx, rows: readonly FindingCategorySeed[]): Promise<SyncResult> {
  const owned = (c: FindingCategorySeed) => ({ nameZh: c.nameZh, nameEn: c.nameEn });
  return sync({
    model: 'finding category',
    rows,
    key: (c) => c.code,
    stored: await tx.findingCategory.findMany({ where: { code: { in: rows.map((c) => c.code) } } }),
    storedKey: (s) => s.code,
    owned,
    create: async (rs) =>
      byCode(
        await tx.findingCategory.createManyAndReturn({
          data: rs.map((c) => ({ code: c.code, ...owned(c), visibility: c.visibility ?? PUBLIC })),
          select: { id: true, code: true },
        }),
      ),
    update: (id, c) => tx.findingCategory.update({ where: { id }, data: { ...owned(c), ...bump } }),
  });
}
