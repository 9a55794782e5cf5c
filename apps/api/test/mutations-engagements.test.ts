import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEventsFor, dayIn, expectForbidden, headersFor, missingId, mutate, onPostgres, overlapping, type Headers } from './mutation-kit.ts';
import { startTestApi, type TestApi } from './testkit.ts';

const ENGAGEMENT = 'id version occurredOn subjectZh subjectEn notes visibility archivedAt project { code } organisation { code }';

describe('engagement mutations', () => {
  let api: TestApi;
  let editor: Headers;
  let analyst: Headers;
  let partner: Headers;
  let others: [string, Headers][];
  let timeZone: string;
  let project: string;
  let organisation: string;

  const call = (name: string, input: Record<string, unknown>, headers = editor) => {
    const verb = name.charAt(0).toUpperCase() + name.slice(1);
    return mutate(api, headers, name, `${verb}Input`, input, `... on ${verb}Success { engagement { ${ENGAGEMENT} } }`);
  };
  const record = (input: Record<string, unknown>) => call('recordEngagement', input);
  const update = (input: Record<string, unknown>) => call('updateEngagement', input);
  const archive = (input: Record<string, unknown>) => call('archiveEngagement', input);
  const uuidOf = (id: string) => Buffer.from(id, 'base64').toString().split(':')[1]!;

  /** A talk of its own for one test, recorded through the API. */
  async function fresh(input: Record<string, unknown> = {}) {
    const result = await record({ occurredOn: dayIn(timeZone, -7), organisation, subjectZh: '洽谈', subjectEn: 'A talk', ...input });
    expect(result.__typename, JSON.stringify(result)).toBe('RecordEngagementSuccess');
    return { id: result.engagement.id as string, uuid: uuidOf(result.engagement.id) };
  }

  beforeAll(async () => {
    api = await startTestApi();
    editor = await headersFor(api, 'EDITOR', 'investment promotion bureau');
    analyst = await headersFor(api, 'ANALYST');
    partner = await headersFor(api, 'PARTNER');
    others = [
      ['analyst', analyst],
      ['partner', partner],
      ['anonymous', {}],
    ];
    timeZone = (await api.db.prisma.programme.findFirstOrThrow({ orderBy: { periodStart: 'desc' } })).timeZone;
    project = (await api.db.prisma.project.findFirstOrThrow({ orderBy: { code: 'asc' } })).code;
    organisation = (await api.db.prisma.organisation.findFirstOrThrow({ orderBy: { code: 'asc' } })).code;
  });
  afterAll(() => api.close());

  describe('recordEngagement', () => {
    it('records a talk with a project, an organisation or both; INTERNAL by default; one audit event each', async () => {
      const on = dayIn(timeZone);
      for (const [links, expected] of [
        [{ project }, { project: { code: project }, organisation: null }],
        [{ organisation }, { project: null, organisation: { code: organisation } }],
        [{ project, organisation }, { project: { code: project }, organisation: { code: organisation } }],
      ] as const) {
        const result = await record({ occurredOn: on, ...links, subjectZh: ' 签约前洽谈 ', subjectEn: 'Talks before signing', notes: '意向明确' });
        expect(result.__typename).toBe('RecordEngagementSuccess');
        expect(result.engagement).toMatchObject({ version: 1, occurredOn: on, subjectZh: '签约前洽谈', notes: '意向明确', visibility: 'INTERNAL', archivedAt: null, ...expected });
        const id = uuidOf(result.engagement.id);
        expect(await api.db.prisma.engagement.findUniqueOrThrow({ where: { id } })).toMatchObject({ visibility: 'INTERNAL', occurredOn: new Date(`${on}T00:00:00Z`) });
        const events = await auditEventsFor(api, id);
        expect(events).toHaveLength(1);
        expect(events[0]).toMatchObject({ action: 'create', recordType: 'Engagement', recordCode: null, holder: 'investment promotion bureau', before: null });
        expect(events[0]!.after).toMatchObject({ subjectZh: '签约前洽谈', notes: '意向明确' });
      }
    });

    it('lets analysts read an INTERNAL talk and keeps it from partners', async () => {
      const seen = async (id: string, headers: Headers) =>
        (await api.execute<{ node: unknown }>(`query ($id: ID!) { node(id: $id) { id } }`, { id }, headers)).data?.node;
      const { id: internal } = await fresh();
      expect(await seen(internal, analyst)).toEqual({ id: internal });
      expect(await seen(internal, partner)).toBeNull();
      const { id: open } = await fresh({ visibility: 'PUBLIC' });
      expect(await seen(open, partner)).toEqual({ id: open });
    });

    it('refuses a talk with nobody, an unknown code, a day in the future or an empty subject, writing nothing', async () => {
      const before = await api.db.prisma.engagement.count();
      const events = await api.db.prisma.auditEvent.count();
      const base = { occurredOn: dayIn(timeZone, -1), subjectZh: '洽谈', subjectEn: 'Talk' };
      const cases: [Record<string, unknown>, string[], string][] = [
        [{}, ['input'], 'name the project, the counterpart organisation, or both'],
        [{ project: null, organisation: null }, ['input'], 'name the project'],
        [{ organisation: 'ORG-NOPE' }, ['input.organisation'], 'no organisation has the code "ORG-NOPE"'],
        [{ project: 'P-NOPE', organisation }, ['input.project'], 'no project has the code "P-NOPE"'],
        [{ organisation, occurredOn: dayIn(timeZone, 1) }, ['input.occurredOn'], 'is in the future'],
        [{ organisation, subjectEn: '  ' }, ['input.subjectEn'], 'must not be empty'],
      ];
      for (const [input, paths, message] of cases) {
        const result = await record({ ...base, ...input });
        expect(result.__typename, JSON.stringify(input)).toBe('ValidationError');
        expect(result.issues!.map((i) => i.path.join('.')), JSON.stringify(input)).toEqual(paths);
        expect(result.issues![0]!.message, JSON.stringify(input)).toContain(message);
      }
      expect(await api.db.prisma.engagement.count()).toBe(before);
      expect(await api.db.prisma.auditEvent.count()).toBe(events);
    });

    it('is forbidden to analysts, partners and anonymous callers', async () => {
      const before = await api.db.prisma.engagement.count();
      for (const [who, headers] of others) {
        const input = { occurredOn: dayIn(timeZone, -1), organisation, subjectZh: '洽谈', subjectEn: 'Talk' };
        await expectForbidden(api, headers, 'recordEngagement', 'RecordEngagementInput', input, who);
      }
      expect(await api.db.prisma.engagement.count()).toBe(before);
    });
  });

  describe('updateEngagement', () => {
    it('changes only the fields given, clears those given as null, bumps the version and records before and after', async () => {
      const talk = await fresh({ project, notes: '初步接触' });
      const result = await update({ id: talk.id, version: 1, project: null, notes: null, subjectEn: 'Second round', occurredOn: dayIn(timeZone, -3) });
      expect(result.__typename).toBe('UpdateEngagementSuccess');
      expect(result.engagement).toMatchObject({
        version: 2,
        project: null,
        organisation: { code: organisation },
        notes: null,
        subjectZh: '洽谈',
        subjectEn: 'Second round',
        occurredOn: dayIn(timeZone, -3),
      });
      expect(await api.db.prisma.engagement.findUniqueOrThrow({ where: { id: talk.uuid } })).toMatchObject({ version: 2, projectId: null, notes: null });
      const events = await auditEventsFor(api, talk.uuid);
      expect(events.map((e) => e.action)).toEqual(['create', 'update']);
      expect(events[1]!.before).toMatchObject({ notes: '初步接触', subjectEn: 'A talk', version: 1 });
      expect(events[1]!.after).toMatchObject({ notes: null, projectId: null, subjectEn: 'Second round', version: 2 });
    });

    it('refuses to leave a talk with nobody, unknown codes, a future day and null for a subject', async () => {
      const talk = await fresh();
      expect((await update({ id: talk.id, version: 1, organisation: null })).issues).toEqual([{ path: ['input'], message: 'name the project, the counterpart organisation, or both' }]);
      expect((await update({ id: talk.id, version: 1, organisation: null, project })).__typename).toBe('UpdateEngagementSuccess');
      expect((await update({ id: talk.id, version: 2, project: 'P-NOPE' })).issues).toMatchObject([{ path: ['input', 'project'] }]);
      expect((await update({ id: talk.id, version: 2, occurredOn: dayIn(timeZone, 1) })).issues).toMatchObject([{ path: ['input', 'occurredOn'] }]);
      expect((await update({ id: talk.id, version: 2, subjectZh: null })).issues).toMatchObject([{ path: ['input', 'subjectZh'] }]);
      expect(await api.db.prisma.engagement.findUniqueOrThrow({ where: { id: talk.uuid } })).toMatchObject({ version: 2, organisationId: null });
      expect(await auditEventsFor(api, talk.uuid)).toHaveLength(2);
    });

    it('refuses a stale version with ConflictError; answers NotFoundError; is forbidden below editor', async () => {
      const talk = await fresh();
      await update({ id: talk.id, version: 1, notes: 'first' });
      expect(await update({ id: talk.id, version: 1, notes: 'lost' })).toMatchObject({ __typename: 'ConflictError', currentVersion: 2 });
      expect(await update({ id: missingId('Engagement'), version: 1, notes: 'ghost' })).toMatchObject({ __typename: 'NotFoundError', recordType: 'Engagement' });
      for (const [who, headers] of others) {
        await expectForbidden(api, headers, 'updateEngagement', 'UpdateEngagementInput', { id: talk.id, version: 2, notes: 'nope' }, who);
      }
      expect(await api.db.prisma.engagement.findUniqueOrThrow({ where: { id: talk.uuid } })).toMatchObject({ version: 2, notes: 'first' });
      expect(await auditEventsFor(api, talk.uuid)).toHaveLength(2);
    });

    it.skipIf(!onPostgres)('of two overlapping updates that both read the same version, exactly one is applied and audited', async () => {
      const talk = await fresh();
      const results = await overlapping(api, 'Engagement', talk.uuid, 2, () =>
        Promise.all([update({ id: talk.id, version: 1, notes: 'A' }), update({ id: talk.id, version: 1, notes: 'B' })]),
      );
      expect(results.map((r) => r.__typename).sort()).toEqual(['ConflictError', 'UpdateEngagementSuccess']);
      const winner = results[0]!.__typename === 'UpdateEngagementSuccess' ? 'A' : 'B';
      expect(await api.db.prisma.engagement.findUniqueOrThrow({ where: { id: talk.uuid } })).toMatchObject({ version: 2, notes: winner });
      expect(await auditEventsFor(api, talk.uuid)).toHaveLength(2);
    });
  });

  describe('archiveEngagement', () => {
    it('takes the talk out of the log and its count, keeps it readable by ID, and records one event', async () => {
      const talk = await fresh();
      const log = async () =>
        (await api.execute<{ engagements: { totalCount: number; nodes: { id: string }[] } }>(`{ engagements(first: 100) { totalCount nodes { id } } }`, {}, editor)).data!
          .engagements;
      const before = await log();
      expect(before.nodes.map((n) => n.id)).toContain(talk.id);
      const result = await archive({ id: talk.id, version: 1 });
      expect(result.__typename).toBe('ArchiveEngagementSuccess');
      expect(result.engagement).toMatchObject({ version: 2, archivedAt: expect.any(String) });
      const after = await log();
      expect(after.nodes.map((n) => n.id)).not.toContain(talk.id);
      expect(after.totalCount).toBe(before.totalCount - 1);
      const { data } = await api.execute<{ node: { version: number } }>(`query ($id: ID!) { node(id: $id) { ... on Engagement { version } } }`, { id: talk.id }, editor);
      expect(data?.node).toEqual({ version: 2 });
      const events = await auditEventsFor(api, talk.uuid);
      expect(events.map((e) => e.action)).toEqual(['create', 'archive']);
      expect(events[1]!.after).toMatchObject({ version: 2, archivedAt: result.engagement.archivedAt });
    });

    it('refuses a stale version and archiving twice with ConflictError; answers NotFoundError; is forbidden below editor', async () => {
      const talk = await fresh();
      await update({ id: talk.id, version: 1, notes: 'changed' });
      expect(await archive({ id: talk.id, version: 1 })).toMatchObject({ __typename: 'ConflictError', currentVersion: 2 });
      for (const [who, headers] of others) {
        await expectForbidden(api, headers, 'archiveEngagement', 'ArchiveEngagementInput', { id: talk.id, version: 2 }, who);
      }
      expect((await api.db.prisma.engagement.findUniqueOrThrow({ where: { id: talk.uuid } })).archivedAt).toBeNull();
      expect((await archive({ id: talk.id, version: 2 })).__typename).toBe('ArchiveEngagementSuccess');
      expect(await archive({ id: talk.id, version: 3 })).toMatchObject({ __typename: 'ConflictError', message: expect.stringContaining('already archived') });
      expect(await archive({ id: missingId('Engagement'), version: 1 })).toMatchObject({ __typename: 'NotFoundError' });
      expect(await auditEventsFor(api, talk.uuid)).toHaveLength(3);
    });
  });
});
