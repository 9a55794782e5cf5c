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

export type Column = string | { label: string; numeric?: boolean };

/** A table with a header row; when there are no rows, the `empty` message instead. */
export function Table({
  columns,
  rowCount,
  empty,
  testId,
  children,
}: {
  columns: Column[];
  rowCount: number;
  empty?: string;
  testId?: string;
  children: ReactNode;
}) {
  if (rowCount === 0 && empty !== undefined) return <p className="muted">{empty}</p>;
  return (
    // On a narrow screen a wide table scrolls within its box, not the page.
    <div className="table-scroll">
    <table data-testid={testId}>
      <thead>
        <tr>
          {columns.map((column, index) => {
            const { label, numeric } = typeof column === 'string' ? { label: column, numeric: false } : column;
            return (
              <th key={index} scope="col" className={numeric ? 'num' : undefined}>
                {label}
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
    </div>
  );
}
