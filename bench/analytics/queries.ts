// The analytics questions the benchmark asks, as an analyst would ask each in one GraphQL query.

/** Noon on 30 September 2020 in Shanghai: three quarters into the generated programme's year. */
export const AS_OF = '2020-09-30T04:00:00Z';

const TOTALS = 'projects withTarget reachedTarget reachedTargetPercent plannedInvestment completedInvestment projectsWithVisibleFigures';
const PROGRESS_SUMMARY = 'indicators achieved onTrack behind noData averagePercentComplete';
const PERIOD = 'label amount previousYearAmount growthPercent cumulative cumulativeTargetPercent expectedCumulative';

export const benchmarkQueries: { name: string; query: string }[] = [
  {
    name: 'progress: summary, campaigns, first 100 indicators',
    query: `query ($p: String, $asOf: DateTime) { progressReport(programme: $p, asOf: $asOf) {
      asOf summary { ${PROGRESS_SUMMARY} } programmeWide { ${PROGRESS_SUMMARY} }
      campaigns { campaign { code } summary { ${PROGRESS_SUMMARY} } }
      indicators(first: 100) { totalCount nodes { code baseline target latestValue expectedValue percentComplete status } } } }`,
  },
  {
    name: 'progress: indicators behind, page 50',
    query: `query ($p: String, $asOf: DateTime) { progressReport(programme: $p, asOf: $asOf) {
      indicators(status: [BEHIND], first: 20, after: "T2Zmc2V0Q29ubmVjdGlvbjo5ODA=") { totalCount nodes { code status percentComplete } } } }`,
  },
  {
    name: 'pipeline: total and by stage',
    query: `query ($p: String) { pipelineReport(programme: $p) { total { ${TOTALS} } groups(by: [STAGE]) { stage figures { ${TOTALS} } } } }`,
  },
  {
    name: 'pipeline: target stage x current stage',
    query: `query ($p: String) { pipelineReport(programme: $p) { groups(by: [TARGET_STAGE, STAGE]) { targetStage stage figures { projects reachedTarget } } } }`,
  },
  {
    name: 'pipeline: due to start construction this year, how many have',
    query: `query ($p: String) { pipelineReport(programme: $p, filter: { targetStage: [UNDER_CONSTRUCTION], targetDateFrom: "2020-01-01", targetDateTo: "2020-12-31" }) {
      total { withTarget reachedTarget notReachedTarget reachedTargetPercent } } }`,
  },
  {
    name: 'pipeline: by campaign x cluster',
    query: `query ($p: String) { pipelineReport(programme: $p) { groups(by: [CAMPAIGN, CLUSTER]) { campaign { code } cluster { code } figures { ${TOTALS} } } } }`,
  },
  {
    name: 'pipeline: by origin group x stage',
    query: `query ($p: String) { pipelineReport(programme: $p) { groups(by: [ORIGIN_GROUP, STAGE]) { originGroup stage figures { ${TOTALS} } } } }`,
  },
  {
    name: 'pipeline: by park and by sector, one campaign',
    query: `query ($p: String) { pipelineReport(programme: $p, filter: { campaign: ["BENCH-C03"] }) {
      parks: groups(by: [PARK]) { park { code } figures { ${TOTALS} } } sectors: groups(by: [SECTOR]) { sector { code } figures { ${TOTALS} } } } }`,
  },
  {
    name: 'investment: total, months, quarters',
    query: `query ($p: String) { investmentReport(programme: $p) { target total { amount previousYearAmount growthPercent targetPercent }
      months { ${PERIOD} } quarters { ${PERIOD} } } }`,
  },
  {
    name: 'investment: by campaign, cluster, park',
    query: `query ($p: String) { investmentReport(programme: $p) {
      campaigns: groups(by: CAMPAIGN) { group { code } amount previousYearAmount growthPercent sharePercent }
      clusters: groups(by: CLUSTER) { group { code } amount growthPercent sharePercent }
      parks: groups(by: PARK) { group { code } amount growthPercent sharePercent } } }`,
  },
  {
    name: 'investment: one cluster by month',
    query: `query ($p: String) { investmentReport(programme: $p, filter: { cluster: ["BENCH-CL-07"] }) { total { amount growthPercent } months { ${PERIOD} } } }`,
  },
  {
    name: 'cadence: every rule, every period of the year',
    query: `query ($p: String, $asOf: DateTime) { cadenceReport(programme: $p, asOf: $asOf) { asOf rules {
      activity period periodsHeld periodsBroken currentStreak longestStreak periods { start end count held inProgress } } } }`,
  },
  {
    name: 'risk: summary and first page of each list',
    query: `query ($p: String, $asOf: DateTime) { riskReport(programme: $p, asOf: $asOf) {
      summary { projectsOverdue projectsDueSoon obstaclesOverdue findingsOverdue indicatorsBehind }
      projects(first: 20) { totalCount nodes { code stage targetStage dueOn daysLeft } }
      obstacles(first: 20) { totalCount nodes { code status daysOverdue } }
      findings(first: 20) { totalCount nodes { code status daysOverdue } }
      indicators(first: 20) { totalCount nodes { code percentComplete } } } }`,
  },
  {
    name: 'oversight: totals and by responsible unit',
    query: `query ($p: String, $asOf: DateTime) { oversightReport(programme: $p, asOf: $asOf) {
      obstacles { total open resolved overdue resolutionRate medianDaysToResolve }
      findings { total open rectified overdue rectificationRate medianDaysToRectify }
      byResponsibleUnit { responsibleUnit obstacles { total resolutionRate medianDaysToResolve } findings { total rectificationRate } } } }`,
  },
];
