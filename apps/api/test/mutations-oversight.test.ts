import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEventsFor, dayIn, expectForbidden, headersFor, missingId, mutate, onPostgres, overlapping, type Headers } from './mutation-kit.ts';
import { startTestApi, type TestApi } from './testkit.ts';

// Obstacles and inspection findings have the same shape and the same
// lifecycle under different names; every case runs for both.
const kinds = [
  {
    type: 'Obstacle',
    table: 'Obstacle',
    field: 'obstacle',
    list: 'obstacles',
    start: 'raisedOn',
    done: 'resolvedOn',
    DONE: 'RESOLVED',
    verb: 'raised',
    doneVerb: 'resolved',
    label: 'an obstacle',
    extra: '',
  },
  {
    type: 'InspectionFinding',
    table: 'InspectionFinding',
    field: 'inspectionFinding',
    list: 'inspectionFindings',
    start: 'foundOn',
    done: 'rectifiedOn',
    DONE: 'RECTIFIED',
    verb: 'found',
    doneVerb: 'rectified',
    label: 'an inspection finding',
    extra: 'obstacle { code }',
  },
] as const;

/** The Prisma calls the tests make on either model. */
interface Rows {
  findUniqueOrThrow(args: { where: { id: string } }): Promise<Record<string, unknown>>;
  count(args: { where: Record<string, unknown> }): Promise<number>;
}

let api: TestApi;
let editor: Headers;
let analyst: Headers;
let partner: Headers;
let others: [string, Headers][];
let timeZone: string;
let codes: { campaign: string; project: string; platform: string };
let serial = 0;

beforeAll(async () => {
  api = await startTestApi();
  editor = await headersFor(api, 'EDITOR', 'inspection office');
  analyst = await headersFor(api, 'ANALYST');
  partner = await headersFor(api, 'PARTNER');
  others = [
    ['analyst', analyst],
    ['partner', partner],
    ['anonymous', {}],
  ];
  timeZone = (await api.db.prisma.programme.findFirstOrThrow({ orderBy: { periodStart: 'desc' } })).timeZone;
  const [campaign, project, platform] = await Promise.all([
    api.db.prisma.campaign.findFirstOrThrow({ orderBy: { code: 'asc' } }),
    api.db.prisma.project.findFirstOrThrow({ orderBy: { code: 'asc' } }),
    api.db.prisma.platform.findFirstOrThrow({ orderBy: { code: 'asc' } }),
  ]);
  codes = { campaign: campaign.code, project: project.code, platform: platform.code };
});
afterAll(() => api.close());

describe.each(kinds)('$type mutations', (kind) => {
  const FIELDS = `id code version status titleZh titleEn descriptionZh responsibleUnit ${kind.start} deadline ${kind.done} visibility archivedAt
    campaign { code } project { code } platform { code } ${kind.extra}`;

  const call = (name: string, headers: Headers, input: Record<string, unknown>, selection = FIELDS) => {
    const verb = name.charAt(0).toUpperCase() + name.slice(1);
    return mutate(api, headers, name, `${verb}Input`, input, `... on ${verb}Success { ${kind.field} { ${selection} } }`);
  };
  const create = (input: Record<string, unknown>, headers = editor) => call(`create${kind.type}`, headers, input);
  const update = (input: Record<string, unknown>, headers = editor) => call(`update${kind.type}`, headers, input);
  const archive = (input: Record<string, unknown>, headers = editor) => call(`archive${kind.type}`, headers, input);
  const changeStatus = (input: Record<string, unknown>, headers = editor) => call(`change${kind.type}Status`, headers, input);
  const rows = () => (api.db.prisma as unknown as Record<string, Rows>)[kind.field]!;
  const row = (id: string) => rows().findUniqueOrThrow({ where: { id } });
  const count = (where: Record<string, unknown> = {}) => rows().count({ where });

  /** A record of its own for one test, made through the API. */
  async function fresh(input: Record<string, unknown> = {}) {
    serial += 1;
    const result = await create({ code: `T-${kind.type}-${serial}`, titleZh: `问题${serial}`, titleEn: `Issue ${serial}`, [kind.start]: dayIn(timeZone, -30), ...input });
    expect(result.__typename, JSON.stringify(result)).toBe(`Create${kind.type}Success`);
    const record = result[kind.field] as { id: string; code: string; version: number };
    return { ...record, uuid: Buffer.from(record.id, 'base64').toString().split(':')[1]! };
  }

  describe('create', () => {
    it('records it OPEN and INTERNAL, with its links named by code, and one audit event', async () => {
      const obstacle = kind.type === 'InspectionFinding' ? await api.db.prisma.obstacle.create({ data: { code: 'OB-LINKED', titleZh: '障碍', titleEn: 'Obstacle', raisedOn: new Date('2021-01-04') } }) : null;
      const raised = dayIn(timeZone, -20);
      const deadline = dayIn(timeZone, 40);
      const result = await create({
        code: `${kind.type}-NEW`,
        titleZh: ' 审批流程过长 ',
        titleEn: 'Approval takes too long',
        descriptionZh: '详情',
        ...codes,
        ...(obstacle ? { obstacle: obstacle.code } : {}),
        responsibleUnit: '区行政审批局',
        [kind.start]: raised,
        deadline,
      });
      expect(result.__typename).toBe(`Create${kind.type}Success`);
      expect(result[kind.field]).toMatchObject({
        code: `${kind.type}-NEW`,
        version: 1,
        status: 'OPEN',
        titleZh: '审批流程过长',
        visibility: 'INTERNAL',
        responsibleUnit: '区行政审批局',
        [kind.start]: raised,
        deadline,
        [kind.done]: null,
        campaign: { code: codes.campaign },
        project: { code: codes.project },
        platform: { code: codes.platform },
        ...(obstacle ? { obstacle: { code: obstacle.code } } : {}),
      });
      const id = Buffer.from(result[kind.field].id, 'base64').toString().split(':')[1]!;
      expect(await row(id)).toMatchObject({ status: 'OPEN', visibility: 'INTERNAL', deadline: new Date(`${deadline}T00:00:00Z`), ...(obstacle ? { obstacleId: obstacle.id } : {}) });
      const events = await auditEventsFor(api, id);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ action: 'create', recordType: kind.type, recordCode: `${kind.type}-NEW`, holder: 'inspection office', role: 'EDITOR', before: null });

      // INTERNAL by default: analysts see it, partners do not.
      const seen = async (headers: Headers) =>
        (await api.execute<{ node: unknown }>(`query ($id: ID!) { node(id: $id) { id } }`, { id: result[kind.field].id }, headers)).data?.node;
      expect(await seen(analyst)).toEqual({ id: result[kind.field].id });
      expect(await seen(partner)).toBeNull();
    });

    it('refuses a code that exists with ConflictError', async () => {
      const existing = await fresh();
      const events = await api.db.prisma.auditEvent.count();
      const result = await create({ code: existing.code, titleZh: '重复', titleEn: 'Again', [kind.start]: dayIn(timeZone, -1) });
      expect(result).toMatchObject({ __typename: 'ConflictError', code: 'CONFLICT' });
      expect(await count({ code: existing.code })).toBe(1);
      expect(await api.db.prisma.auditEvent.count()).toBe(events);
    });

    it('refuses bad fields, a deadline before the start, a start in the future and unknown codes, writing nothing', async () => {
      const before = await count();
      const events = await api.db.prisma.auditEvent.count();
      const cases: [Record<string, unknown>, string[], string?][] = [
        [{ code: '!', titleZh: '', responsibleUnit: '  ' }, ['input.code', 'input.responsibleUnit', 'input.titleZh']],
        [{ deadline: dayIn(timeZone, -31) }, ['input.deadline'], `must not be before ${kind.start} (${dayIn(timeZone, -30)})`],
        [{ [kind.start]: dayIn(timeZone, 1) }, [`input.${kind.start}`], 'is in the future'],
        [{ project: 'NO-SUCH-PROJECT' }, ['input.project'], 'no project has the code "NO-SUCH-PROJECT"'],
        [{ platform: 'NO-SUCH-PLATFORM' }, ['input.platform'], 'no platform has the code "NO-SUCH-PLATFORM"'],
        ...(kind.type === 'InspectionFinding' ? [[{ obstacle: 'NO-SUCH-OB' }, ['input.obstacle'], 'no obstacle has the code "NO-SUCH-OB"'] as [Record<string, unknown>, string[], string]] : []),
      ];
      for (const [input, paths, message] of cases) {
        const result = await create({ code: `${kind.type}-BAD`, titleZh: '问题', titleEn: 'Issue', [kind.start]: dayIn(timeZone, -30), ...input });
        expect(result.__typename, JSON.stringify(input)).toBe('ValidationError');
        expect([...new Set(result.issues!.map((i) => i.path.join('.')))].sort(), JSON.stringify(input)).toEqual(paths);
        if (message) expect(result.issues![0]!.message).toContain(message);
      }
      expect(await count()).toBe(before);
      expect(await api.db.prisma.auditEvent.count()).toBe(events);
    });

    it('is forbidden to analysts, partners and anonymous callers', async () => {
      for (const [who, headers] of others) {
        const input = { code: `${kind.type}-NOPE`, titleZh: '问题', titleEn: 'Issue', [kind.start]: dayIn(timeZone, -1) };
        await expectForbidden(api, headers, `create${kind.type}`, `Create${kind.type}Input`, input, who);
      }
      expect(await count({ code: `${kind.type}-NOPE` })).toBe(0);
    });
  });

  describe('update', () => {
    it('changes only the fields given, clears those given as null, bumps the version and records before and after', async () => {
      const record = await fresh({ responsibleUnit: '区发改局', project: codes.project, deadline: dayIn(timeZone, 10), descriptionZh: '旧' });
      const result = await update({ id: record.id, version: 1, titleEn: 'Retitled', responsibleUnit: null, project: null, deadline: null, campaign: codes.campaign, visibility: 'RESTRICTED' });
      expect(result.__typename).toBe(`Update${kind.type}Success`);
      expect(result[kind.field]).toMatchObject({
        version: 2,
        titleZh: `问题${serial}`,
        titleEn: 'Retitled',
        descriptionZh: '旧',
        responsibleUnit: null,
        project: null,
        deadline: null,
        campaign: { code: codes.campaign },
        visibility: 'RESTRICTED',
        status: 'OPEN',
      });
      expect(await row(record.uuid)).toMatchObject({ version: 2, titleEn: 'Retitled', responsibleUnit: null, projectId: null, deadline: null, visibility: 'RESTRICTED' });
      const events = await auditEventsFor(api, record.uuid);
      expect(events.map((e) => e.action)).toEqual(['create', 'update']);
      expect(events[1]!.before).toMatchObject({ titleEn: `Issue ${serial}`, responsibleUnit: '区发改局', version: 1 });
      expect(events[1]!.after).toMatchObject({ titleEn: 'Retitled', responsibleUnit: null, version: 2 });
    });

    it('checks the deadline against the stored start day, blaming the field that was sent', async () => {
      const record = await fresh({ deadline: dayIn(timeZone, -10) });
      const early = await update({ id: record.id, version: 1, deadline: dayIn(timeZone, -31) });
      expect(early.issues).toEqual([{ path: ['input', 'deadline'], message: `must not be before ${kind.start} (${dayIn(timeZone, -30)})` }]);
      const late = await update({ id: record.id, version: 1, [kind.start]: dayIn(timeZone, -5) });
      expect(late.issues).toEqual([{ path: ['input', kind.start], message: `must not be after the deadline (${dayIn(timeZone, -10)})` }]);
      const future = await update({ id: record.id, version: 1, [kind.start]: dayIn(timeZone, 2), deadline: null });
      expect(future.issues).toMatchObject([{ path: ['input', kind.start], message: expect.stringContaining('is in the future') }]);
      expect(await row(record.uuid)).toMatchObject({ version: 1, deadline: new Date(`${dayIn(timeZone, -10)}T00:00:00Z`) });
    });

    it('refuses a stale version with ConflictError, null for a title, and answers NotFoundError', async () => {
      const record = await fresh();
      expect((await update({ id: record.id, version: 1, titleEn: 'First' })).__typename).toBe(`Update${kind.type}Success`);
      expect(await update({ id: record.id, version: 1, titleEn: 'Lost' })).toMatchObject({ __typename: 'ConflictError', currentVersion: 2 });
      expect((await update({ id: record.id, version: 2, titleZh: null })).issues).toMatchObject([{ path: ['input', 'titleZh'] }]);
      expect(await update({ id: missingId(kind.type), version: 1, titleEn: 'Ghost' })).toMatchObject({ __typename: 'NotFoundError', recordType: kind.type });
      expect(await row(record.uuid)).toMatchObject({ version: 2, titleEn: 'First' });
      expect(await auditEventsFor(api, record.uuid)).toHaveLength(2);
    });

    it('is forbidden to analysts, partners and anonymous callers', async () => {
      const record = await fresh();
      for (const [who, headers] of others) {
        await expectForbidden(api, headers, `update${kind.type}`, `Update${kind.type}Input`, { id: record.id, version: 1, titleEn: 'Nope' }, who);
      }
      expect(await row(record.uuid)).toMatchObject({ version: 1 });
    });
  });

  describe('archive', () => {
    it('takes it out of the default list and count, keeps it readable by ID, and records one event', async () => {
      const record = await fresh();
      const listed = async () =>
        (await api.execute<Record<string, { totalCount: number; nodes: { code: string }[] }>>(`{ ${kind.list}(first: 100) { totalCount nodes { code } } }`, {}, editor)).data![
          kind.list
        ]!;
      const before = await listed();
      expect(before.nodes.map((n) => n.code)).toContain(record.code);
      const result = await archive({ id: record.id, version: 1 });
      expect(result.__typename).toBe(`Archive${kind.type}Success`);
      expect(result[kind.field].archivedAt).not.toBeNull();
      const after = await listed();
      expect(after.nodes.map((n) => n.code)).not.toContain(record.code);
      expect(after.totalCount).toBe(before.totalCount - 1);
      const { data } = await api.execute<{ node: { code: string; version: number } }>(
        `query ($id: ID!) { node(id: $id) { ... on ${kind.type} { code version } } }`,
        { id: record.id },
        editor,
      );
      expect(data?.node).toEqual({ code: record.code, version: 2 });
      const events = await auditEventsFor(api, record.uuid);
      expect(events.map((e) => e.action)).toEqual(['create', 'archive']);
      expect(events[1]!.after).toMatchObject({ version: 2, archivedAt: result[kind.field].archivedAt });
    });

    it('refuses to archive twice and a stale version with ConflictError; answers NotFoundError; is forbidden below editor', async () => {
      const record = await fresh();
      await update({ id: record.id, version: 1, titleEn: 'Changed' });
      expect(await archive({ id: record.id, version: 1 })).toMatchObject({ __typename: 'ConflictError', currentVersion: 2 });
      for (const [who, headers] of others) {
        await expectForbidden(api, headers, `archive${kind.type}`, `Archive${kind.type}Input`, { id: record.id, version: 2 }, who);
      }
      expect((await row(record.uuid)).archivedAt).toBeNull();
      expect((await archive({ id: record.id, version: 2 })).__typename).toBe(`Archive${kind.type}Success`);
      expect(await archive({ id: record.id, version: 3 })).toMatchObject({ __typename: 'ConflictError', message: expect.stringContaining('already archived') });
      expect(await archive({ id: missingId(kind.type), version: 1 })).toMatchObject({ __typename: 'NotFoundError' });
      expect(await auditEventsFor(api, record.uuid)).toHaveLength(3);
    });
  });

  describe(`change${kind.type}Status`, () => {
    const STATUS = `status version ${kind.done}`;
    const move = (id: string, version: number, status: string, on: string, note?: string, headers = editor) =>
      call(`change${kind.type}Status`, headers, { id, version, status, on, ...(note === undefined ? {} : { note }) }, STATUS);

    it(`goes OPEN → IN_PROGRESS → ${kind.DONE} → IN_PROGRESS (re-opened) → ${kind.DONE} → CLOSED, keeping each note in the audit trail`, async () => {
      const record = await fresh();
      const steps: [string, string, string | null][] = [
        ['IN_PROGRESS', dayIn(timeZone, -25), null],
        [kind.DONE, dayIn(timeZone, -20), dayIn(timeZone, -20)],
        ['IN_PROGRESS', dayIn(timeZone, -15), null],
        [kind.DONE, dayIn(timeZone, -10), dayIn(timeZone, -10)],
        ['CLOSED', dayIn(timeZone), dayIn(timeZone, -10)],
      ];
      let version = 1;
      for (const [status, on, done] of steps) {
        const result = await move(record.id, version, status, on, `到 ${status}`);
        version += 1;
        expect(result, status).toEqual({ __typename: `Change${kind.type}StatusSuccess`, [kind.field]: { status, version, [kind.done]: done } });
        expect(await row(record.uuid), status).toMatchObject({ status, version, [kind.done]: done && new Date(`${done}T00:00:00Z`) });
      }
      const events = await auditEventsFor(api, record.uuid);
      expect(events.map((e) => e.action)).toEqual(['create', ...steps.map(() => 'changeStatus')]);
      expect(events[3]!.before).toMatchObject({ status: kind.DONE, [kind.done]: `${dayIn(timeZone, -20)}T00:00:00.000Z` });
      expect(events[3]!.after).toMatchObject({
        status: 'IN_PROGRESS',
        [kind.done]: null,
        statusChange: { from: kind.DONE, to: 'IN_PROGRESS', on: `${dayIn(timeZone, -15)}T00:00:00.000Z`, note: '到 IN_PROGRESS' },
      });
    });

    it('keeps each move with its note in the status history, which an analyst reads and a partner never sees', async () => {
      const record = await fresh();
      expect((await move(record.id, 1, 'IN_PROGRESS', dayIn(timeZone, -5), '已交办')).__typename).toBe(`Change${kind.type}StatusSuccess`);
      expect((await move(record.id, 2, kind.DONE, dayIn(timeZone, -2))).__typename).toBe(`Change${kind.type}StatusSuccess`);
      // Refused: a failed move leaves no trace in the history.
      expect((await move(record.id, 3, 'OPEN', dayIn(timeZone), 'back to the start')).__typename).toBe('ValidationError');

      const HISTORY = `query ($id: ID!) { node(id: $id) { ... on ${kind.type} { statusHistory { fromStatus toStatus occurredOn note recordedBy recordedAt } } } }`;
      const read = async (headers: Headers) => {
        const result = await api.execute<{ node: { statusHistory: Record<string, unknown>[] } | null }>(HISTORY, { id: record.id }, headers);
        expect(result.errors).toBeUndefined();
        return result.data!.node;
      };
      const seen = await read(analyst);
      expect(seen!.statusHistory.map(({ recordedAt: _, ...move }) => move)).toEqual([
        { fromStatus: 'OPEN', toStatus: 'IN_PROGRESS', occurredOn: dayIn(timeZone, -5), note: '已交办', recordedBy: 'inspection office' },
        { fromStatus: 'IN_PROGRESS', toStatus: kind.DONE, occurredOn: dayIn(timeZone, -2), note: null, recordedBy: 'inspection office' },
      ]);
      // INTERNAL by default: a partner sees neither the record nor its history.
      expect(await read(partner)).toBeNull();
    });

    it('shows a partner the moves of a PUBLIC one, but not who made them or the notes', async () => {
      const record = await fresh({ visibility: 'PUBLIC' });
      expect((await move(record.id, 1, 'IN_PROGRESS', dayIn(timeZone, -3), '内部说明')).__typename).toBe(`Change${kind.type}StatusSuccess`);
      const HISTORY = `query ($id: ID!) { node(id: $id) { ... on ${kind.type} { statusHistory { toStatus note recordedBy } } } }`;
      const asPartner = await api.execute<{ node: { statusHistory: unknown[] } }>(HISTORY, { id: record.id }, partner);
      expect(asPartner.errors).toBeUndefined();
      expect(asPartner.data!.node.statusHistory).toEqual([{ toStatus: 'IN_PROGRESS', note: null, recordedBy: null }]);
      const asAnonymous = await api.execute<{ node: { statusHistory: unknown[] } }>(HISTORY, { id: record.id });
      expect(asAnonymous.data!.node.statusHistory).toEqual([{ toStatus: 'IN_PROGRESS', note: null, recordedBy: null }]);
      const asAnalyst = await api.execute<{ node: { statusHistory: unknown[] } }>(HISTORY, { id: record.id }, analyst);
      expect(asAnalyst.data!.node.statusHistory).toEqual([{ toStatus: 'IN_PROGRESS', note: '内部说明', recordedBy: 'inspection office' }]);
    });

    it('refuses moves the lifecycle does not allow, naming the allowed ones; CLOSED is final', async () => {
      const record = await fresh();
      const skip = await move(record.id, 1, kind.DONE, dayIn(timeZone, -1));
      expect(skip.issues).toEqual([
        { path: ['input', 'status'], message: `${kind.label} that is OPEN cannot move to ${kind.DONE}; from OPEN it may move to IN_PROGRESS` },
      ]);
      expect((await move(record.id, 1, 'OPEN', dayIn(timeZone, -1))).issues![0]!.message).toContain('cannot move to OPEN');
      expect((await move(record.id, 1, 'CLOSED', dayIn(timeZone, -1))).__typename).toBe('ValidationError');

      for (const [version, status] of [[1, 'IN_PROGRESS'], [2, kind.DONE], [3, 'CLOSED']] as const) {
        expect((await move(record.id, version, status, dayIn(timeZone, -1))).__typename, status).toBe(`Change${kind.type}StatusSuccess`);
      }
      const wasDone = await move(record.id, 4, 'IN_PROGRESS', dayIn(timeZone, -1));
      expect(wasDone.issues).toEqual([
        { path: ['input', 'status'], message: `${kind.label} that is CLOSED cannot move to IN_PROGRESS; from CLOSED it may move to nothing: CLOSED is final` },
      ]);
      expect((await move(record.id, 4, 'OPEN', dayIn(timeZone, -1))).__typename).toBe('ValidationError');
      expect(await row(record.uuid)).toMatchObject({ status: 'CLOSED', version: 4 });
      expect(await auditEventsFor(api, record.uuid)).toHaveLength(4);
    });

    it(`refuses a day in the future, before the day it was ${'raised or found'}, or before it was last ${kind.doneVerb}`, async () => {
      const record = await fresh();
      expect((await move(record.id, 1, 'IN_PROGRESS', dayIn(timeZone, 1))).issues).toMatchObject([{ path: ['input', 'on'], message: expect.stringContaining('is in the future') }]);
      expect((await move(record.id, 1, 'IN_PROGRESS', dayIn(timeZone, -31))).issues).toEqual([
        { path: ['input', 'on'], message: `must not be before the day it was ${kind.verb} (${dayIn(timeZone, -30)})` },
      ]);
      await move(record.id, 1, 'IN_PROGRESS', dayIn(timeZone, -20));
      await move(record.id, 2, kind.DONE, dayIn(timeZone, -5));
      expect((await move(record.id, 3, 'CLOSED', dayIn(timeZone, -6))).issues).toEqual([
        { path: ['input', 'on'], message: `must not be before the day it was ${kind.doneVerb} (${dayIn(timeZone, -5)})` },
      ]);
      expect(await row(record.uuid)).toMatchObject({ status: kind.DONE, version: 3 });
    });

    it('refuses a stale version with ConflictError; answers NotFoundError; is forbidden below editor', async () => {
      const record = await fresh();
      await update({ id: record.id, version: 1, titleEn: 'Changed' });
      expect(await move(record.id, 1, 'IN_PROGRESS', dayIn(timeZone, -1))).toMatchObject({ __typename: 'ConflictError', currentVersion: 2 });
      expect(await move(missingId(kind.type), 1, 'IN_PROGRESS', dayIn(timeZone, -1))).toMatchObject({ __typename: 'NotFoundError' });
      for (const [who, headers] of others) {
        const input = { id: record.id, version: 2, status: 'IN_PROGRESS', on: dayIn(timeZone, -1) };
        await expectForbidden(api, headers, `change${kind.type}Status`, `Change${kind.type}StatusInput`, input, who);
      }
      expect(await row(record.uuid)).toMatchObject({ status: 'OPEN', version: 2 });
      expect(await auditEventsFor(api, record.uuid)).toHaveLength(2);
    });

    it('of two status changes sent together with the same version, one wins', async () => {
      const record = await fresh();
      const results = await Promise.all([move(record.id, 1, 'IN_PROGRESS', dayIn(timeZone, -2), 'A'), move(record.id, 1, 'IN_PROGRESS', dayIn(timeZone, -1), 'B')]);
      expect(results.map((r) => r.__typename).sort()).toEqual([`Change${kind.type}StatusSuccess`, 'ConflictError']);
      expect(await auditEventsFor(api, record.uuid)).toHaveLength(2);
    });

    // Holds the row until both have read it (see mutation-kit's `overlapping`): PostgreSQL only.
    it.skipIf(!onPostgres)('of two overlapping status changes that both read the same version, exactly one is applied and audited', async () => {
      const record = await fresh();
      const results = await overlapping(api, kind.table, record.uuid, 2, () =>
        Promise.all([move(record.id, 1, 'IN_PROGRESS', dayIn(timeZone, -2), 'A'), move(record.id, 1, 'IN_PROGRESS', dayIn(timeZone, -1), 'B')]),
      );
      expect(results.map((r) => r.__typename).sort()).toEqual([`Change${kind.type}StatusSuccess`, 'ConflictError']);
      expect(results.find((r) => r.__typename === 'ConflictError')!.currentVersion).toBe(2);
      expect(await row(record.uuid)).toMatchObject({ status: 'IN_PROGRESS', version: 2 });
      const events = await auditEventsFor(api, record.uuid);
      expect(events).toHaveLength(2);
      const winner = results.findIndex((r) => r.__typename !== 'ConflictError') === 0 ? 'A' : 'B';
      expect(events[1]!.after).toMatchObject({ statusChange: { note: winner } });
    });
  });
});
