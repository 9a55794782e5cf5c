import type { InvestmentReportQuery } from '@zonegraph/sdk';
import { useMemo } from 'react';
import { useInvestmentReport } from '@zonegraph/sdk/react';
import { useApi } from '../api.tsx';
import { Section, Stat, Table } from '../components/bits.tsx';
import { colours, EChart, type ChartOption } from '../components/EChart.tsx';
import { Query } from '../components/Query.tsx';
import { formatGrowth, formatMoney, formatPartialMoney, formatMonthShort, formatPercent, inAxisUnit, moneyAxis, periodLabel, type Lang } from '../format.ts';
import { useLanguage } from '../i18n/context.tsx';
import type { Messages } from '../i18n/messages.ts';

type Report = NonNullable<InvestmentReportQuery['investmentReport']>;

/** Investment completed by month against the year's target, with the year before. */
export function Investment() {
  const { t } = useLanguage();
  const { apiKey } = useApi();
  const report = useInvestmentReport({ by: 'CAMPAIGN' });
  return (
    <>
      <h1>{t.investment.title}</h1>
      {!apiKey && <p className="note">{t.investment.hiddenNote}</p>}
      <Query result={report}>
        {(data) => (data.investmentReport ? <InvestmentView report={data.investmentReport} /> : <p className="muted">{t.noData}</p>)}
      </Query>
    </>
  );
}

export function investmentChart(report: Report, lang: Lang, t: Messages): ChartOption {
  const { unit } = moneyAxis(lang);
  const target = inAxisUnit(report.target, lang);
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? `${v} ${unit}` : '—') },
    legend: { bottom: 0 },
    grid: { left: 16, right: 16, top: 48, bottom: 40, containLabel: true },
    xAxis: { type: 'category', data: report.months.map((m) => formatMonthShort(m.start, lang)) },
    yAxis: [
      { type: 'value', name: `${t.investment.monthly} (${unit})`, nameTextStyle: { align: 'left' } },
      {
        type: 'value',
        name: `${t.investment.cumulative} (${unit})`,
        nameTextStyle: { align: 'right' },
        splitLine: { show: false },
        max: target !== null ? (v: { max: number }) => Math.max(v.max, target) : undefined,
      },
    ],
    series: [
      { name: t.investment.monthly, type: 'bar', data: report.months.map((m) => inAxisUnit(m.amount, lang)), itemStyle: { color: colours.primary } },
      {
        name: t.investment.previousYear,
        type: 'bar',
        data: report.months.map((m) => inAxisUnit(m.previousYearAmount, lang)),
        itemStyle: { color: colours.muted },
      },
      {
        name: t.investment.cumulative,
        type: 'line',
        yAxisIndex: 1,
        data: report.months.map((m) => inAxisUnit(m.cumulative, lang)),
        itemStyle: { color: colours.secondary },
        ...(target !== null && {
          markLine: {
            symbol: 'none',
            lineStyle: { color: colours.bad, type: 'solid' },
            label: { formatter: `${t.investment.target} ${formatMoney(report.target, lang)}`, position: 'insideEndBottom' },
            data: [{ yAxis: target }],
          },
        }),
      },
      {
        name: t.investment.expected,
        type: 'line',
        yAxisIndex: 1,
        data: report.months.map((m) => inAxisUnit(m.expectedCumulative, lang)),
        lineStyle: { type: 'dashed' },
        itemStyle: { color: colours.warn },
        symbol: 'none',
      },
    ],
  };
}

function InvestmentView({ report }: { report: Report }) {
  const { t, lang, name } = useLanguage();
  const hidden = { hidden: t.hiddenFigure, leftOut: t.hiddenRecords };
  const option = useMemo(() => investmentChart(report, lang, t), [report, lang, t]);
  return (
    <>
      <div className="stats">
        <Stat label={t.investment.total} value={formatPartialMoney(report.total.amount, report.total.hiddenRecords, lang, hidden)} testId="investment-total" />
        <Stat label={t.investment.target} value={formatMoney(report.target, lang)} />
        <Stat label={t.investment.ofTarget} value={formatPercent(report.total.targetPercent, lang)} />
        <Stat label={t.investment.previousYear} value={formatMoney(report.total.previousYearAmount, lang)} />
        <Stat label={t.investment.growth} value={formatGrowth(report.total.growthPercent, lang)} />
        {report.growthTarget && <Stat label={t.investment.growthTarget} value={formatPercent(Number(report.growthTarget), lang)} />}
      </div>
      <Section title={t.investment.title}>
        <EChart option={option} height={360} label={`${t.investment.total} ${formatMoney(report.total.amount, lang)} / ${formatMoney(report.target, lang)}`} />
      </Section>
      <div className="two-columns">
        <Section title={t.investment.quarters}>
          <Table
            columns={[
              t.investment.quarter,
              ...[t.investment.periodAmount, t.investment.previousYear, t.investment.growth, t.investment.cumulative].map((label) => ({
                label,
                numeric: true,
              })),
            ]}
            rowCount={report.quarters.length}
          >
            {report.quarters.map((q) => (
              <tr key={q.start}>
                <td>{periodLabel('QUARTER', q.start, lang)}</td>
                <td className="num">{formatPartialMoney(q.amount, q.hiddenRecords, lang, hidden)}</td>
                <td className="num">{formatMoney(q.previousYearAmount, lang)}</td>
                <td className="num">{formatGrowth(q.growthPercent, lang)}</td>
                <td className="num">
                  {formatMoney(q.cumulative, lang)} ({formatPercent(q.cumulativeTargetPercent, lang)})
                </td>
              </tr>
            ))}
          </Table>
        </Section>
        <Section title={t.investment.byCampaign}>
          <Table
            columns={[t.filters.campaign, ...[t.investment.total, t.investment.share, t.investment.growth].map((label) => ({ label, numeric: true }))]}
            rowCount={report.groups.length}
            empty={t.noData}
          >
            {report.groups.map((g) => (
              <tr key={g.group?.code ?? 'none'}>
                <td>{g.group ? name(g.group) : '—'}</td>
                <td className="num">{formatPartialMoney(g.amount, g.hiddenRecords, lang, hidden)}</td>
                <td className="num">{formatPercent(g.sharePercent, lang)}</td>
                <td className="num">{formatGrowth(g.growthPercent, lang)}</td>
              </tr>
            ))}
          </Table>
        </Section>
      </div>
    </>
  );
}
