// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createElement as h, useState } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { createApiKey } from '@zonegraph/db';
import { startApi, type RunningApi } from '@zonegraph/api/testing';
import { createClient, isMutationError, type ZonegraphClient } from '../src/index.ts';
import {
  ZonegraphProvider,
  useCreateSector,
  useProject,
  useProjects,
  useProjectsInfinite,
  useProjectStageChangedSubscription,
  useSectors,
} from '../src/react/index.ts';

// The React bindings as an app uses them: components under a provider, in a
// DOM (jsdom), reading and changing the real API over HTTP.

let api: RunningApi;
let anonymous: ZonegraphClient;
let editor: ZonegraphClient;

beforeAll(async () => {
  api = await startApi();
  anonymous = createClient({ url: api.url, retry: false });
  const { key } = await createApiKey(api.db.prisma, { holder: 'react hooks test', role: 'EDITOR' });
  editor = createClient({ url: api.url, apiKey: key, retry: false });
});
afterAll(async () => {
  await api?.close();
});
afterEach(() => cleanup());

const inProvider = (client: ZonegraphClient, element: ReturnType<typeof h>) => render(h(ZonegraphProvider, { client }, element));

describe('query hooks', () => {
  test('a hook per query renders what the API answers, with its variables', async () => {
    function Project() {
      const { data, isPending } = useProject({ code: 'GZK-2020-P01' });
      if (isPending) return h('p', null, 'loading');
      return h('h1', null, `${data?.project?.code} ${data?.project?.nameZh}`);
    }
    inProvider(anonymous, h(Project));
    expect(screen.getByText('loading')).toBeTruthy();
    expect(await screen.findByText('GZK-2020-P01 军地医院')).toBeTruthy();
  });

  test('an error the API answers reaches the component as the SDK\'s typed error', async () => {
    function BadPage() {
      const { error } = useProjects({ first: 1000 }, { retry: false });
      return h('p', null, error ? `${error.name}: ${'code' in error ? String(error.code) : ''}` : 'waiting');
    }
    inProvider(anonymous, h(BadPage));
    expect(await screen.findByText('GraphQLResponseError: PAGE_SIZE_TOO_LARGE')).toBeTruthy();
  });

  test('an infinite query pages through a connection until it has no next page', async () => {
    const { projects: all } = await anonymous.projects({ first: 100 });
    function AllProjects() {
      const { data, hasNextPage, fetchNextPage, isFetchingNextPage } = useProjectsInfinite({ first: 7 });
      const codes = data?.pages.flatMap((page) => page.projects.nodes.map((p) => p.code)) ?? [];
      return h('div', null, h('p', null, `${codes.length} shown`), hasNextPage && h('button', { disabled: isFetchingNextPage, onClick: () => void fetchNextPage() }, 'more'), h('ol', null, codes.map((code) => h('li', { key: code }, code))));
    }
    inProvider(anonymous, h(AllProjects));
    expect(await screen.findByText('7 shown')).toBeTruthy();
    while (screen.queryByText('more')) {
      const before = screen.getAllByRole('listitem').length;
      fireEvent.click(screen.getByText('more'));
      await waitFor(() => expect(screen.getAllByRole('listitem').length).toBeGreaterThan(before));
    }
    const shown = screen.getAllByRole('listitem').map((item) => item.textContent);
    expect(shown).toEqual(all.nodes.map((p) => p.code));
    expect(shown.length).toBe(all.totalCount);
  });
});

describe('mutation hooks', () => {
  function Sectors() {
    const sectors = useSectors({ first: 100 });
    const create = useCreateSector();
    const [code, setCode] = useState('');
    const payload = create.data;
    let outcome = '';
    if (payload?.__typename === 'CreateSectorSuccess') outcome = `created ${payload.sector.code}`;
    else if (payload && isMutationError(payload)) outcome = `${payload.__typename}: ${payload.message}`;
    return h(
      'div',
      null,
      h('p', null, `sectors: ${sectors.data?.sectors.totalCount ?? '…'}`),
      h('input', { 'aria-label': 'code', value: code, onChange: (event: { target: { value: string } }) => setCode(event.target.value) }),
      h('button', { onClick: () => create.mutate({ input: { code, kind: 'EMERGING', nameZh: '测试领域', nameEn: 'Test sector' } }) }, 'create'),
      h('p', null, outcome),
    );
  }

  test('a success resolves with the narrowed payload and refreshes the queries on screen', async () => {
    const before = (await editor.sectors({ first: 100 })).sectors.totalCount;
    inProvider(editor, h(Sectors));
    expect(await screen.findByText(`sectors: ${before}`)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('code'), { target: { value: 'SDK-REACT-S1' } });
    fireEvent.click(screen.getByText('create'));
    expect(await screen.findByText('created SDK-REACT-S1')).toBeTruthy();
    expect(await screen.findByText(`sectors: ${before + 1}`)).toBeTruthy();
  });

  test('a typed error is data: the component narrows it by __typename and nothing is refetched', async () => {
    const anonymousView = inProvider(anonymous, h(Sectors));
    const count = (await screen.findByText(/^sectors: \d+$/)).textContent;
    fireEvent.change(screen.getByLabelText('code'), { target: { value: 'SDK-REACT-S2' } });
    fireEvent.click(screen.getByText('create'));
    expect(await screen.findByText(/^ForbiddenError: /)).toBeTruthy();
    expect(screen.getByText(/^sectors: \d+$/).textContent).toBe(count);
    anonymousView.unmount();
  });
});

describe('subscription hooks', () => {
  test('a hook opens the stream while mounted and renders each event as it arrives', async () => {
    const { createProject } = await editor.createProject({ input: { campaign: 'GZK-2020-C4', code: 'SDK-REACT-P1', nameZh: '钩子项目', nameEn: 'Hooks project' } });
    if (createProject.__typename !== 'CreateProjectSuccess') throw new Error(createProject.__typename);
    function Live() {
      const { data, count, status } = useProjectStageChangedSubscription();
      return h('p', null, `${status} ${count} ${data ? `${data.projectStageChanged.project?.code} → ${data.projectStageChanged.toStage}` : ''}`.trim());
    }
    const view = inProvider(anonymous, h(Live));
    await screen.findByText('open 0');
    await editor.recordProjectStageChange({ input: { id: createProject.project.id, toStage: 'SIGNED', occurredOn: '2020-07-01' } });
    expect(await screen.findByText('open 1 SDK-REACT-P1 → SIGNED')).toBeTruthy();
    view.unmount();
  });
});
