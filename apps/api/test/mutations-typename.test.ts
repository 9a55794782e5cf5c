import { createApiKey } from '@zonegraph/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from './testkit.ts';

// plugin-prisma hands a mutation an empty selection when the client asks for
// nothing but __typename, and Prisma refuses an empty select: every mutation
// must still succeed.
describe('a mutation asked for __typename only', () => {
  let api: TestApi;
  let headers: Record<string, string>;
  beforeAll(async () => {
    api = await startTestApi();
    const { key } = await createApiKey(api.db.prisma, { holder: 'typename test', role: 'EDITOR' });
    headers = { authorization: `Bearer ${key}` };
  });
  afterAll(() => api.close());

  it('still makes the change and answers with the success type', async () => {
    const created = await api.execute(
      `mutation { createProject(input: { code: "GZK-T-1", nameZh: "测试项目", nameEn: "Test project", campaign: "GZK-2020-C4" }) { __typename } }`,
      undefined,
      headers,
    );
    expect(created.errors).toBeUndefined();
    expect(created.data).toEqual({ createProject: { __typename: 'CreateProjectSuccess' } });
    const project = await api.db.prisma.project.findUniqueOrThrow({ where: { code: 'GZK-T-1' } });
    const id = Buffer.from(`Project:${project.id}`).toString('base64');

    const engagement = await api.execute(
      `mutation { recordEngagement(input: { occurredOn: "2020-05-01", project: "GZK-T-1", subjectZh: "洽谈", subjectEn: "Talks" }) { __typename } }`,
      undefined,
      headers,
    );
    expect(engagement.errors).toBeUndefined();

    const archived = await api.execute(
      `mutation ($id: ID!) { archiveProject(input: { id: $id, version: ${project.version} }) { __typename } }`,
      { id },
      headers,
    );
    expect(archived.data).toEqual({ archiveProject: { __typename: 'ArchiveProjectSuccess' } });
  });
});
