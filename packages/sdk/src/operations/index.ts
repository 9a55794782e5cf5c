import {
  CampaignDocument,
  CampaignsDocument,
  IndustryClustersDocument,
  InspectionFindingsDocument,
  ObstaclesDocument,
  OrganisationsDocument,
  ParksDocument,
  PlatformsDocument,
  ProgrammeDocument,
  ProjectDocument,
  ProjectsDocument,
  SectorsDocument,
} from '../gql/graphql.ts';

/**
 * The operations the client exposes as functions, named after the root field
 * each reads. Shipping a new one: add its query to a `.graphql` file here,
 * run `pnpm generate`, and add its document to this map.
 */
export const operations = {
  programme: ProgrammeDocument,
  campaigns: CampaignsDocument,
  campaign: CampaignDocument,
  projects: ProjectsDocument,
  project: ProjectDocument,
  platforms: PlatformsDocument,
  sectors: SectorsDocument,
  industryClusters: IndustryClustersDocument,
  parks: ParksDocument,
  organisations: OrganisationsDocument,
  obstacles: ObstaclesDocument,
  inspectionFindings: InspectionFindingsDocument,
} as const;

export type Operations = typeof operations;
