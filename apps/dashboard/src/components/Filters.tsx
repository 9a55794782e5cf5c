import type { OriginGroup, ProjectStage } from '@zonegraph/sdk';
import { useApiQuery } from '../api.tsx';
import { useLanguage } from '../i18n/context.tsx';
import { ALL_STAGES } from '../pipeline.ts';

export interface ProjectFilters {
  campaign?: string;
  cluster?: string;
  park?: string;
  originGroup?: OriginGroup;
  stage?: ProjectStage;
}

const ORIGIN_GROUPS: OriginGroup[] = ['CAS', 'DEFENCE_INDUSTRY', 'UNIVERSITY', 'OTHER'];

/** The filters the pipeline and the project table share; options come from the API. */
export function FilterBar({ value, onChange, withStage = false }: { value: ProjectFilters; onChange(next: ProjectFilters): void; withStage?: boolean }) {
  const { t, name } = useLanguage();
  const campaigns = useApiQuery('campaigns', { first: 100 }, (c) => c.campaigns({ first: 100 }));
  const clusters = useApiQuery('industryClusters', { first: 100 }, (c) => c.industryClusters({ first: 100 }));
  const parks = useApiQuery('parks', { first: 100 }, (c) => c.parks({ first: 100 }));
  const set = <K extends keyof ProjectFilters>(key: K, raw: string) => onChange({ ...value, [key]: raw === '' ? undefined : raw });

  const select = (key: keyof ProjectFilters, label: string, options: { value: string; label: string }[]) => (
    <label className="filter">
      <span>{label}</span>
      <select name={key} value={value[key] ?? ''} onChange={(event) => set(key, event.target.value)}>
        <option value="">{t.all}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <div className="filters">
      {select(
        'campaign',
        t.filters.campaign,
        (campaigns.data?.campaigns.nodes ?? []).map((c) => ({ value: c.code, label: name(c) })),
      )}
      {select(
        'cluster',
        t.filters.cluster,
        (clusters.data?.industryClusters.nodes ?? []).map((c) => ({ value: c.code, label: name(c) })),
      )}
      {select(
        'park',
        t.filters.park,
        (parks.data?.parks.nodes ?? []).map((p) => ({ value: p.code, label: name(p) })),
      )}
      {select(
        'originGroup',
        t.filters.originGroup,
        ORIGIN_GROUPS.map((g) => ({ value: g, label: t.originGroup[g] })),
      )}
      {withStage &&
        select(
          'stage',
          t.filters.stage,
          ALL_STAGES.map((s) => ({ value: s, label: t.stage[s] })),
        )}
    </div>
  );
}
