import {
  CadenceReportDocument,
  CampaignDocument,
  CampaignsDocument,
  IndustryClustersDocument,
  InspectionFindingsDocument,
  InvestmentReportDocument,
  ObstaclesDocument,
  OrganisationsDocument,
  OversightReportDocument,
  ParksDocument,
  PipelineReportDocument,
  PlatformsDocument,
  ProgrammeDocument,
  ProgressReportDocument,
  ProjectDocument,
  ProjectsDocument,
  RiskReportDocument,
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
  progressReport: ProgressReportDocument,
  pipelineReport: PipelineReportDocument,
  investmentReport: InvestmentReportDocument,
  cadenceReport: CadenceReportDocument,
  riskReport: RiskReportDocument,
  oversightReport: OversightReportDocument,
} as const;

export type Operations = typeof operations;
