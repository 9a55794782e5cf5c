import type { EChartsCoreOption } from 'echarts/core';
import { lazy, Suspense } from 'react';
import { useLanguage } from '../i18n/context.tsx';

export type ChartOption = EChartsCoreOption;

// The charting library is most of the bundle's weight: it is fetched when a
// view with a chart first opens, not with the page.
const EChartCanvas = lazy(() => import('./EChartCanvas.tsx'));

/** One chart; `label` names it for screen readers (the canvas itself says nothing). */
export function EChart(props: { option: ChartOption; height?: number; label: string }) {
  const { t } = useLanguage();
  return (
    <Suspense
      fallback={
        <p className="loading" style={{ height: props.height ?? 320 }}>
          {t.loading}
        </p>
      }
    >
      <EChartCanvas {...props} />
    </Suspense>
  );
}

/** The page's palette, shared with the CSS. */
export const colours = {
  primary: '#b4282d',
  secondary: '#2f6fad',
  muted: '#9aa5b1',
  good: '#2e8b57',
  warn: '#d98e04',
  bad: '#c0392b',
};
