import type { ProjectFilter } from '@zonegraph/sdk';
import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import { useProjects } from '@zonegraph/sdk/react';
import { useKeepPrevious } from '../api.tsx';
import { StageBadge, Table } from '../components/bits.tsx';
import { FilterBar, useFiltersInUrl, type ProjectFilters } from '../components/Filters.tsx';
import { Query } from '../components/Query.tsx';
import { formatDay, formatMoney } from '../format.ts';
import { useLanguage } from '../i18n/context.tsx';

const PAGE_SIZES = [10, 20, 50, 100] as const;

export function projectFilter(filters: ProjectFilters, search: string): ProjectFilter {
  return {
    ...(filters.campaign && { campaign: filters.campaign }),
    ...(filters.cluster && { cluster: filters.cluster }),
    ...(filters.park && { park: filters.park }),
    ...(filters.originGroup && { originGroup: [filters.originGroup] }),
    ...(filters.stage && { stage: [filters.stage] }),
    ...(search.trim() && { search: search.trim() }),
  };
}

/** Waits until typing pauses, so a search is not sent per keystroke. */
function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/** Every project the caller may see, searched, filtered and paged (cursor by cursor). */
export function Projects() {
  const { t, lang, name } = useLanguage();
  const [filters, setFilters] = useFiltersInUrl();
  const [search, setSearch] = useState('');
  const [pageSize, setPageSize] = useState<number>(20);
  const debouncedSearch = useDebounced(search, 300);
  const filter = projectFilter(filters, debouncedSearch);
  // The cursors of the pages up to this one (the API pages forwards, so going
  // back pops), kept for one filter and page size: changing either starts again
  // at the first page, in the same render, without asking with a stale cursor.
  const listKey = JSON.stringify([filter, pageSize]);
  const [paging, setPaging] = useState<{ listKey: string; cursors: (string | null)[] }>({ listKey, cursors: [null] });
  const cursors = paging.listKey === listKey ? paging.cursors : [null];
  const setCursors = (change: (current: (string | null)[]) => (string | null)[]) => setPaging({ listKey, cursors: change(cursors) });
  const after = cursors[cursors.length - 1] ?? null;

  const variables = { filter, orderBy: { field: 'CODE' as const }, first: pageSize, after };
  const projects = useProjects(variables, useKeepPrevious());

  return (
    <>
      <h1>{t.projects.title}</h1>
      <div className="filters">
        <label className="filter search">
          <span>{t.filters.search}</span>
          <input type="search" name="search" value={search} onChange={(event) => setSearch(event.target.value)} placeholder={t.filters.search} />
        </label>
      </div>
      <FilterBar value={filters} onChange={setFilters} withStage />
      <Query result={projects}>
        {({ projects: page }) => {
          const first = (cursors.length - 1) * pageSize + 1;
          return (
            <>
              <p className="muted" data-testid="project-count">
                {t.projects.count(page.totalCount)}
                {page.nodes.length > 0 && ` · ${t.projects.page(first, first + page.nodes.length - 1)}`}
              </p>
              <Table
                columns={[
                  t.projects.code,
                  t.projects.name,
                  t.projects.campaign,
                  t.projects.stage,
                  t.projects.targetStage,
                  t.projects.targetDate,
                  { label: t.projects.planned, numeric: true },
                  { label: t.projects.completed, numeric: true },
                ]}
                rowCount={page.nodes.length}
                empty={t.projects.empty}
                testId="project-table"
              >
                {page.nodes.map((project) => (
                  <tr key={project.code}>
                    <td>
                      <Link href={`/projects/${encodeURIComponent(project.code)}`}>{project.code}</Link>
                    </td>
                    <td>
                      {name(project)} {project.isKeyProject && <span className="badge key">{t.projects.key}</span>}
                    </td>
                    <td>{project.campaign ? name(project.campaign) : '—'}</td>
                    <td>
                      <StageBadge stage={project.stage} />
                    </td>
                    <td>
                      <StageBadge stage={project.targetStage} />
                    </td>
                    <td>{formatDay(project.targetDate, lang)}</td>
                    <td className="num">{formatMoney(project.plannedInvestment, lang)}</td>
                    <td className="num">{formatMoney(project.completedInvestment, lang)}</td>
                  </tr>
                ))}
              </Table>
              <nav className="pager" aria-label={t.projects.paging}>
                <label>
                  {t.projects.pageSize}{' '}
                  <select name="pageSize" value={pageSize} onChange={(event) => setPageSize(Number(event.target.value))}>
                    {PAGE_SIZES.map((size) => (
                      <option key={size} value={size}>
                        {size}
                      </option>
                    ))}
                  </select>
                </label>
                <button type="button" disabled={cursors.length <= 1} onClick={() => setCursors((c) => c.slice(0, -1))}>
                  {t.projects.previous}
                </button>
                <button type="button" disabled={!page.pageInfo.hasNextPage} onClick={() => setCursors((c) => [...c, page.pageInfo.endCursor])}>
                  {t.projects.next}
                </button>
              </nav>
            </>
          );
        }}
      </Query>
    </>
  );
}
