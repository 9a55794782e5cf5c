// Checked by the TypeScript compiler, not run: `vitest run` type-checks this
// file (typecheck in vitest.config.ts) and `pnpm typecheck` covers it too.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { describe, expectTypeOf, test } from 'vitest';
import {
  createClient,
  GraphQLResponseError,
  ProjectDocument,
  ProjectsDocument,
  type ProjectQuery,
  type ProjectStage,
  type ProjectsQuery,
  type ProjectStageChangedSubscription,
  type Subscription,
  type ZonegraphClient,
} from '../src/index.ts';

declare const client: ZonegraphClient;
// What codegen emits for an operation without variables.
declare const noVariables: TypedDocumentNode<{ sectors: { totalCount: number } }, { [key: string]: never }>;

describe('results are typed', () => {
  test('a project list node has a stage from the stage union, not any', () => {
    type Node = ProjectsQuery['projects']['nodes'][number];
    expectTypeOf<Node['stage']>().toEqualTypeOf<ProjectStage>();
    expectTypeOf<Node['targetStage']>().toEqualTypeOf<ProjectStage | null>();
    expectTypeOf<Node['stage']>().not.toBeAny();
    expectTypeOf<ProjectStage>().toEqualTypeOf<
      'CANCELLED' | 'ENROLLING' | 'NEGOTIATING' | 'OPERATING' | 'SIGNED' | 'SUSPENDED' | 'UNDER_CONSTRUCTION'
    >();
    expectTypeOf(client.projects).returns.resolves.toEqualTypeOf<ProjectsQuery>();
  });

  test('custom scalars are strings, never any', () => {
    type Project = NonNullable<ProjectQuery['project']>;
    expectTypeOf<Project['plannedInvestment']>().toEqualTypeOf<string | null>();
    expectTypeOf<Project['targetDate']>().toEqualTypeOf<string | null>();
    expectTypeOf<Project['stageChangedAt']>().toEqualTypeOf<string>();
    expectTypeOf<Project['completedInvestment']>().toEqualTypeOf<string | null>();
    expectTypeOf<Project['id']>().toEqualTypeOf<string>();
  });

  test('request() infers the result from the document', () => {
    expectTypeOf(client.request(ProjectsDocument, {})).resolves.toEqualTypeOf<ProjectsQuery>();
  });

  test('errors keep their codes and partial data', () => {
    expectTypeOf<GraphQLResponseError['codes']>().toEqualTypeOf<string[]>();
    expectTypeOf<GraphQLResponseError<ProjectsQuery>['data']>().toEqualTypeOf<ProjectsQuery | null | undefined>();
  });
});

describe('variables are checked', () => {
  test('optional only when the operation has no required variables', () => {
    // Every variable of `projects` is optional, so the argument is too.
    void client.projects();
    void client.programme();
    // `project` needs its code.
    // @ts-expect-error the code is required
    void client.project();
    // @ts-expect-error the code is required
    void client.project({});
    void client.project({ code: 'GZK-2020-P01' });
    // @ts-expect-error request() checks a document's required variables too
    void client.request(ProjectDocument);
    void client.request(noVariables);
    // @ts-expect-error an operation without variables takes none
    void client.request(noVariables, { first: 1 });
  });

  test('a wrong variable type does not compile', () => {
    // @ts-expect-error first is a number
    void client.projects({ first: '10' });
    // @ts-expect-error a stage outside the enum
    void client.projects({ filter: { stage: ['FINISHED'] } });
    // @ts-expect-error no such filter field
    void client.projects({ filter: { colour: 'red' } });
    // @ts-expect-error orderBy needs a field
    void client.projects({ orderBy: { direction: 'DESC' } });
    void client.projects({ filter: { stage: ['SIGNED', 'OPERATING'] }, orderBy: { field: 'NAME_EN', direction: 'DESC' } });
  });

  test('createClient needs a URL', () => {
    // @ts-expect-error url is required
    createClient({ apiKey: 'x' });
    expectTypeOf(createClient({ url: 'http://localhost:4000/graphql' })).toEqualTypeOf<ZonegraphClient>();
  });
});

describe('paging and subscriptions are typed', () => {
  test('paginate takes the function’s own variables and yields its connection', () => {
    const pages = client.paginate(client.projects, { first: 10, filter: { stage: ['SIGNED'] } }, (data) => data.projects);
    expectTypeOf(pages).toEqualTypeOf<AsyncGenerator<ProjectsQuery['projects'], void, undefined>>();
    // @ts-expect-error first is a number
    void client.paginate(client.projects, { first: '10' }, (data) => data.projects);
    // @ts-expect-error the selected value must be a connection
    void client.paginate(client.projects, {}, (data) => data.projects.totalCount);
  });

  test('a subscription yields its typed events', () => {
    const moves = client.subscriptions.projectStageChanged({ filter: { toStage: ['SIGNED'] } });
    expectTypeOf(moves).toEqualTypeOf<Subscription<ProjectStageChangedSubscription>>();
    // @ts-expect-error no such filter field
    void client.subscriptions.projectStageChanged({ filter: { colour: 'red' } });
  });
});
