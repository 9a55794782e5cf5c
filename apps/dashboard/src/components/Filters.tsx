import type { OriginGroup, ProjectStage } from '@zonegraph/sdk';
import { useSearchParams } from 'wouter';
import { useCampaigns, useIndustryClusters, useParks } from '@zonegraph/sdk/react';
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

const FILTER_KEYS = ['campaign', 'cluster', 'park', 'originGroup', 'stage'] as const satisfies readonly (keyof ProjectFilters)[];

/**
 * The filters kept in the address (`?campaign=GZK-2020-C4&stage=SIGNED`), so
 * that a filtered view can be reloaded, bookmarked and sent to a colleague.
 * A value the API would refuse (an unknown origin group or stage) is ignored;
 * an unknown code simply matches nothing, as in the API.
 */
export function useFiltersInUrl(): [ProjectFilters, (next: ProjectFilters) => void] {
  const [params, setParams] = useSearchParams();
  const filters: ProjectFilters = {};
  const campaign = params.get('campaign');
  const cluster = params.get('cluster');
  const park = params.get('park');
  const originGroup = params.get('originGroup');
  const stage = params.get('stage');
  if (campaign) filters.campaign = campaign;
  if (cluster) filters.cluster = cluster;
  if (park) filters.park = park;
  if (originGroup && (ORIGIN_GROUPS as string[]).includes(originGroup)) filters.originGroup = originGroup as OriginGroup;
  if (stage && (ALL_STAGES as string[]).includes(stage)) filters.stage = stage as ProjectStage;
  const set = (next: ProjectFilters) =>
    setParams(
      (current) => {
        const updated = new URLSearchParams(current);
        for (const key of FILTER_KEYS) {
          const value = next[key];
          if (value) updated.set(key, value);
          else updated.delete(key);
        }
        return updated;
      },
      { replace: true },
    );
  return [filters, set];
}

/** The filters the pipeline and the project table share; options come from the API. */
export function FilterBar({ value, onChange, withStage = false }: { value: ProjectFilters; onChange(next: ProjectFilters): void; withStage?: boolean }) {
  const { t, name } = useLanguage();
  const campaigns = useCampaigns({ first: 100 });
  const clusters = useIndustryClusters({ first: 100 });
  const parks = useParks({ first: 100 });
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
