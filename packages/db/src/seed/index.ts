// Loads the programme of the source document into the database. Idempotent:
// rows are matched by code (cadence rules by programme and activity), missing
// ones created, differing ones updated, equal ones left untouched, so a second
// run writes nothing. Rows the seed does not know are never deleted.
import type { PrismaClient } from '../generated/prisma/client.ts';
import { seedData } from './data/index.ts';
import { loadClusters, loadFindingCategories, loadOfficials, loadOrganisations, loadParks, loadSectors } from './load/catalogue.ts';
import { loadPlatforms, loadProjects } from './load/links.ts';
import {
  loadCadenceRules,
  loadCampaigns,
  loadIndicators,
  loadKeyTasks,
  loadMechanisms,
  loadProgrammes,
  loadZones,
} from './load/programme.ts';
import type { SyncResult, Tx } from './sync.ts';
import type { SeedData } from './types.ts';

export { seedData } from './data/index.ts';
export type * from './types.ts';

export type SeedModel = keyof SeedData;

/** How many records of each model the seed holds, all of which are in the database afterwards. */
export type SeedSummary = Record<SeedModel, number>;

export interface SeedOptions {
  /** Told how many rows of each model were created and updated (both 0 on a re-run). */
  onChanges?: (changes: Record<SeedModel, { created: number; updated: number }>) => void;
}

export async function seed(prisma: PrismaClient, options: SeedOptions = {}): Promise<SeedSummary> {
  const results = await prisma.$transaction((tx) => load(tx, seedData), {
    // PGlite serves one statement at a time; leave room for a slow CI machine.
    maxWait: 30_000,
    timeout: 120_000,
  });
  options.onChanges?.(mapModels(results, (r) => ({ created: r.created, updated: r.updated })));
  return mapModels(results, (_r, model) => seedData[model].length);
}

async function load(tx: Tx, data: SeedData): Promise<Record<SeedModel, SyncResult>> {
  const zones = await loadZones(tx, data.zones);
  // Before the programme, which names the official it answers to.
  const organisations = await loadOrganisations(tx, data.organisations);
  const officials = await loadOfficials(tx, data.officials, organisations.ids);
  const programmes = await loadProgrammes(tx, data.programmes, { zones: zones.ids, officials: officials.ids });
  const cadenceRules = await loadCadenceRules(tx, data.cadenceRules, programmes.ids);
  const campaigns = await loadCampaigns(tx, data.campaigns, programmes.ids);
  const keyTasks = await loadKeyTasks(tx, data.keyTasks, campaigns.ids);
  const indicators = await loadIndicators(tx, data.indicators, {
    programmes: programmes.ids,
    campaigns: campaigns.ids,
    keyTasks: keyTasks.ids,
  });
  const mechanisms = await loadMechanisms(tx, data.mechanisms, campaigns.ids);
  const sectors = await loadSectors(tx, data.sectors);
  const clusters = await loadClusters(tx, data.clusters, sectors.ids);
  const parks = await loadParks(tx, data.parks);
  const platforms = await loadPlatforms(tx, data.platforms, {
    campaigns: campaigns.ids,
    organisations: organisations.ids,
    parks: parks.ids,
  });
  const projects = await loadProjects(tx, data.projects, {
    programmes: programmes.ids,
    campaigns: campaigns.ids,
    clusters: clusters.ids,
    sectors: sectors.ids,
    parks: parks.ids,
    organisations: organisations.ids,
    platforms: platforms.ids,
  });
  const findingCategories = await loadFindingCategories(tx, data.findingCategories);
  return {
    zones,
    organisations,
    officials,
    programmes,
    cadenceRules,
    campaigns,
    keyTasks,
    indicators,
    mechanisms,
    sectors,
    clusters,
    parks,
    platforms,
    projects,
    findingCategories,
  };
}

function mapModels<T>(results: Record<SeedModel, SyncResult>, f: (r: SyncResult, model: SeedModel) => T): Record<SeedModel, T> {
  const models = Object.keys(results) as SeedModel[];
  return Object.fromEntries(models.map((m) => [m, f(results[m], m)])) as Record<SeedModel, T>;
}
