// The React hooks' types: variables required exactly when the operation
// requires them, results typed from the operation, a mutation's payload a
// union to narrow, an infinite query's variables without the cursor, a
// subscription's events typed. Checked by `tsc` and by `vitest run`.
import { describe, expectTypeOf, test } from 'vitest';
import type { ProjectQuery, ProjectsQuery, ProjectStageChangedSubscription, UpdateProjectMutation, ZonegraphError } from '../src/index.ts';
import {
  useCreateSector,
  useProgramme,
  useProject,
  useProjects,
  useProjectsInfinite,
  useProjectStageChangedSubscription,
  useUpdateProject,
} from '../src/react/index.ts';

describe('query hooks', () => {
  test('results and errors are typed; variables are checked', () => {
    const projects = useProjects({ first: 5, filter: { stage: ['SIGNED'] } });
    expectTypeOf(projects.data).toEqualTypeOf<ProjectsQuery | undefined>();
    expectTypeOf(projects.error).toEqualTypeOf<ZonegraphError | null>();
    expectTypeOf(useProject({ code: 'GZK-2020-P01' }).data).toEqualTypeOf<ProjectQuery | undefined>();
    // @ts-expect-error first is a number
    useProjects({ first: '5' });
    // @ts-expect-error no such stage
    useProjects({ filter: { stage: ['BUILT'] } });
  });

  test('the variables may be left out only when none is required', () => {
    useProgramme();
    useProjects();
    // @ts-expect-error project needs its code
    useProject();
    // @ts-expect-error project needs its code
    useProject({});
  });

  test('select gives the data its own type', () => {
    const codes = useProjects({ first: 5 }, { select: (data) => data.projects.nodes.map((p) => p.code) });
    expectTypeOf(codes.data).toEqualTypeOf<string[] | undefined>();
  });
});

describe('infinite query hooks', () => {
  test('take the variables without the cursor, and give pages of the query', () => {
    const pages = useProjectsInfinite({ first: 10 });
    expectTypeOf(pages.data?.pages).toEqualTypeOf<ProjectsQuery[] | undefined>();
    // @ts-expect-error the hook supplies the cursor
    useProjectsInfinite({ first: 10, after: 'abc' });
  });
});

describe('mutation hooks', () => {
  test('resolve with the payload union, narrowed by __typename', () => {
    const update = useUpdateProject();
    expectTypeOf(update.data).toEqualTypeOf<UpdateProjectMutation['updateProject'] | undefined>();
    const payload = update.data;
    if (payload?.__typename === 'UpdateProjectSuccess') expectTypeOf(payload.project.code).toEqualTypeOf<string>();
    if (payload?.__typename === 'ConflictError') expectTypeOf(payload).toHaveProperty('currentVersion');
    // @ts-expect-error no such payload kind
    if (payload?.__typename === 'UpdateProjectFailure') return;
  });

  test('mutate takes the operation\'s variables', () => {
    const create = useCreateSector();
    create.mutate({ input: { code: 'S1', kind: 'EMERGING', nameZh: '领域', nameEn: 'Sector' } });
    // @ts-expect-error kind is an enum
    create.mutate({ input: { code: 'S1', kind: 'NEW', nameZh: '领域', nameEn: 'Sector' } });
    // @ts-expect-error the input is required
    create.mutate({});
  });
});

describe('subscription hooks', () => {
  test('give the latest event typed from the subscription', () => {
    const live = useProjectStageChangedSubscription({ filter: { project: 'GZK-2020-P01' } }, { onData: (event) => expectTypeOf(event).toEqualTypeOf<ProjectStageChangedSubscription>() });
    expectTypeOf(live.data).toEqualTypeOf<ProjectStageChangedSubscription | undefined>();
    expectTypeOf(live.status).toEqualTypeOf<'connecting' | 'open' | 'closed' | 'error'>();
  });
});
