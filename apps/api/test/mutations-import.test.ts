import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headersFor, onPostgres, type Headers } from './mutation-kit.ts';
import { startTestApi, type TestApi } from './testkit.ts';

const IMPORT = /* GraphQL */ `
  mutation ($input: ImportProjectsInput!) {
    importProjects(input: $input) {
      __typename
      ... on Error { code message }
      ... on ValidationError { issues { path message } }
      ... on ImportRejectedError { issues { row code field message } }
      ... on ImportProjectsSuccess { dryRun created updated unchanged rows { row code outcome projectId changedFields } }
    }
  }
`;

describe('importProjects', () => {
  let api: TestApi;
  let editor: Headers;
  let serial = 0;

  const importProjects = async (input: Record<string, unknown>, headers: Headers = editor) => {
    const result = await api.execute<{ importProjects: Record<string, any> }>(IMPORT, { input }, headers);
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    return result.data!.importProjects;
  };
  const newCode = () => `IMP-${++serial}-${Date.now().toString(36)}`;
  const row = (code: string, extra: Record<string, unknown> = {}) => ({ code, nameZh: `导入项目${code}`, nameEn: `Imported ${code}`, campaign: 'GZK-2020-C4', ...extra });
  const projectCount = () => api.db.prisma.project.count();
  const auditCount = () => api.db.prisma.auditEvent.count({ where: { recordType: 'Project' } });

  beforeAll(async () => {
    api = await startTestApi();
    editor = await headersFor(api, 'EDITOR', 'planning office');
  });
  afterAll(() => api.close());

  it('creates new projects and updates existing ones by code, with one audit event per written project', async () => {
    const [a, b] = [newCode(), newCode()];
    const existing = await api.db.prisma.project.findUniqueOrThrow({ where: { code: 'GZK-2020-P03' }, include: { campaign: true } });
    const audits = await auditCount();
    const result = await importProjects({
      rows: [
        row(a, { row: 2, plannedInvestment: '350000000', organisations: ['ORG-360'], targetDate: '2020-12-31', stage: 'SIGNED' }),
        row(b, { row: 3 }),
        { row: 4, code: existing.code, nameZh: existing.nameZh, nameEn: `${existing.nameEn} (renamed)`, campaign: existing.campaign.code },
      ],
    });
    expect(result).toMatchObject({ __typename: 'ImportProjectsSuccess', dryRun: false, created: 2, updated: 1, unchanged: 0 });
    expect(result.rows.map((r: any) => [r.row, r.code, r.outcome, r.changedFields])).toEqual([
      [2, a, 'CREATED', []],
      [3, b, 'CREATED', []],
      [4, existing.code, 'UPDATED', ['nameEn']],
    ]);
    const created = await api.db.prisma.project.findUniqueOrThrow({ where: { code: a }, include: { organisations: true } });
    expect(created.plannedInvestment?.toFixed(0)).toBe('350000000');
    expect(created.stage).toBe('SIGNED');
    expect(created.organisations.map((o) => o.code)).toEqual(['ORG-360']);
    const renamed = await api.db.prisma.project.findUniqueOrThrow({ where: { code: existing.code } });
    expect(renamed.nameEn).toBe(`${existing.nameEn} (renamed)`);
    expect(renamed.version).toBe(existing.version + 1);
    // Fields the row left out are left as they were.
    expect(renamed.summaryZh).toBe(existing.summaryZh);
    expect(await auditCount()).toBe(audits + 3);
    const events = await api.db.prisma.auditEvent.findMany({ where: { recordCode: { in: [a, existing.code] } }, orderBy: { recordCode: 'asc' } });
    expect(events.map((e) => [e.recordCode, e.action, e.holder])).toEqual(
      [
        [a, 'create', 'planning office'],
        [existing.code, 'update', 'planning office'],
      ].sort((x, y) => x[0]!.localeCompare(y[0]!)),
    );
  });

  it('a second import of the same rows changes nothing and writes no audit event', async () => {
    const code = newCode();
    const rows = [row(code, { plannedInvestment: '1250000.50', platforms: [] })];
    expect(await importProjects({ rows })).toMatchObject({ created: 1 });
    const before = await api.db.prisma.project.findUniqueOrThrow({ where: { code } });
    const audits = await auditCount();
    expect(await importProjects({ rows })).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
    expect(await api.db.prisma.project.findUniqueOrThrow({ where: { code } })).toEqual(before);
    expect(await auditCount()).toBe(audits);
  });

  it('a dry run reports what would happen and writes nothing', async () => {
    const code = newCode();
    const [projects, audits] = [await projectCount(), await auditCount()];
    const result = await importProjects({ dryRun: true, rows: [row(code), row('GZK-2020-P04', { nameZh: '改名', nameEn: 'Renamed', campaign: 'GZK-2020-C4' })] });
    expect(result).toMatchObject({ __typename: 'ImportProjectsSuccess', dryRun: true, created: 1, updated: 1 });
    expect(result.rows[0].projectId).toBeNull();
    expect(await projectCount()).toBe(projects);
    expect(await auditCount()).toBe(audits);
    expect((await api.db.prisma.project.findUniqueOrThrow({ where: { code: 'GZK-2020-P04' } })).nameZh).not.toBe('改名');
  });

  it('one bad row imports nothing, and every problem is named by its row and field', async () => {
    const [good, other] = [newCode(), newCode()];
    const [projects, audits] = [await projectCount(), await auditCount()];
    const result = await importProjects({
      rows: [
        row(good, { row: 2 }),
        row(other, { row: 3, campaign: 'NO-SUCH-CAMPAIGN', cluster: 'NO-CLUSTER', park: 'NO-PARK', plannedInvestment: '-5' }),
        row(good, { row: 4 }),
        row('GZK-2020-P05', { row: 5, stage: 'CANCELLED' }),
      ],
    });
    expect(result.__typename).toBe('ImportRejectedError');
    expect(result.code).toBe('IMPORT_REJECTED');
    const issues = (result.issues as { row: number; field: string | null; message: string }[]).map((i) => [i.row, i.field, i.message]);
    // Every problem in one answer, in row order: field rules, duplicates, and what needs the database.
    expect(issues).toEqual([
      [3, 'plannedInvestment', expect.stringMatching(/amount in yuan.*not negative/)],
      [3, 'campaign', 'no campaign has the code "NO-SUCH-CAMPAIGN"'],
      [3, 'cluster', 'no industry cluster has the code "NO-CLUSTER"'],
      [3, 'park', 'no park has the code "NO-PARK"'],
      [4, 'code', `the code ${good} is also on row 2; each project once per import`],
      [5, 'stage', expect.stringMatching(/^project GZK-2020-P05 is \w+, not CANCELLED; record a stage move/)],
    ]);
    expect(await projectCount()).toBe(projects);
    expect(await auditCount()).toBe(audits);
  });

  it('a row whose code breaks the rules is refused by its row, and the other rows are still checked', async () => {
    const [projects, audits] = [await projectCount(), await auditCount()];
    const result = await importProjects({ rows: [row(newCode(), { row: 2 }), row('bad code!', { row: 3, campaign: 'NO-SUCH-CAMPAIGN' })] });
    expect(result).toMatchObject({
      __typename: 'ImportRejectedError',
      issues: [
        { row: 3, code: 'bad code!', field: 'code', message: expect.stringContaining('letters, digits') },
        { row: 3, field: 'campaign', message: 'no campaign has the code "NO-SUCH-CAMPAIGN"' },
      ],
    });
    expect(await projectCount()).toBe(projects);
    expect(await auditCount()).toBe(audits);
  });

  it('an archived project is not changed by an import: its row is refused', async () => {
    const code = newCode();
    await importProjects({ rows: [row(code)] });
    await api.db.prisma.project.update({ where: { code }, data: { archivedAt: new Date() } });
    const result = await importProjects({ rows: [row(code, { row: 7, nameEn: 'Back again' })] });
    expect(result).toMatchObject({
      __typename: 'ImportRejectedError',
      issues: [{ row: 7, code, field: null, message: `project ${code} is archived; an import does not change archived projects` }],
    });
  });

  it('a failure midway, after some rows are written, leaves none of them', async () => {
    const [first, failing] = [newCode(), `${newCode()}-FAIL`];
    const existing = await api.db.prisma.project.findUniqueOrThrow({ where: { code: 'GZK-2020-P06' }, include: { campaign: true } });
    // A real database failure on the last row, after the others were written in the transaction.
    await api.db.prisma.$executeRawUnsafe(`
      CREATE OR REPLACE FUNCTION fail_import_test() RETURNS trigger AS $$
      BEGIN IF NEW.code LIKE '%-FAIL' THEN RAISE EXCEPTION 'refused by test trigger'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
    await api.db.prisma.$executeRawUnsafe(`CREATE TRIGGER fail_import_test BEFORE INSERT ON "Project" FOR EACH ROW EXECUTE FUNCTION fail_import_test()`);
    try {
      const [projects, audits] = [await projectCount(), await auditCount()];
      const result = await api.execute(IMPORT, {
        input: { rows: [row(first), { code: existing.code, nameZh: '中途失败', nameEn: existing.nameEn, campaign: existing.campaign.code }, row(failing)] },
      }, editor);
      expect(result.errors?.[0]?.extensions?.['code']).toBe('INTERNAL_SERVER_ERROR');
      expect(await projectCount()).toBe(projects);
      expect(await auditCount()).toBe(audits);
      expect(await api.db.prisma.project.findUnique({ where: { code: first } })).toBeNull();
      expect((await api.db.prisma.project.findUniqueOrThrow({ where: { code: existing.code } })).nameZh).toBe(existing.nameZh);
    } finally {
      await api.db.prisma.$executeRawUnsafe('DROP TRIGGER fail_import_test ON "Project"');
    }
  });

  it('is for editors and administrators: others get ForbiddenError and nothing is written', async () => {
    const projects = await projectCount();
    for (const [who, headers] of [
      ['analyst', await headersFor(api, 'ANALYST')],
      ['anonymous', {}],
    ] as const) {
      expect(await importProjects({ rows: [row(newCode())] }, headers), who).toMatchObject({ __typename: 'ForbiddenError', code: 'FORBIDDEN' });
    }
    expect(await importProjects({ rows: [row(newCode())] }, await headersFor(api, 'ADMIN'))).toMatchObject({ created: 1 });
    expect(await projectCount()).toBe(projects + 1);
  });

  it('refuses an empty batch and one over the maximum as a ValidationError', async () => {
    expect(await importProjects({ rows: [] })).toMatchObject({ __typename: 'ValidationError', issues: [{ path: ['input', 'rows'] }] });
    const tooMany = Array.from({ length: 1001 }, (_, i) => row(`BIG-${i}`));
    const result = await importProjects({ rows: tooMany, dryRun: true });
    expect(result).toMatchObject({ __typename: 'ValidationError' });
    expect(result.message).toMatch(/at most 1000 rows/);
  });

  // Concurrent transactions need a server with more than one connection.
  it.runIf(onPostgres)('two imports at once: the same new codes are created once; the other conflicts and writes nothing, or finds them unchanged', async () => {
    const codes = [newCode(), newCode(), newCode()];
    const audits = await auditCount();
    const results = await Promise.all([0, 1].map(() => importProjects({ rows: codes.map((code) => row(code)) })));
    // Which interleaving happens is the database's: either the second import runs into the first's
    // new rows and conflicts, writing nothing, or it starts after the first committed and finds
    // them all unchanged. Never are they created twice, or half of one import written.
    const created = results.filter((r) => r.__typename === 'ImportProjectsSuccess' && r.created === 3);
    expect(created).toHaveLength(1);
    const other = results.find((r) => r !== created[0])!;
    if (other.__typename === 'ConflictError') expect(other.message).toMatch(/nothing was imported/);
    else expect([other.__typename, other.created, other.updated, other.unchanged]).toEqual(['ImportProjectsSuccess', 0, 0, 3]);
    expect(await api.db.prisma.project.count({ where: { code: { in: codes } } })).toBe(3);
    expect(await auditCount()).toBe(audits + 3);
  });

  it.runIf(onPostgres)('two imports changing the same project at once take turns: both apply, and the second sees the first', async () => {
    const code = newCode();
    await importProjects({ rows: [row(code)] });
    const results = await Promise.all(
      ['第一次', '第二次'].map((nameZh) => importProjects({ rows: [row(code, { nameZh })] })),
    );
    expect(results.map((r) => r.updated)).toEqual([1, 1]);
    const project = await api.db.prisma.project.findUniqueOrThrow({ where: { code } });
    expect(project.version).toBe(3);
    const events = await api.db.prisma.auditEvent.findMany({ where: { recordCode: code, action: 'update' }, orderBy: { occurredAt: 'asc' } });
    // Each update's "before" is what the other left: no change was lost.
    expect(events).toHaveLength(2);
    expect((events[1]!.before as { nameZh: string }).nameZh).toBe((events[0]!.after as { nameZh: string }).nameZh);
  });

  it.runIf(onPostgres)('an import behind a project held past the lock timeout gets ConflictError and writes nothing', async () => {
    const code = newCode();
    await importProjects({ rows: [row(code)] });
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    // Held longer than the database's lock timeout (5 s), as a stuck batch job would.
    const holder = api.db.prisma.$transaction(
      async (tx) => {
        await tx.$executeRawUnsafe('SELECT 1 FROM "Project" WHERE code = $1 FOR UPDATE', code);
        locked();
        await released;
      },
      { timeout: 60_000 },
    );
    await isLocked;
    const before = await auditCount();
    try {
      const blocked = await importProjects({ rows: [row(code, { nameEn: 'Behind the lock' }), row(newCode())] });
      expect(blocked).toMatchObject({ __typename: 'ConflictError', code: 'CONFLICT' });
    } finally {
      release();
      await holder;
    }
    expect((await api.db.prisma.project.findUniqueOrThrow({ where: { code } })).nameEn).toBe(`Imported ${code}`);
    expect(await auditCount()).toBe(before);
  });
});
