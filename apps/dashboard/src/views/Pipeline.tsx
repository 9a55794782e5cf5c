import type { PipelineFilter, PipelineReportQuery, ProjectStage } from '@zonegraph/sdk';
import { useMemo } from 'react';
import { usePipelineReport } from '@zonegraph/sdk/react';
import { useKeepPrevious } from '../api.tsx';
import { Section, Stat } from '../components/bits.tsx';
import { colours, EChart, type ChartOption } from '../components/EChart.tsx';
import { FilterBar, useFiltersInUrl, type ProjectFilters } from '../components/Filters.tsx';
import { Query } from '../components/Query.tsx';
import { formatPartialMoney, formatPercent } from '../format.ts';
import { useLanguage } from '../i18n/context.tsx';
import { ALL_STAGES, funnel } from '../pipeline.ts';

type Report = NonNullable<PipelineReportQuery['pipelineReport']>;
type Group = Report['groups'][number];

/** The filters as the report takes them: each one a list of one. */
export function pipelineFilter(filters: ProjectFilters): PipelineFilter {
  return {
    ...(filters.campaign && { campaign: [filters.campaign] }),
    ...(filters.cluster && { cluster: [filters.cluster] }),
    ...(filters.park && { park: [filters.park] }),
    ...(filters.originGroup && { originGroup: [filters.originGroup] }),
  };
}

/** The project pipeline: a funnel by stage, and each target stage against where its projects are. */
export function Pipeline() {
  const { t } = useLanguage();
  const [filters, setFilters] = useFiltersInUrl();
  const filter = pipelineFilter(filters);
  const byStage = usePipelineReport({ filter, by: ['STAGE'] }, useKeepPrevious());
  const byTarget = usePipelineReport({ filter, by: ['TARGET_STAGE', 'STAGE'] }, useKeepPrevious());
  return (
    <>
      <h1>{t.pipeline.title}</h1>
      <FilterBar value={filters} onChange={setFilters} />
      <Query result={byStage}>{(data) => (data.pipelineReport ? <StageView report={data.pipelineReport} /> : <p className="muted">{t.noData}</p>)}</Query>
      <Section title={t.pipeline.targetVsCurrent}>
        <Query result={byTarget}>{(data) => <TargetMatrix groups={data.pipelineReport?.groups ?? []} />}</Query>
      </Section>
    </>
  );
}

function StageView({ report }: { report: Report }) {
  const { t, lang } = useLanguage();
  const hidden = { hidden: t.hiddenFigure, leftOut: t.hiddenProjects };
  const { total } = report;
  const rows = funnel(report.groups.map((g) => ({ stage: g.stage, projects: g.figures.projects })));
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { data: [t.pipeline.reached, t.pipeline.atStage], bottom: 0 },
      grid: { left: 8, right: 24, top: 8, bottom: 32, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: rows.map((r) => t.stage[r.stage]) },
      series: [
        {
          name: t.pipeline.reached,
          type: 'bar',
          data: rows.map((r) => r.reached),
          itemStyle: { color: colours.secondary },
          label: { show: true, position: 'right' },
        },
        {
          name: t.pipeline.atStage,
          type: 'bar',
          data: rows.map((r) => r.atStage),
          itemStyle: { color: colours.primary },
          label: { show: true, position: 'right' },
        },
      ],
    }),
    [rows, t],
  );
  const offPath = report.groups.filter((g) => g.stage === 'SUSPENDED' || g.stage === 'CANCELLED' || g.stage === 'ENROLLING');
  return (
    <>
      <div className="stats">
        <Stat label={t.pipeline.total} value={total.projects} testId="pipeline-total" />
        <Stat label={t.pipeline.withTarget} value={total.withTarget} />
        <Stat label={t.pipeline.reachedTarget} value={`${total.reachedTarget} (${formatPercent(total.reachedTargetPercent, lang)})`} />
        <Stat label={t.pipeline.planned} value={formatPartialMoney(total.plannedInvestment, total.projectsWithHiddenFigures, lang, hidden)} testId="pipeline-planned" />
        <Stat label={t.pipeline.completed} value={formatPartialMoney(total.completedInvestment, total.projectsWithHiddenFigures, lang, hidden)} testId="pipeline-completed" />
      </div>
      <Section title={t.pipeline.funnel}>
        <EChart option={option} height={260} label={rows.map((r) => `${t.stage[r.stage]}: ${r.reached}`).join('; ')} />
        {offPath.length > 0 && <p className="muted">{offPath.map((g) => `${g.stage ? t.stage[g.stage] : '—'} ${g.figures.projects}`).join(' · ')}</p>}
      </Section>
    </>
  );
}

function TargetMatrix({ groups }: { groups: Group[] }) {
  const { t } = useLanguage();
  const targets = [...new Set(groups.map((g) => g.targetStage ?? null))].sort(byStageOrder);
  const currents = ALL_STAGES.filter((stage) => groups.some((g) => g.stage === stage));
  const cell = (target: ProjectStage | null, current: ProjectStage) =>
    groups.find((g) => (g.targetStage ?? null) === target && g.stage === current)?.figures.projects ?? 0;
  if (groups.length === 0) return <p className="muted">{t.noData}</p>;
  return (
    <div className="table-scroll">
    <table className="matrix" data-testid="target-matrix">
      <thead>
        <tr>
          <th scope="col">
            {t.pipeline.targetStage} ↓ / {t.projects.stage} →
          </th>
          {currents.map((stage) => (
            <th key={stage} scope="col">
              {t.stage[stage]}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {targets.map((target) => (
          <tr key={target ?? 'none'}>
            <th scope="row">{target ? t.stage[target] : t.pipeline.noTarget}</th>
            {currents.map((current) => {
              const n = cell(target, current);
              return (
                <td key={current} className={n === 0 ? 'zero' : target === current ? 'reached' : undefined}>
                  {n}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
    </div>
  );
}

function byStageOrder(a: ProjectStage | null, b: ProjectStage | null): number {
  const index = (s: ProjectStage | null) => (s === null ? ALL_STAGES.length : ALL_STAGES.indexOf(s));
  return index(a) - index(b);
}
