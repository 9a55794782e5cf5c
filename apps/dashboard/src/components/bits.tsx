import type { ProjectStage } from '@zonegraph/sdk';
import type { ReactNode } from 'react';
import { useLanguage } from '../i18n/context.tsx';

export function Stat({ label, value, tone, testId }: { label: string; value: ReactNode; tone?: 'good' | 'warn' | 'bad'; testId?: string }) {
  return (
    <div className={`stat${tone ? ` ${tone}` : ''}`} data-testid={testId}>
      <span className="stat-label">{label}</span>
      <span className="stat-value">{value}</span>
    </div>
  );
}

export function StageBadge({ stage }: { stage: ProjectStage | null | undefined }) {
  const { t } = useLanguage();
  if (!stage) return <span className="muted">—</span>;
  return <span className={`badge stage-${stage.toLowerCase()}`}>{t.stage[stage]}</span>;
}

export function Section({ title, children, actions }: { title: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <section className="card">
      <header className="card-header">
        <h2>{title}</h2>
        {actions}
      </header>
      {children}
    </section>
  );
}
