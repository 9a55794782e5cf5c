import { readFileSync } from 'node:fs';
import { buildSchema, getOperationAST } from 'graphql';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  createClient,
  GraphQLResponseError,
  isMutationError,
  operations,
  subscriptions,
  type UpdateProjectMutation,
  type ZonegraphClient,
} from '../src/index.ts';
import { startApi, type RunningApi } from '@zonegraph/api/testing';
import { createApiKey } from '@zonegraph/db';

// Mutations as a partner system calls them: each kind of answer arrives as
// data, typed, and a switch over `__typename` tells them apart.

let api: RunningApi;
let editor: ZonegraphClient;
let analyst: ZonegraphClient;
let admin: ZonegraphClient;
let serial = 0;

beforeAll(async () => {
  api = await startApi();
  const keyFor = async (role: 'EDITOR' | 'ANALYST' | 'ADMIN') => (await createApiKey(api.db.prisma, { holder: `sdk ${role.toLowerCase()}`, role })).key;
  editor = createClient({ url: api.url, apiKey: await keyFor('EDITOR') });
  analyst = createClient({ url: api.url, apiKey: await keyFor('ANALYST') });
  admin = createClient({ url: api.url, apiKey: await keyFor('ADMIN') });
});

afterAll(async () => {
  await api?.close();
});

/** What a caller would do with each answer: the compiler checks that every kind is handled. */
function outcome(payload: UpdateProjectMutation['updateProject']): string {
  switch (payload.__typename) {
    case 'UpdateProjectSuccess':
      return `updated ${payload.project.code} to version ${payload.project.version}`;
    case 'ValidationError':
      return `invalid: ${payload.issues.map((issue) => issue.path.join('.')).join(', ')}`;
    case 'NotFoundError':
      return `no ${payload.recordType} ${payload.reference}`;
    case 'ForbiddenError':
      return 'forbidden';
    case 'ConflictError':
      return `conflict at version ${payload.currentVersion}`;
    default: {
      const unhandled: never = payload;
      throw new Error(`unhandled ${JSON.stringify(unhandled)}`);
    }
  }
}

async function newProject() {
  serial += 1;
  const code = `SDK-P${String(serial).padStart(3, '0')}`;
  const { createProject } = await editor.createProject({
    input: { campaign: 'GZK-2020-C4', code, nameZh: `软件开发包项目${serial}`, nameEn: `SDK project ${serial}`, plannedInvestment: '1200000.50' },
  });
  if (createProject.__typename !== 'CreateProjectSuccess') throw new Error(`createProject answered ${createProject.__typename}`);
  return createProject.project;
}

describe('the shipped operations cover the schema', () => {
  const schema = buildSchema(readFileSync(new URL('../../graph/schema.graphql', import.meta.url), 'utf8'));
  const shippedAs = (kind: string, documents: Record<string, Parameters<typeof getOperationAST>[0]>) =>
    Object.entries(documents)
      .filter(([, document]) => getOperationAST(document)?.operation === kind)
      .map(([name]) => name)
      .sort();

  test('every mutation of schema.graphql is a client function named after it', () => {
    const inSchema = Object.keys(schema.getMutationType()?.getFields() ?? {}).sort();
    expect(inSchema.length).toBeGreaterThan(40);
    expect(shippedAs('mutation', operations)).toEqual(inSchema);
  });

  test('every subscription is a client subscription named after it', () => {
    const inSchema = Object.keys(schema.getSubscriptionType()?.getFields() ?? {}).sort();
    expect(shippedAs('subscription', subscriptions)).toEqual(inSchema);
  });
});

describe('a mutation answers with its success or a typed error, as data', () => {
  test('success: the changed record comes back with its new version', async () => {
    const project = await newProject();
    expect(project).toMatchObject({ version: 1, stage: 'NEGOTIATING', plannedInvestment: '1200000.5', archivedAt: null });
    const { updateProject } = await editor.updateProject({ input: { id: project.id, version: 1, nameEn: 'Renamed through the SDK' } });
    expect(outcome(updateProject)).toBe(`updated ${project.code} to version 2`);
    const { project: reread } = await editor.project({ code: project.code });
    expect(reread).toMatchObject({ nameEn: 'Renamed through the SDK', version: 2 });
  });

  test('ConflictError: a stale version changes nothing', async () => {
    const project = await newProject();
    await editor.updateProject({ input: { id: project.id, version: 1, nameEn: 'First' } });
    const { updateProject } = await editor.updateProject({ input: { id: project.id, version: 1, nameEn: 'Second, from a stale read' } });
    expect(outcome(updateProject)).toBe('conflict at version 2');
    expect(updateProject).toMatchObject({ __typename: 'ConflictError', code: 'CONFLICT' });
    expect((await editor.project({ code: project.code })).project?.nameEn).toBe('First');
  });

  test('ValidationError: each bad field by its path', async () => {
    const project = await newProject();
    const { updateProject } = await editor.updateProject({ input: { id: project.id, version: 1, nameEn: '', plannedInvestment: '-5' } });
    expect(updateProject.__typename).toBe('ValidationError');
    if (updateProject.__typename !== 'ValidationError') return;
    expect(updateProject.code).toBe('VALIDATION_FAILED');
    expect(updateProject.issues.map((issue) => issue.path.join('.')).sort()).toEqual(['input.nameEn', 'input.plannedInvestment']);
    expect((await editor.project({ code: project.code })).project?.version).toBe(1);
  });

  test('NotFoundError: an ID that names no project', async () => {
    // A well-formed global ID whose record does not exist.
    const missing = Buffer.from('Project:00000000-0000-7000-8000-000000000000').toString('base64');
    const { updateProject } = await editor.updateProject({ input: { id: missing, version: 1, nameEn: 'Nobody' } });
    expect(outcome(updateProject)).toMatch(/^no Project \S+/);
    expect(updateProject).toMatchObject({ __typename: 'NotFoundError', code: 'NOT_FOUND', recordType: 'Project' });
    expect(isMutationError(updateProject)).toBe(true);
  });

  test('ForbiddenError: an analyst may read, not change', async () => {
    const project = await newProject();
    const { updateProject } = await analyst.updateProject({ input: { id: project.id, version: 1, nameEn: 'Not allowed' } });
    expect(outcome(updateProject)).toBe('forbidden');
    expect(updateProject).toMatchObject({ code: 'FORBIDDEN' });
    expect((await editor.project({ code: project.code })).project?.nameEn).toBe(project.nameEn);
  });

  test('a domain action: an illegal stage move is a ValidationError, a legal one moves the project', async () => {
    const project = await newProject();
    const illegal = await editor.recordProjectStageChange({ input: { id: project.id, toStage: 'OPERATING', occurredOn: '2020-06-01' } });
    expect(illegal.recordProjectStageChange).toMatchObject({ __typename: 'ValidationError', issues: [{ path: ['input', 'toStage'] }] });
    const legal = await editor.recordProjectStageChange({ input: { id: project.id, toStage: 'SIGNED', occurredOn: '2020-06-01', note: 'signed at the fair' } });
    expect(legal.recordProjectStageChange).toMatchObject({ __typename: 'RecordProjectStageChangeSuccess', project: { stage: 'SIGNED', version: 2 } });
  });

  test('API keys: an administrator creates one, it works, and once revoked it is refused', async () => {
    const { createApiKey: created } = await admin.createApiKey({ input: { holder: 'partner portal (sdk test)', role: 'PARTNER' } });
    if (created.__typename !== 'CreateApiKeySuccess') throw new Error(`createApiKey answered ${created.__typename}`);
    expect(created.apiKey).toMatchObject({ holder: 'partner portal (sdk test)', role: 'PARTNER', isActive: true });
    const partner = createClient({ url: api.url, apiKey: created.key });
    expect((await partner.viewer()).viewer).toMatchObject({ holder: 'partner portal (sdk test)', role: 'PARTNER' });

    const { apiKeys } = await admin.apiKeys({ filter: { holder: 'partner portal (sdk test)' } });
    expect(apiKeys.nodes.map((key) => key.id)).toEqual([created.apiKey.id]);

    const { revokeApiKey } = await admin.revokeApiKey({ input: { id: created.apiKey.id } });
    expect(revokeApiKey).toMatchObject({ __typename: 'RevokeApiKeySuccess', apiKey: { isActive: false } });
    const refused = await partner.viewer().catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(GraphQLResponseError);
    expect((refused as GraphQLResponseError).status).toBe(401);
    expect((refused as GraphQLResponseError).code).toBe('UNAUTHENTICATED');
    // Revoking twice is a ConflictError, as data.
    expect((await admin.revokeApiKey({ input: { id: created.apiKey.id } })).revokeApiKey.__typename).toBe('ConflictError');
  });

  test('the audit trail records what the SDK changed', async () => {
    const project = await newProject();
    await editor.updateProject({ input: { id: project.id, version: 1, isKeyProject: true } });
    const { auditEvents } = await editor.auditEvents({ filter: { record: project.id } });
    expect(auditEvents.nodes.map((event) => event.action)).toEqual(['update', 'create']);
    expect(auditEvents.nodes[0]).toMatchObject({ holder: 'sdk editor', role: 'EDITOR', recordCode: project.code });
  });
});
