import type { ProgressReportQuery, ProgressStatus } from '@zonegraph/sdk';
import { useProgramme, useProgressReport } from '@zonegraph/sdk/react';
import { Section, Stat } from '../components/bits.tsx';
import { Query } from '../components/Query.tsx';
import { formatDay, formatMeasure, formatMoney, formatPercent } from '../format.ts';
import { useLanguage } from '../i18n/context.tsx';

type Report = NonNullable<ProgressReportQuery['progressReport']>;
type Indicator = Report['indicators']['nodes'][number];
type Summary = Report['summary'];

/** The programme at a glance: each campaign's indicators against their targets. */
export function Overview() {
  const { t } = useLanguage();
  const report = useProgressReport({ first: 100 });
  const programme = useProgramme();
  return (
    <>
      <h1>{t.overview.title}</h1>
      <Query result={programme}>{(data) => <ProgrammeHeader programme={data.programme} />}</Query>
      <Query result={report}>
        {(data) =>
          data.progressReport ? (
            <Campaigns report={data.progressReport} projectCounts={projectCounts(programme.data?.programme)} />
          ) : (
            <p className="muted">{t.noData}</p>
          )
        }
      </Query>
    </>
  );
}

function projectCounts(programme: { campaigns: { nodes: { code: string; projects: { totalCount: number } }[] } } | null | undefined) {
  return new Map((programme?.campaigns.nodes ?? []).map((c) => [c.code, c.projects.totalCount]));
}

function ProgrammeHeader({
  programme,
}: {
  programme: { nameZh: string; nameEn: string; periodStart: string; periodEnd: string; investmentTarget?: string | null } | null;
}) {
  const { t, lang, name } = useLanguage();
  if (!programme) return <p className="muted">{t.noData}</p>;
  return (
    <div className="programme">
      <p className="programme-name">{name(programme)}</p>
      <div className="stats">
        <Stat label={t.overview.period} value={`${formatDay(programme.periodStart, lang)} – ${formatDay(programme.periodEnd, lang)}`} />
        <Stat label={t.overview.investmentTarget} value={formatMoney(programme.investmentTarget, lang)} />
      </div>
    </div>
  );
}

function Campaigns({ report, projectCounts }: { report: Report; projectCounts: Map<string, number> }) {
  const { t, lang } = useLanguage();
  const byCampaign = new Map<string, Indicator[]>();
  const programmeWide: Indicator[] = [];
  for (const indicator of report.indicators.nodes) {
    if (!indicator.campaign) programmeWide.push(indicator);
    else byCampaign.set(indicator.campaign.code, [...(byCampaign.get(indicator.campaign.code) ?? []), indicator]);
  }
  return (
    <>
      <div className="stats">
        <Stat label={t.overview.indicators} value={report.summary.indicators} />
        <Stat label={t.overview.achieved} value={report.summary.achieved} tone="good" />
        <Stat label={t.overview.onTrack} value={report.summary.onTrack} tone="good" />
        <Stat label={t.overview.behind} value={report.summary.behind} tone={report.summary.behind > 0 ? 'bad' : undefined} />
        <Stat label={t.overview.noData} value={report.summary.noData} />
        <Stat label={t.overview.average} value={formatPercent(report.summary.averagePercentComplete, lang)} />
      </div>
      <h2 className="section-title">{t.overview.campaigns}</h2>
      <div className="campaign-grid">
        {report.campaigns.map(({ campaign, summary }) => (
          <CampaignCard
            key={campaign.code}
            campaign={campaign}
            summary={summary}
            indicators={byCampaign.get(campaign.code) ?? []}
            projects={projectCounts.get(campaign.code)}
          />
        ))}
      </div>
      {programmeWide.length > 0 && (
        <Section title={t.overview.programmeWide}>
          <IndicatorList indicators={programmeWide} />
        </Section>
      )}
    </>
  );
}

function CampaignCard({
  campaign,
  summary,
  indicators,
  projects,
}: {
  campaign: Report['campaigns'][number]['campaign'];
  summary: Summary;
  indicators: Indicator[];
  projects: number | undefined;
}) {
  const { t, lang, name } = useLanguage();
  const parts: [keyof typeof t.progressStatus, number][] = [
    ['ACHIEVED', summary.achieved],
    ['ON_TRACK', summary.onTrack],
    ['BEHIND', summary.behind],
    ['NO_DATA', summary.noData],
  ];
  return (
    <article className="card campaign" data-testid="campaign-card" data-code={campaign.code}>
      <header>
        <span className="code">{campaign.code}</span>
        <h3>{name(campaign)}</h3>
      </header>
      <div className="progress" aria-label={`${t.overview.average} ${formatPercent(summary.averagePercentComplete, lang)}`}>
        <div className="progress-fill" style={{ width: `${Math.min(100, Math.max(0, summary.averagePercentComplete ?? 0))}%` }} />
      </div>
      <p className="campaign-figures">
        {t.overview.average} <strong>{formatPercent(summary.averagePercentComplete, lang)}</strong> · {t.overview.indicators} {summary.indicators}
        {projects !== undefined && (
          <>
            {' '}
            · {t.overview.projects} {projects}
          </>
        )}
      </p>
      <div className="status-bar" role="img" aria-label={parts.map(([s, n]) => `${t.progressStatus[s]} ${n}`).join(', ')}>
        {parts.map(([status, n]) =>
          n > 0 ? <span key={status} className={`status-${status.toLowerCase()}`} style={{ flexGrow: n }} title={`${t.progressStatus[status]} ${n}`} /> : null,
        )}
      </div>
      <IndicatorList indicators={indicators} />
    </article>
  );
}

function IndicatorList({ indicators }: { indicators: Indicator[] }) {
  const { t, lang, name } = useLanguage();
  if (indicators.length === 0) return <p className="muted">{t.noData}</p>;
  return (
    <ul className="indicators">
      {indicators.map((indicator) => {
        return (
          <li key={indicator.code}>
            <span className="indicator-name">{name(indicator)}</span>
            <span className={`badge status-${indicator.status.toLowerCase()}`}>{t.progressStatus[indicator.status as ProgressStatus]}</span>
            <span className="indicator-figures">
              {formatMeasure(indicator.latestValue, indicator, lang)} / {formatMeasure(indicator.target, indicator, lang)}
              {indicator.percentComplete !== null && ` (${formatPercent(indicator.percentComplete, lang)})`}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
