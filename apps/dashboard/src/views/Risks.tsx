import type { OversightReportQuery, RiskReportQuery } from '@zonegraph/sdk';
import { Link } from 'wouter';
import { useOversightReport, useRiskReport } from '@zonegraph/sdk/react';
import { Section, StageBadge, Stat, Table } from '../components/bits.tsx';
import { Query } from '../components/Query.tsx';
import { daysLabel, formatDay, formatPercent } from '../format.ts';
import { pick, useLanguage } from '../i18n/context.tsx';

type Risk = NonNullable<RiskReportQuery['riskReport']>;
type Oversight = NonNullable<OversightReportQuery['oversightReport']>;

/** Projects at risk of missing their target stage, overdue obstacles and findings. */
export function Risks() {
  const { t } = useLanguage();
  const risk = useRiskReport({ first: 50 });
  const oversight = useOversightReport();
  return (
    <>
      <h1>{t.risks.title}</h1>
      <Query result={risk}>{(data) => (data.riskReport ? <RiskView report={data.riskReport} /> : <p className="muted">{t.noData}</p>)}</Query>
      <Section title={t.risks.oversight}>
        <Query result={oversight}>
          {(data) => (data.oversightReport ? <OversightView report={data.oversightReport} /> : <p className="muted">{t.noData}</p>)}
        </Query>
      </Section>
    </>
  );
}

function RiskView({ report }: { report: Risk }) {
  const { t, lang, name } = useLanguage();
  const { summary } = report;
  return (
    <>
      <div className="stats">
        <Stat
          label={t.risks.projectsOverdue}
          value={summary.projectsOverdue}
          tone={summary.projectsOverdue > 0 ? 'bad' : 'good'}
          testId="risk-projects-overdue"
        />
        <Stat label={t.risks.projectsDueSoon} value={summary.projectsDueSoon} tone={summary.projectsDueSoon > 0 ? 'warn' : undefined} />
        <Stat label={t.risks.obstaclesOverdue} value={summary.obstaclesOverdue} tone={summary.obstaclesOverdue > 0 ? 'bad' : 'good'} />
        <Stat label={t.risks.findingsOverdue} value={summary.findingsOverdue} tone={summary.findingsOverdue > 0 ? 'bad' : 'good'} />
        <Stat label={t.risks.indicatorsBehind} value={summary.indicatorsBehind} tone={summary.indicatorsBehind > 0 ? 'warn' : undefined} />
      </div>
      <Section title={`${t.risks.projectsAtRisk} (${report.projects.totalCount})`}>
        <Table
          columns={[t.projects.code, t.projects.name, t.projects.stage, t.projects.targetStage, t.risks.due, { label: '', numeric: true }]}
          rowCount={report.projects.nodes.length}
          empty={t.risks.none}
          testId="risk-projects"
        >
          {report.projects.nodes.map((p) => (
            <tr key={p.code} className={p.overdue ? 'overdue' : undefined}>
              <td>
                <Link href={`/projects/${encodeURIComponent(p.code)}`}>{p.code}</Link>
              </td>
              <td>{name(p)}</td>
              <td>
                <StageBadge stage={p.stage} />
              </td>
              <td>
                <StageBadge stage={p.targetStage} />
              </td>
              <td>{formatDay(p.dueOn, lang)}</td>
              <td className="num">{daysLabel(p.daysLeft, lang)}</td>
            </tr>
          ))}
        </Table>
      </Section>
      <div className="two-columns">
        <OverdueList
          title={t.risks.obstacles}
          items={report.obstacles.nodes}
          total={report.obstacles.totalCount}
          status={(s) => t.obstacleStatus[s as keyof typeof t.obstacleStatus] ?? s}
        />
        <OverdueList
          title={t.risks.findings}
          items={report.findings.nodes}
          total={report.findings.totalCount}
          status={(s) => t.findingStatus[s as keyof typeof t.findingStatus] ?? s}
        />
      </div>
    </>
  );
}

interface OverdueItem {
  code: string;
  titleZh: string;
  titleEn?: string | null;
  status: string;
  responsibleUnit?: string | null;
  deadline: string;
  daysOverdue: number;
}

function OverdueList({ title, items, total, status }: { title: string; items: OverdueItem[]; total: number; status(s: string): string }) {
  const { t, lang } = useLanguage();
  return (
    <Section title={`${title} (${total})`}>
      <Table
        columns={[t.project.title, t.risks.responsibleUnit, t.risks.deadline, { label: t.risks.overdueBy, numeric: true }]}
        rowCount={items.length}
        empty={t.risks.none}
      >
        {items.map((item) => (
          <tr key={item.code}>
            <td>
              <span className="code">{item.code}</span> {pick(lang, item.titleZh, item.titleEn)} <span className="badge">{status(item.status)}</span>
            </td>
            <td>{item.responsibleUnit ?? '—'}</td>
            <td>{formatDay(item.deadline, lang)}</td>
            <td className="num">{daysLabel(-item.daysOverdue, lang)}</td>
          </tr>
        ))}
      </Table>
    </Section>
  );
}

function OversightView({ report }: { report: Oversight }) {
  const { t, lang } = useLanguage();
  const rows = [
    {
      label: t.project.obstacles,
      total: report.obstacles.total,
      open: report.obstacles.open,
      closed: report.obstacles.resolved,
      overdue: report.obstacles.overdue,
      rate: report.obstacles.resolutionRate,
      median: report.obstacles.medianDaysToResolve,
    },
    {
      label: t.project.findings,
      total: report.findings.total,
      open: report.findings.open,
      closed: report.findings.rectified,
      overdue: report.findings.overdue,
      rate: report.findings.rectificationRate,
      median: report.findings.medianDaysToRectify,
    },
  ];
  return (
    <Table
      columns={[
        '',
        ...[t.risks.total, t.risks.open, t.risks.resolved, t.risks.overdueBy, t.risks.rate, t.risks.medianDays].map((label) => ({ label, numeric: true })),
      ]}
      rowCount={rows.length}
    >
      {rows.map((r) => (
        <tr key={r.label}>
          <th scope="row">{r.label}</th>
          <td className="num">{r.total}</td>
          <td className="num">{r.open}</td>
          <td className="num">{r.closed}</td>
          <td className="num">{r.overdue}</td>
          <td className="num">{formatPercent(r.rate, lang)}</td>
          <td className="num">{r.median ?? '—'}</td>
        </tr>
      ))}
    </Table>
  );
}
