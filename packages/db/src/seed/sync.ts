// Writes seed rows so that a second run sends no write at all: rows are read
// once per model, compared field by field, and only the missing ones created
// and the differing ones updated. (An unconditional upsert would bump every
// row's updatedAt on each run.)
import { Prisma } from '../generated/prisma/client.ts';
import type { IsoDate } from './types.ts';

export type Tx = Prisma.TransactionClient;

/** Ids of the rows of one model, by their seed key. */
export type IdMap = ReadonlyMap<string, string>;

export interface SyncSpec<S extends { id: string }, R> {
  model: string;
  rows: readonly R[];
  key: (row: R) => string;
  stored: readonly S[];
  storedKey: (stored: S) => string;
  /** The fields the seed owns, as the model stores them (foreign keys as ids). */
  owned: (row: R) => object;
  /** Whether the stored many-to-many links are the row's. */
  linksMatch?: (stored: S, row: R) => boolean;
  create: (rows: R[]) => Promise<{ id: string; key: string }[]>;
  update: (id: string, row: R) => Promise<unknown>;
}

export interface SyncResult {
  ids: IdMap;
  created: number;
  updated: number;
  /** Keys of the rows that were updated (their version bumped) in this run. */
  updatedKeys: ReadonlySet<string>;
}

export async function sync<S extends { id: string }, R>(spec: SyncSpec<S, R>): Promise<SyncResult> {
  const stored = new Map(spec.stored.map((s) => [spec.storedKey(s), s]));
  const ids = new Map<string, string>();
  const seen = new Set<string>();
  const missing: R[] = [];
  const updatedKeys = new Set<string>();
  for (const row of spec.rows) {
    const key = spec.key(row);
    if (seen.has(key)) throw new Error(`seed data: ${spec.model} ${key} appears twice`);
    seen.add(key);
    const existing = stored.get(key);
    if (!existing) {
      missing.push(row);
      continue;
    }
    ids.set(key, existing.id);
    if (!fieldsMatch(existing, spec.owned(row)) || !(spec.linksMatch?.(existing, row) ?? true)) {
      await spec.update(existing.id, row);
      updatedKeys.add(key);
    }
  }
  if (missing.length > 0) {
    for (const { id, key } of await spec.create(missing)) ids.set(key, id);
  }
  return { ids, created: missing.length, updated: updatedKeys.size, updatedKeys };
}

export interface ParentSpec<R> {
  model: string;
  rows: readonly R[];
  key: (row: R) => string;
  /** The key of the row's parent, a row of the same model; undefined for none. */
  parentKey: (row: R) => string | undefined;
  /** What `sync` returned for these rows: it has created every one of them. */
  synced: SyncResult;
  /** The parent id each row had when it was read, by key; rows created in this run are absent (they have none). */
  storedParents: ReadonlyMap<string, string | null>;
  /** Sets the parent id; `bump` says whether to increment the version. */
  setParent: (id: string, parentId: string | null, bump: boolean) => Promise<unknown>;
}

/**
 * Links rows to their parent in the same model. Runs after `sync`, when every
 * row exists, since a parent may be created in the same run as its child. Only
 * rows whose parent differs are written. A row created in this run gets its
 * parent without a version bump (it is still being created); a stored row whose
 * parent is put back gets one bump, and none more if `sync` already bumped it.
 * Returns `synced` with those rows counted as updated.
 */
export async function linkParents<R>(spec: ParentSpec<R>): Promise<SyncResult> {
  const parentOf = new Map(spec.rows.map((row) => [spec.key(row), spec.parentKey(row)]));
  for (const key of parentOf.keys()) {
    const chain = [key];
    for (let at = parentOf.get(key); at !== undefined; at = parentOf.get(at)) {
      if (chain.includes(at)) throw new Error(`seed data: ${spec.model} ${[...chain, at].join(' → ')} is a cycle`);
      chain.push(at);
    }
  }
  const updatedKeys = new Set(spec.synced.updatedKeys);
  for (const row of spec.rows) {
    const key = spec.key(row);
    const parent = spec.parentKey(row);
    const wanted = parent === undefined ? null : need(spec.synced.ids, parent, spec.model);
    if ((spec.storedParents.get(key) ?? null) === wanted) continue;
    const existed = spec.storedParents.has(key);
    const bump = existed && !updatedKeys.has(key);
    await spec.setParent(need(spec.synced.ids, key, spec.model), wanted, bump);
    if (existed) updatedKeys.add(key);
  }
  return { ...spec.synced, updated: updatedKeys.size, updatedKeys };
}

/** True when every field of `wanted` already holds in `stored`; decimals and dates compare by value. */
export function fieldsMatch(stored: object, wanted: object): boolean {
  const row = stored as Readonly<Record<string, unknown>>;
  return Object.entries(wanted).every(([field, value]) => sameValue(row[field], value));
}

function sameValue(stored: unknown, wanted: unknown): boolean {
  if (stored === null || stored === undefined || wanted === null || wanted === undefined) {
    return (stored ?? null) === (wanted ?? null);
  }
  if (Prisma.Decimal.isDecimal(stored)) return stored.equals(new Prisma.Decimal(String(wanted)));
  if (stored instanceof Date) return wanted instanceof Date && stored.getTime() === wanted.getTime();
  if (Array.isArray(stored)) {
    return Array.isArray(wanted) && stored.length === wanted.length && stored.every((s, i) => sameValue(s, wanted[i]));
  }
  return stored === wanted;
}

export function sameIds(stored: readonly { id: string }[], wanted: readonly string[]): boolean {
  const have = new Set(stored.map((s) => s.id));
  return have.size === new Set(wanted).size && wanted.every((id) => have.has(id));
}

export function need(ids: IdMap, code: string, what: string): string {
  const id = ids.get(code);
  if (id === undefined) throw new Error(`seed data: unknown ${what} code ${code}`);
  return id;
}

export function maybe(ids: IdMap, code: string | undefined, what: string): string | null {
  return code === undefined ? null : need(ids, code, what);
}

/** A @db.Date value: midnight UTC of that day, which Prisma stores as the day itself. */
export function day(date: IsoDate): Date {
  return new Date(`${date}T00:00:00.000Z`);
}

export const byCode = (rows: readonly { id: string; code: string }[]): { id: string; key: string }[] =>
  rows.map((r) => ({ id: r.id, key: r.code }));
