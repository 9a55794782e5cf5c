import { createApiKey, type Role } from '@zonegraph/db';
import { expect } from 'vitest';
import type { TestApi } from './testkit.ts';

/** The selection every mutation test asks of a payload: the outcome's type and each error's details. */
export const ERRORS = /* GraphQL */ `
  __typename
  ... on Error { code message }
  ... on ValidationError { issues { path message } }
  ... on ConflictError { currentVersion }
  ... on NotFoundError { recordType reference }
`;

export type Headers = Record<string, string>;

/** Headers that present a fresh API key of `role`. */
export async function headersFor(api: TestApi, role: Role, holder = `${role.toLowerCase()} test`): Promise<Headers> {
  const { key } = await createApiKey(api.db.prisma, { holder, role });
  return { authorization: `Bearer ${key}` };
}

/** Runs `mutation($input) { <field>(input: $input) { <selection> } }` and returns the payload. */
export async function mutate<T extends Record<string, any> = Record<string, any>>(
  api: TestApi,
  headers: Headers,
  field: string,
  inputType: string,
  input: Record<string, unknown>,
  selection: string,
): Promise<T & { __typename: string; code?: string; message?: string; issues?: { path: string[]; message: string }[]; currentVersion?: number | null }> {
  const result = await api.execute<Record<string, any>>(
    `mutation ($input: ${inputType}!) { ${field}(input: $input) { ${ERRORS} ${selection} } }`,
    { input },
    headers,
  );
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data![field];
}

/** A caller whose role may not make a mutation gets `ForbiddenError` as data in its payload, and nothing else. */
export async function expectForbidden(api: TestApi, headers: Headers, field: string, inputType: string, input: Record<string, unknown>, who: string) {
  const result = await api.execute<Record<string, any>>(`mutation ($input: ${inputType}!) { ${field}(input: $input) { ${ERRORS} } }`, { input }, headers);
  expect(result.errors, who).toBeUndefined();
  expect(result.data?.[field], who).toMatchObject({ __typename: 'ForbiddenError', code: 'FORBIDDEN' });
  // The refusal names the role needed; anonymous callers are also told to send a key.
  expect(result.data?.[field].message, who).toMatch(headers['authorization'] ? /needs an? (editor's or admin's|admin's) key; yours is/ : /needs an? .*key \(send it as Authorization: Bearer/);
}

/** The global ID the API issues for a record. */
export const globalId = (type: string, id: string): string => Buffer.from(`${type}:${id}`).toString('base64');

/** An ID of the right type that names no record. */
export const missingId = (type: string): string => globalId(type, '00000000-0000-7000-8000-000000000000');

export const auditEventsFor = (api: TestApi, recordId: string) =>
  api.db.prisma.auditEvent.findMany({ where: { recordId }, orderBy: { occurredAt: 'asc' } });

/** Today as `YYYY-MM-DD` in a time zone, and a day some days from it. */
export function dayIn(timeZone: string, offsetDays = 0): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + offsetDays);
  return date.toISOString().slice(0, 10);
}

/**
 * PostgreSQL only: holds an update lock on one row while `run` fires its
 * requests, and lets go only once `waiters` of them are blocked on it. Every
 * request has then done its reads and waits at its write, so their
 * transactions truly overlap rather than merely being sent together.
 */
export async function overlapping<T>(api: TestApi, table: string, id: string, waiters: number, run: () => Promise<T>): Promise<T> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let locked!: () => void;
  const isLocked = new Promise<void>((resolve) => (locked = resolve));
  const holder = api.db.prisma.$transaction(
    async (tx) => {
      // The lock an ordinary UPDATE takes: it stops other updates of the row, not inserts that refer to it.
      await tx.$executeRawUnsafe(`SELECT 1 FROM "${table}" WHERE id = $1::uuid FOR NO KEY UPDATE`, id);
      locked();
      await released;
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
  await isLocked;
  const outcome = run();
  try {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const [{ n } = { n: 0 }] = await api.db.prisma.$queryRawUnsafe<{ n: number }[]>(
        // Keys' last-use stamps are written beside requests; a wait on one is not what we wait for.
        `SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND wait_event_type = 'Lock' AND query NOT LIKE '%"ApiKey"%'`,
      );
      if (n >= waiters) break;
      if (Date.now() > deadline) throw new Error(`only ${n} of ${waiters} requests reached the lock`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    release();
    await holder;
  }
  return outcome;
}

export const onPostgres = Boolean(process.env.DATABASE_URL);
