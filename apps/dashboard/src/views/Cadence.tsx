import type { CadenceReportQuery } from '@zonegraph/sdk';
import { useCadenceReport } from '@zonegraph/sdk/react';
import { Section, Stat } from '../components/bits.tsx';
import { Query } from '../components/Query.tsx';
import { periodLabel, periodRange, streakLabel } from '../format.ts';
import { pick, useLanguage } from '../i18n/context.tsx';

type Rule = NonNullable<CadenceReportQuery['cadenceReport']>['rules'][number];

// The calendar shows the rules kept week by week, month by month and quarter by
// quarter; talks happen daily and are summed up by their streak alone.
const CALENDAR_PERIODS = ['WEEK', 'MONTH', 'QUARTER'] as const;

/** The cadence calendar: which periods kept each rule, and the current streak. */
export function Cadence() {
  const { t } = useLanguage();
  const report = useCadenceReport();
  return (
    <>
      <h1>{t.cadence.title}</h1>
      <Legend />
      <Query result={report}>
        {(data) => {
          const rules = data.cadenceReport?.rules ?? [];
          if (rules.length === 0) return <p className="muted">{t.noData}</p>;
          const ordered = [...rules].sort((a, b) => order(a) - order(b));
          return ordered.map((rule) => <RuleCalendar key={`${rule.activity}-${rule.period}`} rule={rule} />);
        }}
      </Query>
    </>
  );
}

const order = (rule: Rule) => {
  const index = (CALENDAR_PERIODS as readonly string[]).indexOf(rule.period);
  return index === -1 ? CALENDAR_PERIODS.length : index;
};

function Legend() {
  const { t } = useLanguage();
  return (
    <p className="legend" aria-label={t.cadence.legend}>
      <span className="cell held" /> {t.cadence.held} <span className="cell broken" /> {t.cadence.broken} <span className="cell in-progress" />{' '}
      {t.cadence.inProgress}
    </p>
  );
}

function RuleCalendar({ rule }: { rule: Rule }) {
  const { t, lang } = useLanguage();
  const showCells = (CALENDAR_PERIODS as readonly string[]).includes(rule.period);
  return (
    <Section title={pick(lang, rule.textZh, rule.textEn)}>
      <div className="stats">
        <Stat
          label={t.cadence.streak}
          value={streakLabel(rule.currentStreak, rule.period, lang)}
          tone={rule.currentStreak > 0 ? 'good' : 'warn'}
          testId={`streak-${rule.activity}`}
        />
        <Stat label={t.cadence.longest} value={streakLabel(rule.longestStreak, rule.period, lang)} />
        <Stat label={t.cadence.periodsHeld} value={`${rule.periodsHeld} / ${rule.periodsHeld + rule.periodsBroken}`} />
      </div>
      {showCells && (
        <ol className={`calendar calendar-${rule.period.toLowerCase()}`} data-testid={`calendar-${rule.period}`}>
          {rule.periods.map((period) => {
            const state = period.inProgress && !period.held ? 'in-progress' : period.held ? 'held' : 'broken';
            const label = `${periodLabel(rule.period, period.start, lang)} (${periodRange(period.start, period.end, lang)}): ${t.cadence.count} ${period.count}`;
            return (
              <li key={period.start} className={`cell ${state}`} title={label} aria-label={label}>
                {rule.period === 'WEEK'
                  ? ''
                  : periodLabel(rule.period, period.start, lang)
                      .replace(/^\d{4}年/, '')
                      .replace(/ \d{4}$/, '')}
              </li>
            );
          })}
        </ol>
      )}
    </Section>
  );
}
