// A project may be named by more than one campaign: 军地医院 is in the first
// campaign's list and again in the fourth's. Both campaigns list it (`listedProjects`), its
// primary campaign stays `campaign`, and a project moved to another campaign
// is listed by its new one and no longer by its old.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headersFor, mutate } from './mutation-kit.ts';
import { startTestApi, type TestApi } from './testkit.ts';

const LISTS = /* GraphQL */ `
  query ($code: String!) {
    c1: campaign(code: "GZK-2020-C1") { projects: listedProjects(first: 100) { totalCount nodes { code } } }
    c4: campaign(code: "GZK-2020-C4") { projects: listedProjects(first: 100) { totalCount nodes { code } } primary: projects(first: 100) { totalCount } }
    project(code: $code) { id version campaign { code } campaigns(first: 10) { nodes { code } } }
    inC4: projects(filter: { campaign: "GZK-2020-C4" }, first: 100) { totalCount }
  }`;

interface Lists {
  c1: { projects: { totalCount: number; nodes: { code: string }[] } };
  c4: { projects: { totalCount: number; nodes: { code: string }[] }; primary: { totalCount: number } };
  project: { id: string; version: number; campaign: { code: string }; campaigns: { nodes: { code: string }[] } };
  inC4: { totalCount: number };
}

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

describe('projects named by more than one campaign', () => {
  it('the hospital is listed by both campaigns that name it, the first one its primary', async () => {
    const data = await api.data<Lists>(LISTS, { code: 'GZK-2020-P01' });
    expect(data.project.campaign.code).toBe('GZK-2020-C1');
    expect(data.project.campaigns.nodes.map((c) => c.code)).toEqual(['GZK-2020-C1', 'GZK-2020-C4']);
    expect(data.c1.projects.nodes.map((p) => p.code)).toContain('GZK-2020-P01');
    expect(data.c4.projects.nodes.map((p) => p.code)).toContain('GZK-2020-P01');
    // The fourth campaign's own 16 projects and the hospital; its primary ones, and the filter, have the 16.
    expect([data.c1.projects.totalCount, data.c4.projects.totalCount, data.c4.primary.totalCount, data.inC4.totalCount]).toEqual([2, 17, 16, 16]);
  });

  it('a project moved to another campaign is listed by the new one and not the old', async () => {
    const before = await api.data<Lists>(LISTS, { code: 'GZK-2020-P02' });
    expect(before.project.campaign.code).toBe('GZK-2020-C1');
    const editor = await headersFor(api, 'EDITOR');
    const moved = await mutate(api, editor, 'updateProject', 'UpdateProjectInput', { id: before.project.id, version: before.project.version, campaign: 'GZK-2020-C4' }, '... on UpdateProjectSuccess { project { code } }');
    expect(moved.__typename).toBe('UpdateProjectSuccess');
    const after = await api.data<Lists>(LISTS, { code: 'GZK-2020-P02' });
    expect(after.project.campaigns.nodes.map((c) => c.code)).toEqual(['GZK-2020-C4']);
    expect(after.c1.projects.nodes.map((p) => p.code)).toEqual(['GZK-2020-P01']);
    expect(after.c4.projects.totalCount).toBe(18);
  });
});
