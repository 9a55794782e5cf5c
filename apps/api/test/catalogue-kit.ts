import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEventsFor, globalId, headersFor, missingId, mutate, type Headers } from './mutation-kit.ts';
import { startTestApi, type TestApi } from './testkit.ts';

// The catalogue records (campaigns, key tasks, indicators, platforms, …) share
// create / update / archive with the same rules, so their common cases are
// written once here and run for each model; each test file adds the rules
// that belong to one model only.

export type Table = 'campaign' | 'keyTask' | 'mechanism' | 'indicator' | 'platform' | 'industryCluster' | 'sector' | 'park' | 'organisation';

export interface Env {
  api: TestApi;
  /** An editor's key, held by "planning office". */
  editor: Headers;
  /** Callers who may read but not change: an analyst, a partner, nobody. */
  others: [string, Headers][];
}

/** One test database and the callers, for a whole file. */
export function useCatalogueApi(): Env {
  const env = {} as Env;
  beforeAll(async () => {
    env.api = await startTestApi();
    env.editor = await headersFor(env.api, 'EDITOR', 'planning office');
    env.others = [
      ['analyst', await headersFor(env.api, 'ANALYST')],
      ['partner', await headersFor(env.api, 'PARTNER')],
      ['anonymous', {}],
    ];
  });
  afterAll(() => env.api?.close());
  return env;
}

let serial = 0;
/** A code no other test uses. */
export const freshCode = (prefix: string) => `${prefix}-T${String(++serial).padStart(3, '0')}`;

export const rowOf = (env: Env, table: Table, where: { id: string } | { code: string }) =>
  (env.api.db.prisma[table] as unknown as { findUnique(a: object): Promise<Record<string, any> | null> }).findUnique({ where });

/** Runs a query as the editor (who sees every visibility) and returns its data. */
export async function readAsEditor<T = any>(env: Env, query: string, variables?: Record<string, unknown>): Promise<T> {
  const result = await env.api.execute<T>(query, variables, env.editor);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data as T;
}

/** The codes a list query returns, for checking what the default list holds. */
export const codesOf = (query: string, pick: (data: any) => { nodes: { code: string }[] }) => async (env: Env) =>
  pick(await readAsEditor(env, query)).nodes.map((n) => n.code);

type Payload = Awaited<ReturnType<typeof mutate>>;

/** `<verb><Type>(input)` asking for the record with `selection`. */
export function run(env: Env, verb: 'create' | 'update' | 'archive' | string, type: string, dataField: string, selection: string) {
  return (input: Record<string, unknown>, headers: Headers = env.editor): Promise<Payload> =>
    mutate(env.api, headers, `${verb}${type}`, `${capital(verb)}${type}Input`, input, `... on ${capital(verb)}${type}Success { ${dataField} { id code version archivedAt ${selection} } }`);
}

/**
 * Runs `attempt` and checks that it wrote nothing: no audit event anywhere,
 * and the rows `watched` returns are as they were.
 */
export async function writesNothing(env: Env, attempt: () => Promise<void>, watched: () => Promise<unknown> = async () => null) {
  const events = await env.api.db.prisma.auditEvent.count();
  const before = await watched();
  await attempt();
  expect(await env.api.db.prisma.auditEvent.count()).toBe(events);
  expect(await watched()).toEqual(before);
}

export interface CatalogueCase {
  /** GraphQL type and audit record type, e.g. Campaign. */
  type: string;
  table: Table;
  /** Payload field holding the record, e.g. campaign. */
  dataField: string;
  /** More of the record to ask for (id, code, version and archivedAt always). */
  selection: string;
  /** A code prefix for records the tests create. */
  prefix: string;
  /** A valid create input for a new code. */
  newInput(code: string): Record<string, unknown>;
  /** Columns the created row must have, and fields the payload's record must have. */
  created: { row: Record<string, unknown>; record: Record<string, unknown> };
  /** [what, fields that spoil a valid input, the path the ValidationError names]. */
  badCreates: [string, Record<string, unknown>, string[]][];
  /** An update's fields and the columns it must leave. */
  changes: Record<string, unknown>;
  updated: Record<string, unknown>;
  badUpdates: [string, Record<string, unknown>, string[]][];
  /** Codes in the default list, as a partner would page through it. */
  listed(env: Env): Promise<string[]>;
}

/** create / update / archive: success, each error, and that a failure writes nothing. */
export function catalogueCases(env: Env, c: CatalogueCase) {
  const create = run(env, 'create', c.type, c.dataField, c.selection);
  const update = run(env, 'update', c.type, c.dataField, c.selection);
  const archive = run(env, 'archive', c.type, c.dataField, c.selection);
  const row = (id: string) => rowOf(env, c.table, { id });
  const make = async () => {
    const code = freshCode(c.prefix);
    const result = await create(c.newInput(code));
    expect(result.__typename, JSON.stringify(result)).toBe(`Create${c.type}Success`);
    const stored = (await rowOf(env, c.table, { code }))!;
    return { ...stored, gid: globalId(c.type, stored.id) } as Record<string, any> & { id: string; gid: string; code: string };
  };

  describe(`create${c.type}`, () => {
    it('creates the record, answers it, and writes one audit event with the stored row as "after"', async () => {
      const code = freshCode(c.prefix);
      const result = await create(c.newInput(code));
      expect(result.__typename).toBe(`Create${c.type}Success`);
      expect(result[c.dataField]).toMatchObject({ code, version: 1, archivedAt: null, ...c.created.record });
      const stored = (await rowOf(env, c.table, { code }))!;
      expect(stored).toMatchObject({ version: 1, archivedAt: null, ...c.created.row });
      expect(result[c.dataField].id).toBe(globalId(c.type, stored.id));
      const events = await auditEventsFor(env.api, stored.id);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ action: 'create', recordType: c.type, recordCode: code, holder: 'planning office', role: 'EDITOR', before: null });
      expect(events[0]!.after).toMatchObject({ id: stored.id, code, version: 1 });
    });

    it('also succeeds, create and update, for a caller who asks only for the outcome\'s type', async () => {
      const code = freshCode(c.prefix);
      const bare = (verb: string, input: Record<string, unknown>) =>
        env.api.execute(`mutation ($input: ${capital(verb)}${c.type}Input!) { ${verb}${c.type}(input: $input) { __typename } }`, { input }, env.editor);
      const created = await bare('create', c.newInput(code));
      expect(created).toMatchObject({ data: { [`create${c.type}`]: { __typename: `Create${c.type}Success` } } });
      const stored = (await rowOf(env, c.table, { code }))!;
      const updated = await bare('update', { id: globalId(c.type, stored.id), version: 1, ...c.changes });
      expect(updated).toMatchObject({ data: { [`update${c.type}`]: { __typename: `Update${c.type}Success` } } });
      expect(await rowOf(env, c.table, { code })).toMatchObject({ version: 2 });
    });

    it.each(c.badCreates)('refuses %s with ValidationError at its path, writing nothing', async (_what, spoil, path) => {
      const code = freshCode(c.prefix);
      await writesNothing(env, async () => {
        const result = await create({ ...c.newInput(code), ...spoil });
        expect(result.__typename, JSON.stringify(result)).toBe('ValidationError');
        expect(result.issues!.map((i) => i.path)).toContainEqual(path);
      });
      expect(await rowOf(env, c.table, { code })).toBeNull();
    });

    it('refuses a code in use with ConflictError, writing nothing', async () => {
      const existing = await make();
      await writesNothing(
        env,
        async () => {
          const result = await create(c.newInput(existing.code));
          expect(result).toMatchObject({ __typename: 'ConflictError', code: 'CONFLICT' });
          expect(result.message).toContain(existing.code);
        },
        () => row(existing.id),
      );
    });

    it('is forbidden to analysts, partners and anonymous callers', async () => {
      const code = freshCode(c.prefix);
      await writesNothing(env, async () => {
        for (const [who, headers] of env.others) {
          expect(await create(c.newInput(code), headers), who).toMatchObject({ __typename: 'ForbiddenError', code: 'FORBIDDEN' });
        }
      });
      expect(await rowOf(env, c.table, { code })).toBeNull();
    });
  });

  describe(`update${c.type}`, () => {
    it('changes the fields given, bumps the version, and writes one audit event with before and after', async () => {
      const record = await make();
      const result = await update({ id: record.gid, version: 1, ...c.changes });
      expect(result.__typename, JSON.stringify(result)).toBe(`Update${c.type}Success`);
      expect(result[c.dataField]).toMatchObject({ id: record.gid, code: record.code, version: 2 });
      const stored = (await row(record.id))!;
      expect(stored).toMatchObject({ version: 2, ...c.updated });
      const events = await auditEventsFor(env.api, record.id);
      expect(events.map((e) => e.action)).toEqual(['create', 'update']);
      expect(events[1]).toMatchObject({ recordType: c.type, recordCode: record.code, holder: 'planning office' });
      expect(events[1]!.before).toMatchObject({ version: 1 });
      expect(events[1]!.after).toMatchObject({ version: 2 });
    });

    it.each(c.badUpdates)('refuses %s with ValidationError at its path, changing nothing', async (_what, changes, path) => {
      const record = await make();
      await writesNothing(
        env,
        async () => {
          const result = await update({ id: record.gid, version: 1, ...changes });
          expect(result.__typename, JSON.stringify(result)).toBe('ValidationError');
          expect(result.issues!.map((i) => i.path)).toContainEqual(path);
        },
        () => row(record.id),
      );
    });

    it('answers NotFoundError for an ID of no record', async () => {
      await writesNothing(env, async () => {
        expect(await update({ id: missingId(c.type), version: 1, ...c.changes })).toMatchObject({ __typename: 'NotFoundError', recordType: c.type });
      });
    });

    it('refuses a stale version with ConflictError and the current version, changing nothing', async () => {
      const record = await make();
      expect((await update({ id: record.gid, version: 1, ...c.changes })).__typename).toBe(`Update${c.type}Success`);
      await writesNothing(
        env,
        async () => {
          const stale = await update({ id: record.gid, version: 1, ...c.changes });
          expect(stale).toMatchObject({ __typename: 'ConflictError', currentVersion: 2 });
        },
        () => row(record.id),
      );
    });

    it('is forbidden to analysts, partners and anonymous callers', async () => {
      const record = await make();
      await writesNothing(
        env,
        async () => {
          for (const [who, headers] of env.others) {
            expect(await update({ id: record.gid, version: 1, ...c.changes }, headers), who).toMatchObject({ __typename: 'ForbiddenError' });
          }
        },
        () => row(record.id),
      );
    });
  });

  describe(`archive${c.type}`, () => {
    it('archives: out of the default list, version bumped, one audit event', async () => {
      const record = await make();
      expect(await c.listed(env)).toContain(record.code);
      const result = await archive({ id: record.gid, version: 1 });
      expect(result.__typename, JSON.stringify(result)).toBe(`Archive${c.type}Success`);
      expect(result[c.dataField]).toMatchObject({ code: record.code, version: 2, archivedAt: expect.any(String) });
      expect((await row(record.id))!.archivedAt).toBeInstanceOf(Date);
      expect(await c.listed(env)).not.toContain(record.code);
      const events = await auditEventsFor(env.api, record.id);
      expect(events.map((e) => e.action)).toEqual(['create', 'archive']);
      expect(events[1]!.before).toMatchObject({ version: 1, archivedAt: null });
      expect(events[1]!.after).toMatchObject({ version: 2, archivedAt: expect.any(String) });
    });

    it('refuses an archived record, a stale version and an unknown ID, changing nothing', async () => {
      const archived = await make();
      await archive({ id: archived.gid, version: 1 });
      const changed = await make();
      await update({ id: changed.gid, version: 1, ...c.changes });
      await writesNothing(
        env,
        async () => {
          expect(await archive({ id: archived.gid, version: 2 })).toMatchObject({ __typename: 'ConflictError', currentVersion: 2 });
          expect(await archive({ id: changed.gid, version: 1 })).toMatchObject({ __typename: 'ConflictError', currentVersion: 2 });
          expect(await archive({ id: missingId(c.type), version: 1 })).toMatchObject({ __typename: 'NotFoundError' });
        },
        async () => [await row(archived.id), await row(changed.id)],
      );
    });

    it('is forbidden to analysts, partners and anonymous callers', async () => {
      const record = await make();
      await writesNothing(
        env,
        async () => {
          for (const [who, headers] of env.others) {
            expect(await archive({ id: record.gid, version: 1 }, headers), who).toMatchObject({ __typename: 'ForbiddenError' });
          }
        },
        () => row(record.id),
      );
    });
  });

  return { create, update, archive, make };
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
