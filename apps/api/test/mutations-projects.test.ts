import type { Project, ProjectStage } from '@zonegraph/db';
import { createEvents, ValidationError, type Context } from '@zonegraph/graph';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEventsFor, dayIn, expectForbidden, globalId, headersFor, missingId, mutate, overlapping, onPostgres, type Headers } from './mutation-kit.ts';
import { startTestApi, type TestApi } from './testkit.ts';
// The mutation kernel itself, for the one case no mutation can reach (see "fails midway" below).
import { audited } from '../../../packages/graph/src/schema/common/mutations.ts';

const PROJECT = /* GraphQL */ `id code version stage nameZh nameEn summaryZh archivedAt plannedInvestment completedInvestment
  isKeyProject visibility campaign { code } cluster { code } organisations { nodes { code } } platforms { nodes { code } }`;

const createProject = (api: TestApi, headers: Headers, input: Record<string, unknown>) =>
  mutate(api, headers, 'createProject', 'CreateProjectInput', input, `... on CreateProjectSuccess { project { ${PROJECT} } }`);
const updateProject = (api: TestApi, headers: Headers, input: Record<string, unknown>) =>
  mutate(api, headers, 'updateProject', 'UpdateProjectInput', input, `... on UpdateProjectSuccess { project { ${PROJECT} } }`);
const archiveProject = (api: TestApi, headers: Headers, input: Record<string, unknown>, selection = PROJECT) =>
  mutate(api, headers, 'archiveProject', 'ArchiveProjectInput', input, `... on ArchiveProjectSuccess { project { ${selection} } }`);
const moveProject = (api: TestApi, headers: Headers, input: Record<string, unknown>, selection = PROJECT) =>
  mutate(api, headers, 'recordProjectStageChange', 'RecordProjectStageChangeInput', input, `... on RecordProjectStageChangeSuccess { project { ${selection} } }`);

describe('project mutations', () => {
  let api: TestApi;
  let editor: Headers;
  let others: [string, Headers][];
  let campaigns: { code: string; id: string }[];
  let timeZone: string;
  let serial = 0;

  /** A project of its own for one test, so that tests do not depend on each other's changes. */
  async function freshProject(data: Partial<Project> = {}): Promise<Project & { gid: string }> {
    const programme = await api.db.prisma.programme.findFirstOrThrow({ orderBy: { periodStart: 'desc' } });
    serial += 1;
    const project = await api.db.prisma.project.create({
      data: {
        programmeId: programme.id,
        campaignId: campaigns[0]!.id,
        code: `TEST-P${String(serial).padStart(3, '0')}`,
        nameZh: `测试项目${serial}`,
        nameEn: `Test project ${serial}`,
        ...data,
      },
    });
    return { ...project, gid: globalId('Project', project.id) };
  }

  beforeAll(async () => {
    api = await startTestApi();
    editor = await headersFor(api, 'EDITOR', 'planning office');
    others = [
      ['analyst', await headersFor(api, 'ANALYST')],
      ['partner', await headersFor(api, 'PARTNER')],
      ['anonymous', {}],
    ];
    campaigns = await api.db.prisma.campaign.findMany({ orderBy: { code: 'asc' }, select: { code: true, id: true } });
    timeZone = (await api.db.prisma.programme.findFirstOrThrow({ orderBy: { periodStart: 'desc' } })).timeZone;
  });
  afterAll(() => api.close());

  describe('createProject', () => {
    it('adds a project with its related records named by code, and records one audit event', async () => {
      const [org1, org2] = await api.db.prisma.organisation.findMany({ orderBy: { code: 'asc' }, take: 2 });
      const platform = await api.db.prisma.platform.findFirstOrThrow({ orderBy: { code: 'asc' } });
      const cluster = await api.db.prisma.industryCluster.findFirstOrThrow();
      const result = await createProject(api, editor, {
        code: 'GZK-2020-P90',
        nameZh: ' 新材料产业园 ',
        nameEn: 'New materials park',
        campaign: campaigns[1]!.code,
        cluster: cluster.code,
        organisations: [org1!.code, org2!.code, org1!.code],
        platforms: [platform.code],
        plannedInvestment: '350000000.50',
      });
      expect(result.__typename).toBe('CreateProjectSuccess');
      expect(result.project).toMatchObject({
        code: 'GZK-2020-P90',
        nameZh: '新材料产业园',
        version: 1,
        stage: 'NEGOTIATING',
        isKeyProject: true,
        visibility: 'PUBLIC',
        plannedInvestment: '350000000.5',
        completedInvestment: '0',
        campaign: { code: campaigns[1]!.code },
        cluster: { code: cluster.code },
        platforms: { nodes: [{ code: platform.code }] },
      });
      expect(result.project.organisations.nodes.map((o: { code: string }) => o.code).sort()).toEqual([org1!.code, org2!.code].sort());

      const row = await api.db.prisma.project.findUniqueOrThrow({ where: { code: 'GZK-2020-P90' }, include: { organisations: true } });
      expect(row.plannedInvestment?.toFixed(2)).toBe('350000000.50');
      expect(row.organisations).toHaveLength(2);
      const events = await auditEventsFor(api, row.id);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ action: 'create', recordType: 'Project', recordCode: 'GZK-2020-P90', holder: 'planning office', role: 'EDITOR', before: null });
      expect(events[0]!.after).toMatchObject({ code: 'GZK-2020-P90', nameZh: '新材料产业园' });
    });

    it('refuses a code that exists with ConflictError and writes nothing', async () => {
      const existing = await freshProject();
      const events = await api.db.prisma.auditEvent.count();
      const result = await createProject(api, editor, { code: existing.code, nameZh: '重复', nameEn: 'Duplicate', campaign: campaigns[0]!.code });
      expect(result).toMatchObject({ __typename: 'ConflictError', code: 'CONFLICT' });
      expect(result.message).toContain(existing.code);
      expect(await api.db.prisma.project.count({ where: { code: existing.code } })).toBe(1);
      expect(await api.db.prisma.auditEvent.count()).toBe(events);
    });

    it('refuses bad fields with ValidationError naming each, before writing anything', async () => {
      const before = await api.db.prisma.project.count();
      const events = await api.db.prisma.auditEvent.count();
      const result = await createProject(api, editor, {
        code: 'x',
        nameZh: '   ',
        nameEn: 'Fine',
        campaign: campaigns[0]!.code,
        plannedInvestment: '-5',
      });
      expect(result.__typename).toBe('ValidationError');
      expect(result.issues!.map((i) => i.path.join('.')).sort()).toEqual(['input.code', 'input.nameZh', 'input.plannedInvestment']);

      const decimals = await createProject(api, editor, { code: 'GZK-2020-P91', nameZh: '项目', nameEn: 'P', campaign: campaigns[0]!.code, plannedInvestment: '1.234' });
      expect(decimals.issues).toEqual([{ path: ['input', 'plannedInvestment'], message: expect.stringContaining('2 decimal places') }]);

      expect(await api.db.prisma.project.count()).toBe(before);
      expect(await api.db.prisma.auditEvent.count()).toBe(events);
    });

    it('refuses unknown codes of related records, found after other lookups, with no partial write', async () => {
      const org = await api.db.prisma.organisation.findFirstOrThrow();
      const events = await api.db.prisma.auditEvent.count();
      const unknownCampaign = await createProject(api, editor, { code: 'GZK-2020-P92', nameZh: '项目', nameEn: 'P', campaign: 'NO-SUCH-CAMPAIGN' });
      expect(unknownCampaign.issues).toEqual([{ path: ['input', 'campaign'], message: 'no campaign has the code "NO-SUCH-CAMPAIGN"' }]);
      const unknownPlatform = await createProject(api, editor, {
        code: 'GZK-2020-P92',
        nameZh: '项目',
        nameEn: 'P',
        campaign: campaigns[0]!.code,
        organisations: [org.code],
        platforms: ['PF-NOPE'],
      });
      expect(unknownPlatform.issues).toEqual([{ path: ['input', 'platforms'], message: 'no platform has the code "PF-NOPE"' }]);
      expect(await api.db.prisma.project.findUnique({ where: { code: 'GZK-2020-P92' } })).toBeNull();
      expect(await api.db.prisma.auditEvent.count()).toBe(events);
    });

    it('is forbidden to analysts, partners and anonymous callers', async () => {
      for (const [who, headers] of others) {
        await expectForbidden(api, headers, 'createProject', 'CreateProjectInput', { code: 'GZK-2020-P93', nameZh: '项目', nameEn: 'P', campaign: campaigns[0]!.code }, who);
      }
      expect(await api.db.prisma.project.findUnique({ where: { code: 'GZK-2020-P93' } })).toBeNull();
    });
  });

  describe('updateProject', () => {
    it('changes only the fields given, clears optional ones given as null, bumps the version and records before and after', async () => {
      const cluster = await api.db.prisma.industryCluster.findFirstOrThrow();
      const [org1, org2] = await api.db.prisma.organisation.findMany({ orderBy: { code: 'asc' }, take: 2 });
      const project = await freshProject({ summaryZh: '旧的简介', clusterId: cluster.id, plannedInvestment: 1000 as never });
      await api.db.prisma.project.update({ where: { id: project.id }, data: { organisations: { connect: [{ id: org1!.id }] } } });

      const result = await updateProject(api, editor, {
        id: project.gid,
        version: 1,
        nameEn: 'Renamed',
        summaryZh: null,
        cluster: null,
        campaign: campaigns[2]!.code,
        organisations: [org2!.code],
      });
      expect(result.__typename).toBe('UpdateProjectSuccess');
      expect(result.project).toMatchObject({
        version: 2,
        nameZh: project.nameZh,
        nameEn: 'Renamed',
        summaryZh: null,
        cluster: null,
        plannedInvestment: '1000',
        campaign: { code: campaigns[2]!.code },
        organisations: { nodes: [{ code: org2!.code }] },
      });

      const row = await api.db.prisma.project.findUniqueOrThrow({ where: { id: project.id } });
      expect(row).toMatchObject({ version: 2, nameEn: 'Renamed', summaryZh: null, clusterId: null, campaignId: campaigns[2]!.id });
      const events = await auditEventsFor(api, project.id);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ action: 'update', recordCode: project.code, holder: 'planning office' });
      expect(events[0]!.before).toMatchObject({ nameEn: project.nameEn, summaryZh: '旧的简介', version: 1, organisations: [org1!.code] });
      expect(events[0]!.after).toMatchObject({ nameEn: 'Renamed', summaryZh: null, version: 2, organisations: [org2!.code] });
    });

    it('refuses a stale version with ConflictError and changes nothing', async () => {
      const project = await freshProject();
      expect((await updateProject(api, editor, { id: project.gid, version: 1, nameEn: 'First' })).__typename).toBe('UpdateProjectSuccess');
      const stale = await updateProject(api, editor, { id: project.gid, version: 1, nameEn: 'Second', summaryEn: 'lost' });
      expect(stale).toMatchObject({ __typename: 'ConflictError', code: 'CONFLICT', currentVersion: 2 });
      const row = await api.db.prisma.project.findUniqueOrThrow({ where: { id: project.id } });
      expect(row).toMatchObject({ version: 2, nameEn: 'First', summaryEn: null });
      expect(await auditEventsFor(api, project.id)).toHaveLength(1);
    });

    it('answers NotFoundError for an ID that names no project', async () => {
      const result = await updateProject(api, editor, { id: missingId('Project'), version: 1, nameEn: 'Ghost' });
      expect(result).toMatchObject({ __typename: 'NotFoundError', code: 'NOT_FOUND', recordType: 'Project' });
    });

    it('refuses null for a field that cannot be empty', async () => {
      const project = await freshProject();
      for (const field of ['nameZh', 'campaign', 'isKeyProject', 'visibility']) {
        const result = await updateProject(api, editor, { id: project.gid, version: 1, [field]: null });
        expect(result.__typename, field).toBe('ValidationError');
        expect(result.issues!.map((i) => i.path.join('.')), field).toEqual([`input.${field}`]);
      }
      expect(await api.db.prisma.project.findUniqueOrThrow({ where: { id: project.id } })).toMatchObject({ version: 1, isKeyProject: true, visibility: 'PUBLIC' });
    });

    it('fails whole when an organisation code is unknown: no field changes, no audit event', async () => {
      const project = await freshProject({ summaryEn: 'as it was' });
      const org = await api.db.prisma.organisation.findFirstOrThrow();
      const result = await updateProject(api, editor, {
        id: project.gid,
        version: 1,
        nameEn: 'Half-done',
        summaryEn: null,
        campaign: campaigns[3]!.code,
        organisations: [org.code, 'ORG-NOPE'],
      });
      expect(result).toMatchObject({ __typename: 'ValidationError', issues: [{ path: ['input', 'organisations'], message: 'no organisation has the code "ORG-NOPE"' }] });
      const row = await api.db.prisma.project.findUniqueOrThrow({ where: { id: project.id }, include: { organisations: true } });
      expect(row).toMatchObject({ version: 1, nameEn: project.nameEn, summaryEn: 'as it was', campaignId: project.campaignId, organisations: [] });
      expect(await auditEventsFor(api, project.id)).toHaveLength(0);
    });

    it('is forbidden to analysts, partners and anonymous callers', async () => {
      const project = await freshProject();
      for (const [who, headers] of others) {
        await expectForbidden(api, headers, 'updateProject', 'UpdateProjectInput', { id: project.gid, version: 1, nameEn: 'Nope' }, who);
      }
      expect(await api.db.prisma.project.findUniqueOrThrow({ where: { id: project.id } })).toMatchObject({ version: 1, nameEn: project.nameEn });
      expect(await auditEventsFor(api, project.id)).toHaveLength(0);
    });
  });

  describe('archiveProject', () => {
    it('archives: out of the default list and count, still readable by code, one audit event with the stored row', async () => {
      const project = await freshProject();
      const listed = async () =>
        (await api.data<{ projects: { totalCount: number; nodes: { code: string }[] } }>(`{ projects(first: 100) { totalCount nodes { code } } }`)).projects;
      const before = await listed();
      expect(before.nodes.map((n) => n.code)).toContain(project.code);

      // What the audit trail keeps must not depend on what the caller selected.
      const result = await archiveProject(api, editor, { id: project.gid, version: 1 }, 'id campaign { code } stageHistory { totalCount }');
      expect(result).toEqual({
        __typename: 'ArchiveProjectSuccess',
        project: { id: project.gid, campaign: { code: campaigns[0]!.code }, stageHistory: { totalCount: 0 } },
      });

      const after = await listed();
      expect(after.nodes.map((n) => n.code)).not.toContain(project.code);
      expect(after.totalCount).toBe(before.totalCount - 1);
      const { project: byCode } = await api.data<{ project: { archivedAt: string | null; version: number } }>(
        `query ($code: String!) { project(code: $code) { archivedAt version } }`,
        { code: project.code },
      );
      expect(byCode.version).toBe(2);
      expect(byCode.archivedAt).not.toBeNull();

      const events = await auditEventsFor(api, project.id);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ action: 'archive', recordCode: project.code });
      expect(events[0]!.before).toMatchObject({ archivedAt: null, version: 1 });
      expect(events[0]!.after).toMatchObject({ archivedAt: byCode.archivedAt, version: 2, code: project.code, nameEn: project.nameEn });
      expect(Object.keys(events[0]!.after as object)).not.toContain('campaign');
      expect(Object.keys(events[0]!.after as object)).not.toContain('stageChanges');
    });

    it('refuses to archive twice, and a stale version, with ConflictError', async () => {
      const project = await freshProject();
      expect((await archiveProject(api, editor, { id: project.gid, version: 1 })).__typename).toBe('ArchiveProjectSuccess');
      expect(await archiveProject(api, editor, { id: project.gid, version: 2 })).toMatchObject({ __typename: 'ConflictError', currentVersion: 2 });

      const other = await freshProject();
      await updateProject(api, editor, { id: other.gid, version: 1, nameEn: 'Changed' });
      expect(await archiveProject(api, editor, { id: other.gid, version: 1 })).toMatchObject({ __typename: 'ConflictError', currentVersion: 2 });
      expect((await api.db.prisma.project.findUniqueOrThrow({ where: { id: other.id } })).archivedAt).toBeNull();
      expect(await auditEventsFor(api, other.id)).toHaveLength(1);
    });

    it('answers NotFoundError for an unknown ID, and is forbidden below editor', async () => {
      expect(await archiveProject(api, editor, { id: missingId('Project'), version: 1 })).toMatchObject({ __typename: 'NotFoundError' });
      const project = await freshProject();
      for (const [who, headers] of others) {
        await expectForbidden(api, headers, 'archiveProject', 'ArchiveProjectInput', { id: project.gid, version: 1 }, who);
      }
      expect((await api.db.prisma.project.findUniqueOrThrow({ where: { id: project.id } })).archivedAt).toBeNull();
    });
  });

  describe('recordProjectStageChange', () => {
    const HISTORY = 'stage version stageHistory { totalCount nodes { fromStage toStage occurredOn note } }';

    it('moves the project along an allowed transition and appends to its history', async () => {
      const project = await freshProject({ stage: 'SIGNED' });
      const on = dayIn(timeZone, -3);
      const result = await moveProject(api, editor, { id: project.gid, toStage: 'UNDER_CONSTRUCTION', occurredOn: on, note: '开工仪式' }, HISTORY);
      expect(result).toEqual({
        __typename: 'RecordProjectStageChangeSuccess',
        project: { stage: 'UNDER_CONSTRUCTION', version: 2, stageHistory: { totalCount: 1, nodes: [{ fromStage: 'SIGNED', toStage: 'UNDER_CONSTRUCTION', occurredOn: on, note: '开工仪式' }] } },
      });
      const row = await api.db.prisma.project.findUniqueOrThrow({ where: { id: project.id } });
      expect(row.stageChangedAt.toISOString().slice(0, 10)).toBe(on);

      // Today is allowed, and a second move may share the day of the first.
      const today = dayIn(timeZone);
      expect((await moveProject(api, editor, { id: project.gid, toStage: 'OPERATING', occurredOn: today, version: 2 })).__typename).toBe(
        'RecordProjectStageChangeSuccess',
      );
      const events = await auditEventsFor(api, project.id);
      expect(events.map((e) => e.action)).toEqual(['recordStageChange', 'recordStageChange']);
      expect(events[0]!.before).toMatchObject({ stage: 'SIGNED', version: 1 });
      expect(events[0]!.after).toMatchObject({ stage: 'UNDER_CONSTRUCTION', version: 2, stageChange: { toStage: 'UNDER_CONSTRUCTION', note: '开工仪式' } });
    });

    it('refuses an illegal transition — a cancelled project does not start construction — naming the allowed moves', async () => {
      const cancelled = await freshProject({ stage: 'CANCELLED' });
      const result = await moveProject(api, editor, { id: cancelled.gid, toStage: 'UNDER_CONSTRUCTION', occurredOn: dayIn(timeZone, -1) });
      expect(result.__typename).toBe('ValidationError');
      expect(result.issues).toEqual([{ path: ['input', 'toStage'], message: expect.stringContaining('a CANCELLED project cannot move to UNDER_CONSTRUCTION') }]);
      expect(result.issues![0]!.message).toContain('the stage is final');

      const negotiating = await freshProject({ stage: 'NEGOTIATING' });
      const skip = await moveProject(api, editor, { id: negotiating.gid, toStage: 'OPERATING', occurredOn: dayIn(timeZone, -1) });
      expect(skip.issues![0]!.message).toContain('it may move to SIGNED, SUSPENDED, CANCELLED');

      for (const p of [cancelled, negotiating]) {
        expect(await api.db.prisma.project.findUniqueOrThrow({ where: { id: p.id } })).toMatchObject({ stage: p.stage, version: 1 });
        expect(await api.db.prisma.projectStageChange.count({ where: { projectId: p.id } })).toBe(0);
        expect(await auditEventsFor(api, p.id)).toHaveLength(0);
      }
    });

    it('refuses a move dated before the last one, or in the future', async () => {
      const project = await freshProject({ stage: 'NEGOTIATING' });
      expect((await moveProject(api, editor, { id: project.gid, toStage: 'SIGNED', occurredOn: dayIn(timeZone, -10) })).__typename).toBe(
        'RecordProjectStageChangeSuccess',
      );
      const earlier = await moveProject(api, editor, { id: project.gid, toStage: 'UNDER_CONSTRUCTION', occurredOn: dayIn(timeZone, -11) });
      expect(earlier.issues).toEqual([{ path: ['input', 'occurredOn'], message: `is before the project's last recorded move (${dayIn(timeZone, -10)})` }]);
      const future = await moveProject(api, editor, { id: project.gid, toStage: 'UNDER_CONSTRUCTION', occurredOn: dayIn(timeZone, 1) });
      expect(future.issues).toEqual([{ path: ['input', 'occurredOn'], message: 'is in the future; record a move once it has happened' }]);
      expect(await api.db.prisma.project.findUniqueOrThrow({ where: { id: project.id } })).toMatchObject({ stage: 'SIGNED', version: 2 });
      expect(await api.db.prisma.projectStageChange.count({ where: { projectId: project.id } })).toBe(1);
      expect(await auditEventsFor(api, project.id)).toHaveLength(1);
    });

    it('refuses a stale version when one is given; answers NotFoundError; is forbidden below editor', async () => {
      const project = await freshProject({ stage: 'NEGOTIATING' });
      await updateProject(api, editor, { id: project.gid, version: 1, nameEn: 'Changed' });
      const stale = await moveProject(api, editor, { id: project.gid, toStage: 'SIGNED', occurredOn: dayIn(timeZone, -1), version: 1 });
      expect(stale).toMatchObject({ __typename: 'ConflictError', currentVersion: 2 });
      expect(await moveProject(api, editor, { id: missingId('Project'), toStage: 'SIGNED', occurredOn: dayIn(timeZone, -1) })).toMatchObject({
        __typename: 'NotFoundError',
      });
      for (const [who, headers] of others) {
        const input = { id: project.gid, toStage: 'SIGNED', occurredOn: dayIn(timeZone, -1) };
        await expectForbidden(api, headers, 'recordProjectStageChange', 'RecordProjectStageChangeInput', input, who);
      }
      expect(await api.db.prisma.project.findUniqueOrThrow({ where: { id: project.id } })).toMatchObject({ stage: 'NEGOTIATING', version: 2 });
      expect(await api.db.prisma.projectStageChange.count({ where: { projectId: project.id } })).toBe(0);
    });
  });

  describe('recordInvestment', () => {
    const INVESTMENT = 'version completedInvestment investments { totalCount nodes { month amount } }';
    const record = (headers: Headers, input: Record<string, unknown>) =>
      mutate(api, headers, 'recordInvestment', 'RecordInvestmentInput', input, `... on RecordInvestmentSuccess { project { ${INVESTMENT} } }`);

    it('stores a month once: recording it again replaces the figure, and the completed investment is the sum of the months', async () => {
      const project = await freshProject();
      expect((await record(editor, { id: project.gid, month: '2021-03-05', amount: '1000000.00' })).__typename).toBe('RecordInvestmentSuccess');
      expect((await record(editor, { id: project.gid, month: '2021-04-30', amount: '250000.50' })).__typename).toBe('RecordInvestmentSuccess');
      const corrected = await record(editor, { id: project.gid, month: '2021-03-31', amount: '1200000' });
      expect(corrected.project).toEqual({
        version: 4,
        completedInvestment: '1450000.5',
        investments: {
          totalCount: 2,
          nodes: [
            { month: '2021-04-01', amount: '250000.5' },
            { month: '2021-03-01', amount: '1200000' },
          ],
        },
      });
      const rows = await api.db.prisma.investmentRecord.findMany({ where: { projectId: project.id } });
      expect(rows).toHaveLength(2);
      expect((await api.db.prisma.project.findUniqueOrThrow({ where: { id: project.id } })).completedInvestment.toFixed(2)).toBe('1450000.50');

      const events = await auditEventsFor(api, project.id);
      expect(events.map((e) => e.action)).toEqual(['recordInvestment', 'recordInvestment', 'recordInvestment']);
      expect(events[2]!.before).toEqual({ month: '2021-03-01T00:00:00.000Z', amount: '1000000' });
      expect(events[2]!.after).toMatchObject({ month: '2021-03-01T00:00:00.000Z', amount: '1200000', completedInvestment: '1450000.5' });
    });

    it('refuses a negative amount or fractions of a fen; answers NotFoundError; is forbidden below editor', async () => {
      const project = await freshProject();
      for (const amount of ['-1', '10.005']) {
        const result = await record(editor, { id: project.gid, month: '2021-03-01', amount });
        expect(result.issues?.map((i) => i.path.join('.')), amount).toEqual(['input.amount']);
      }
      expect(await record(editor, { id: missingId('Project'), month: '2021-03-01', amount: '1' })).toMatchObject({ __typename: 'NotFoundError' });
      for (const [who, headers] of others) {
        await expectForbidden(api, headers, 'recordInvestment', 'RecordInvestmentInput', { id: project.gid, month: '2021-03-01', amount: '1' }, who);
      }
      expect(await api.db.prisma.investmentRecord.count({ where: { projectId: project.id } })).toBe(0);
      expect(await auditEventsFor(api, project.id)).toHaveLength(0);
    });
  });

  describe('a change that fails midway', () => {
    it('through the API: an unknown organisation code found after the other lookups leaves no write and no event', async () => {
      // Covered in updateProject above ("fails whole …"); repeated here for createProject with every other field valid.
      const [org] = await api.db.prisma.organisation.findMany({ take: 1 });
      const events = await api.db.prisma.auditEvent.count();
      const result = await createProject(api, editor, {
        code: 'GZK-2020-P94',
        nameZh: '项目',
        nameEn: 'P',
        campaign: campaigns[0]!.code,
        organisations: [org!.code, 'ORG-NOPE'],
        plannedInvestment: '100',
      });
      expect(result.issues).toEqual([{ path: ['input', 'organisations'], message: 'no organisation has the code "ORG-NOPE"' }]);
      expect(await api.db.prisma.project.findUnique({ where: { code: 'GZK-2020-P94' } })).toBeNull();
      expect(await api.db.prisma.auditEvent.count()).toBe(events);
    });

    // Every mutation checks everything before its first write, so none fails
    // after writing; the kernel's promise that such a failure undoes the
    // writes is checked here directly, on the real database.
    it('in the kernel: a change that throws after writing leaves neither its writes nor an audit event', async () => {
      const project = await freshProject();
      const ctx: Context = {
        prisma: api.db.prisma,
        caller: { role: 'EDITOR', holder: 'kernel test', apiKeyId: null, keyExpiresAt: null },
        requestId: 'midway',
        pubsub: createEvents(),
      };
      const events = await api.db.prisma.auditEvent.count();
      const failing = audited(ctx, async (tx) => {
        await tx.project.updateMany({ where: { id: project.id, version: 1 }, data: { nameEn: 'Half-done', version: { increment: 1 } } });
        await tx.investmentRecord.create({ data: { projectId: project.id, month: new Date('2021-01-01'), amount: 5 } });
        await tx.project.update({ where: { id: project.id }, data: { completedInvestment: 5 } });
        throw new ValidationError([{ path: ['input', 'organisations'], message: 'no organisation has the code "ORG-NOPE"' }]);
      });
      await expect(failing).rejects.toBeInstanceOf(ValidationError);
      expect(await api.db.prisma.project.findUniqueOrThrow({ where: { id: project.id } })).toMatchObject({ nameEn: project.nameEn, version: 1 });
      expect((await api.db.prisma.project.findUniqueOrThrow({ where: { id: project.id } })).completedInvestment.toFixed(0)).toBe('0');
      expect(await api.db.prisma.investmentRecord.count({ where: { projectId: project.id } })).toBe(0);
      expect(await api.db.prisma.auditEvent.count()).toBe(events);

      // The same change without the failure does write, with its one event: the test above could fail.
      await audited(ctx, async (tx) => {
        await tx.project.updateMany({ where: { id: project.id, version: 1 }, data: { nameEn: 'Done', version: { increment: 1 } } });
        const after = await tx.project.findUniqueOrThrow({ where: { id: project.id } });
        return { record: after, recordType: 'Project', recordId: project.id, recordCode: project.code, action: 'update', before: project, after };
      });
      expect(await api.db.prisma.project.findUniqueOrThrow({ where: { id: project.id } })).toMatchObject({ nameEn: 'Done', version: 2 });
      expect(await auditEventsFor(api, project.id)).toMatchObject([{ holder: 'kernel test', requestId: 'midway', action: 'update' }]);
    });
  });

  describe('at the same time', () => {
    it('of two updates sent together with the same version, one wins and the other gets ConflictError', async () => {
      const project = await freshProject();
      const [a, b] = await Promise.all([
        updateProject(api, editor, { id: project.gid, version: 1, nameEn: 'From A' }),
        updateProject(api, editor, { id: project.gid, version: 1, nameEn: 'From B' }),
      ]);
      const outcomes = [a.__typename, b.__typename].sort();
      expect(outcomes).toEqual(['ConflictError', 'UpdateProjectSuccess']);
      const winner = a.__typename === 'UpdateProjectSuccess' ? 'From A' : 'From B';
      expect(await api.db.prisma.project.findUniqueOrThrow({ where: { id: project.id } })).toMatchObject({ version: 2, nameEn: winner });
      const events = await auditEventsFor(api, project.id);
      expect(events).toHaveLength(1);
      expect(events[0]!.after).toMatchObject({ nameEn: winner });
    });

    // The next tests hold a row lock until both transactions have read the
    // record and wait at their write, which needs a second connection: PGlite
    // has one and runs transactions one after another, so they run on PostgreSQL.
    it.skipIf(!onPostgres)('of two overlapping updates that both read the same version, exactly one is applied and audited', async () => {
      const project = await freshProject();
      const [a, b] = await overlapping(api, 'Project', project.id, 2, () =>
        Promise.all([
          updateProject(api, editor, { id: project.gid, version: 1, nameEn: 'From A', summaryEn: 'A' }),
          updateProject(api, editor, { id: project.gid, version: 1, nameEn: 'From B' }),
        ]),
      );
      expect([a.__typename, b.__typename].sort()).toEqual(['ConflictError', 'UpdateProjectSuccess']);
      const loser = a.__typename === 'ConflictError' ? a : b;
      expect(loser.currentVersion).toBe(2);
      const row = await api.db.prisma.project.findUniqueOrThrow({ where: { id: project.id } });
      expect(row.version).toBe(2);
      expect(row.summaryEn).toBe(a.__typename === 'UpdateProjectSuccess' ? 'A' : null);
      expect(await auditEventsFor(api, project.id)).toHaveLength(1);
    });

    it.skipIf(!onPostgres)('an update behind a transaction that holds the row past the lock timeout gets ConflictError, writes nothing, and the next one succeeds', async () => {
      const project = await freshProject();
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      let locked!: () => void;
      const isLocked = new Promise<void>((resolve) => (locked = resolve));
      // Held longer than the database's lock timeout (5 s), as a stuck batch job would.
      const holder = api.db.prisma.$transaction(
        async (tx) => {
          await tx.$executeRawUnsafe('SELECT 1 FROM "Project" WHERE id = $1::uuid FOR UPDATE', project.id);
          locked();
          await released;
        },
        { timeout: 60_000 },
      );
      await isLocked;
      try {
        const blocked = await updateProject(api, editor, { id: project.gid, version: 1, nameEn: 'Behind the lock' });
        expect(blocked.__typename).toBe('ConflictError');
        expect(blocked.message).toMatch(/another request/);
      } finally {
        release();
        await holder;
      }
      expect((await api.db.prisma.project.findUniqueOrThrow({ where: { id: project.id } })).version).toBe(1);
      expect(await auditEventsFor(api, project.id)).toHaveLength(0);
      const retried = await updateProject(api, editor, { id: project.gid, version: 1, nameEn: 'After the lock' });
      expect(retried).toMatchObject({ __typename: 'UpdateProjectSuccess', project: { nameEn: 'After the lock', version: 2 } });
    });

    it.skipIf(!onPostgres)('of two overlapping stage moves from the same stage, one wins', async () => {
      const project = await freshProject({ stage: 'SIGNED' });
      const on = dayIn(timeZone, -1);
      const moves = await overlapping(api, 'Project', project.id, 2, () =>
        Promise.all(
          (['UNDER_CONSTRUCTION', 'CANCELLED'] as ProjectStage[]).map((toStage) =>
            moveProject(api, editor, { id: project.gid, toStage, occurredOn: on }, 'stage'),
          ),
        ),
      );
      expect(moves.map((m) => m.__typename).sort()).toEqual(['ConflictError', 'RecordProjectStageChangeSuccess']);
      const won = moves.find((m) => m.__typename === 'RecordProjectStageChangeSuccess')!.project.stage;
      expect(await api.db.prisma.project.findUniqueOrThrow({ where: { id: project.id } })).toMatchObject({ stage: won, version: 2 });
      const history = await api.db.prisma.projectStageChange.findMany({ where: { projectId: project.id } });
      expect(history).toMatchObject([{ fromStage: 'SIGNED', toStage: won }]);
      expect(await auditEventsFor(api, project.id)).toHaveLength(1);
    });

    it.skipIf(!onPostgres)('two overlapping investment records of different months both count in the completed investment', async () => {
      const project = await freshProject();
      const results = await overlapping(api, 'Project', project.id, 2, () =>
        Promise.all([
          record(editor, { id: project.gid, month: '2021-05-01', amount: '100' }),
          record(editor, { id: project.gid, month: '2021-06-01', amount: '20' }),
        ]),
      );
      expect(results.map((r) => r.__typename)).toEqual(['RecordInvestmentSuccess', 'RecordInvestmentSuccess']);
      const row = await api.db.prisma.project.findUniqueOrThrow({ where: { id: project.id } });
      expect(row.completedInvestment.toFixed(2)).toBe('120.00');
      expect(row.version).toBe(3);
      expect(await auditEventsFor(api, project.id)).toHaveLength(2);
    });

    it.skipIf(!onPostgres)('two overlapping first recordings of the same month leave one figure, and the later event shows the figure it replaced', async () => {
      const project = await freshProject();
      const results = await overlapping(api, 'Project', project.id, 2, () =>
        Promise.all([
          record(editor, { id: project.gid, month: '2021-07-01', amount: '100' }),
          record(editor, { id: project.gid, month: '2021-07-15', amount: '30' }),
        ]),
      );
      expect(results.map((r) => r.__typename)).toEqual(['RecordInvestmentSuccess', 'RecordInvestmentSuccess']);
      const months = await api.db.prisma.investmentRecord.findMany({ where: { projectId: project.id } });
      expect(months).toHaveLength(1);
      const row = await api.db.prisma.project.findUniqueOrThrow({ where: { id: project.id } });
      expect(row.completedInvestment.toFixed(2)).toBe(months[0]!.amount.toFixed(2));
      // The second to commit replaced the first's figure, and its event says so.
      const events = await auditEventsFor(api, project.id);
      expect(events).toHaveLength(2);
      const [first, second] = events as unknown as { before: { amount: string } | null; after: { amount: string } }[];
      expect(first!.before).toBeNull();
      expect(second!.before).toMatchObject({ amount: first!.after.amount });
      expect(second!.after.amount).toBe(String(Number(months[0]!.amount)));
    });

    const record = (headers: Headers, input: Record<string, unknown>) =>
      mutate(api, headers, 'recordInvestment', 'RecordInvestmentInput', input, `... on RecordInvestmentSuccess { project { version } }`);
  });
});
