import type { ProjectQuery } from '@zonegraph/sdk';
import { useMemo } from 'react';
import { Link } from 'wouter';
import { useInspectionFindings, useObstacles, useProject } from '@zonegraph/sdk/react';
import { useKeepPrevious } from '../api.tsx';
import { Section, StageBadge, Stat, Table } from '../components/bits.tsx';
import { colours, EChart, type ChartOption } from '../components/EChart.tsx';
import { Query } from '../components/Query.tsx';
import { formatDay, formatMoney, formatMonth, inAxisUnit, moneyAxis } from '../format.ts';
import { pick, useLanguage } from '../i18n/context.tsx';

type Project = NonNullable<ProjectQuery['project']>;

/** One project: where it stands, how it got there, what it invested, what the inspectors found. */
export function ProjectPage({ code }: { code: string }) {
  const { t } = useLanguage();
  const project = useProject({ code }, useKeepPrevious());
  const findings = useInspectionFindings({ filter: { project: code }, first: 100 }, useKeepPrevious());
  const obstacles = useObstacles({ filter: { project: code }, first: 100 }, useKeepPrevious());
  return (
    <>
      <p>
        <Link href="/projects">← {t.project.back}</Link>
      </p>
      <Query result={project}>{(data) => (data.project ? <ProjectView project={data.project} /> : <p className="empty">{t.project.notFound}</p>)}</Query>
      {project.data?.project && (
        <div className="two-columns">
          <Section title={t.project.findings}>
            <Query result={findings}>
              {(data) => <Items items={data.inspectionFindings.nodes.map((f) => ({ ...f, date: f.foundOn, statusText: t.findingStatus[f.status] }))} />}
            </Query>
          </Section>
          <Section title={t.project.obstacles}>
            <Query result={obstacles}>
              {(data) => <Items items={data.obstacles.nodes.map((o) => ({ ...o, date: o.raisedOn, statusText: t.obstacleStatus[o.status] }))} />}
            </Query>
          </Section>
        </div>
      )}
    </>
  );
}

function ProjectView({ project }: { project: Project }) {
  const { t, lang, name } = useLanguage();
  const investments = [...project.investments.nodes].sort((a, b) => a.month.localeCompare(b.month));
  const history = [...project.stageHistory.nodes].sort((a, b) => a.occurredOn.localeCompare(b.occurredOn));
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 8, top: 28, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: investments.map((i) => formatMonth(i.month, lang)) },
      yAxis: { type: 'value', name: moneyAxis(lang).unit },
      series: [{ type: 'bar', name: t.project.amount, data: investments.map((i) => inAxisUnit(i.amount, lang)), itemStyle: { color: colours.primary } }],
    }),
    [investments, lang, t],
  );
  return (
    <>
      <h1 data-testid="project-title">
        <span className="code">{project.code}</span> {name(project)}
      </h1>
      {pick(lang, project.summaryZh, project.summaryEn) !== '—' && <p className="summary">{pick(lang, project.summaryZh, project.summaryEn)}</p>}
      <div className="stats">
        <Stat label={t.projects.stage} value={<StageBadge stage={project.stage} />} />
        <Stat label={t.projects.targetStage} value={<StageBadge stage={project.targetStage} />} />
        <Stat label={t.projects.targetDate} value={formatDay(project.targetDate, lang)} />
        <Stat label={t.projects.planned} value={formatMoney(project.plannedInvestment, lang)} />
        <Stat label={t.projects.completed} value={formatMoney(project.completedInvestment, lang)} />
      </div>
      <dl className="facts">
        <dt>{t.projects.campaign}</dt>
        <dd>{project.campaign ? name(project.campaign) : '—'}</dd>
        <dt>{t.project.cluster}</dt>
        <dd>{project.cluster ? name(project.cluster) : '—'}</dd>
        <dt>{t.project.sector}</dt>
        <dd>{project.sector ? name(project.sector) : '—'}</dd>
        <dt>{t.project.park}</dt>
        <dd>{project.park ? name(project.park) : '—'}</dd>
        <dt>{t.project.organisations}</dt>
        <dd>
          {project.organisations.nodes
            .map((o) => `${name(o)}${o.originGroup && o.originGroup !== 'OTHER' ? `（${t.originGroup[o.originGroup]}）` : ''}`)
            .join('、') || '—'}
        </dd>
        <dt>{t.project.keyProject}</dt>
        <dd>{project.isKeyProject ? t.project.yes : t.project.no}</dd>
        <dt>{t.project.fiveYearPlan}</dt>
        <dd>{project.inFiveYearPlan ? t.project.yes : t.project.no}</dd>
      </dl>
      <div className="two-columns">
        <Section title={t.project.stageHistory}>
          <Table columns={[t.project.date, t.project.from, t.project.to, t.project.note]} rowCount={history.length} empty={t.noData} testId="stage-history">
            {history.map((change) => (
              <tr key={change.id}>
                <td>{formatDay(change.occurredOn, lang)}</td>
                <td>
                  <StageBadge stage={change.fromStage} />
                </td>
                <td>
                  <StageBadge stage={change.toStage} />
                </td>
                <td>{change.note ?? ''}</td>
              </tr>
            ))}
          </Table>
        </Section>
        <Section title={t.project.investment}>
          {investments.length === 0 ? (
            <p className="muted">{project.completedInvestment === null ? t.hiddenFigure : t.noData}</p>
          ) : (
            <EChart option={option} height={240} label={investments.map((i) => `${formatMonth(i.month, lang)} ${formatMoney(i.amount, lang)}`).join('; ')} />
          )}
        </Section>
      </div>
    </>
  );
}

interface Item {
  code: string;
  titleZh: string;
  titleEn?: string | null;
  statusText: string;
  date: string;
  deadline?: string | null;
  responsibleUnit?: string | null;
}

function Items({ items }: { items: Item[] }) {
  const { t, lang } = useLanguage();
  return (
    <Table
      columns={[t.project.title, t.project.status, t.project.date, t.risks.deadline, t.risks.responsibleUnit]}
      rowCount={items.length}
      empty={t.risks.none}
    >
      {items.map((item) => (
        <tr key={item.code}>
          <td>
            <span className="code">{item.code}</span> {pick(lang, item.titleZh, item.titleEn)}
          </td>
          <td>{item.statusText}</td>
          <td>{formatDay(item.date, lang)}</td>
          <td>{formatDay(item.deadline, lang)}</td>
          <td>{item.responsibleUnit ?? '—'}</td>
        </tr>
      ))}
    </Table>
  );
}
