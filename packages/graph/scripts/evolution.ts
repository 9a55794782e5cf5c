// How the schema may change between releases: the breaking-change gate, the
// deprecation rule and the schema's CHANGELOG.md, all from graphql-inspector's
// diff of one release's schema.graphql against the next.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CriticalityLevel, diff, type Change } from '@graphql-inspector/core';
import { buildSchema, isEnumType, isInputObjectType, isInterfaceType, isObjectType, type GraphQLSchema } from 'graphql';

export const graphDir = join(import.meta.dirname, '..');
export const releasesDir = join(graphDir, 'releases');
export const intendedFile = join(graphDir, 'releases', 'intended-breaking-changes.json');
export const changelogFile = join(graphDir, 'CHANGELOG.md');

/** A breaking change made on purpose in the coming release, with why (listed in releases/intended-breaking-changes.json). */
export interface IntendedChange {
  type: string;
  path: string;
  reason: string;
}

export interface Release {
  version: string;
  sdl: string;
}

/** `Removal: YYYY-MM-DD` in a deprecation reason: the first day the element may be gone. */
const REMOVAL = /\bRemoval: (\d{4}-\d{2}-\d{2})\b/;

const byVersion = (a: string, b: string) => {
  const pa = a.split(/[.-]/).map(Number);
  const pb = b.split(/[.-]/).map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
};

/** Every stored release's schema (releases/<version>.graphql), oldest first. */
export function readReleases(dir = releasesDir): Release[] {
  return readdirSync(dir)
    .filter((file) => /^\d+\.\d+\.\d+.*\.graphql$/.test(file))
    .map((file) => file.slice(0, -'.graphql'.length))
    .sort(byVersion)
    .map((version) => ({ version, sdl: readFileSync(join(dir, `${version}.graphql`), 'utf8') }));
}

export function readIntended(file = intendedFile): IntendedChange[] {
  return JSON.parse(readFileSync(file, 'utf8')) as IntendedChange[];
}

export type Verdict =
  /** Adds or describes: no client breaks. */
  | 'safe'
  /** May change what a client sees (a new enum value, a default): read it before releasing. */
  | 'dangerous'
  /** Removes what the previous release deprecated, after its removal date: the policy's way to remove. */
  | 'removal-after-deprecation'
  /** Breaking, and listed as intended. */
  | 'intended'
  /** Breaking, not listed: the gate fails. */
  | 'breaking';

export interface ClassifiedChange {
  change: Change;
  verdict: Verdict;
  /** For 'intended': the reason given; for 'breaking' removals: what the policy wanted. */
  note?: string;
}

/** The element a change's path names in a schema, if it is a field, input field, argument or enum value. */
function deprecationOf(schema: GraphQLSchema, path: string | undefined): string | null | undefined {
  if (!path) return undefined;
  const [typeName, member, argument] = path.split('.');
  const type = typeName ? schema.getType(typeName) : undefined;
  if (!type || !member) return undefined;
  if (isEnumType(type)) return type.getValue(member)?.deprecationReason;
  if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
    const field = type.getFields()[member];
    if (!field) return undefined;
    if (argument) return 'args' in field ? field.args.find((arg) => arg.name === argument)?.deprecationReason : undefined;
    return field.deprecationReason;
  }
  return undefined;
}

/**
 * The changes from `previous` to `next`, each judged by the policy: a
 * breaking change passes only when the element was deprecated in `previous`
 * with a removal date that has come (`today`, YYYY-MM-DD), or when it is
 * listed as intended.
 */
export async function classify(previous: string, next: string, intended: readonly IntendedChange[] = [], today = new Date().toISOString().slice(0, 10)): Promise<ClassifiedChange[]> {
  const before = buildSchema(previous);
  const after = buildSchema(next);
  const changes = await diff(before, after);
  return changes.map((change): ClassifiedChange => {
    const level = change.criticality.level;
    if (level === CriticalityLevel.NonBreaking) return { change, verdict: 'safe' };
    if (level === CriticalityLevel.Dangerous) return { change, verdict: 'dangerous' };
    const listed = intended.find((entry) => entry.type === change.type && entry.path === change.path);
    if (listed) return { change, verdict: 'intended', note: listed.reason };
    const reason = deprecationOf(before, change.path);
    const removal = reason ? REMOVAL.exec(reason)?.[1] : undefined;
    if (change.type.endsWith('_REMOVED') && removal !== undefined && removal <= today) return { change, verdict: 'removal-after-deprecation', note: reason ?? undefined };
    const note = removal !== undefined
      ? `deprecated with removal on ${removal}: not before then`
      : reason
        ? 'deprecated without a removal date'
        : 'not deprecated in the previous release: deprecate it first, with a reason and a removal date';
    return { change, verdict: 'breaking', note };
  });
}

/** Deprecations that break the policy: every one needs a reason saying what to use instead and `Removal: YYYY-MM-DD`. */
export function deprecationProblems(sdl: string): string[] {
  const schema = buildSchema(sdl);
  const problems: string[] = [];
  const check = (path: string, reason: string | null | undefined) => {
    if (reason === null || reason === undefined) return;
    const removal = REMOVAL.exec(reason)?.[1];
    if (removal === undefined || Number.isNaN(Date.parse(removal))) problems.push(`${path}: the deprecation reason needs "Removal: YYYY-MM-DD" (found "${reason}")`);
    else if (reason.replace(REMOVAL, '').replace(/[\s.;,()]/g, '') === '') problems.push(`${path}: the deprecation reason must say what to use instead, not only the removal date`);
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (isEnumType(type)) for (const value of type.getValues()) check(`${type.name}.${value.name}`, value.deprecationReason);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        check(`${type.name}.${field.name}`, field.deprecationReason);
        if ('args' in field) for (const arg of field.args) check(`${type.name}.${field.name}.${arg.name}`, arg.deprecationReason);
      }
    }
  }
  return problems;
}

export interface GateResult {
  previous: string;
  changes: ClassifiedChange[];
  /** Why the gate fails; empty when it passes. */
  failures: string[];
}

/** The gate: `sdl` against the latest release, with the intended list and the deprecation rule. */
export async function gate(sdl: string, releases: readonly Release[], intended: readonly IntendedChange[], today?: string): Promise<GateResult> {
  const latest = releases.at(-1);
  if (!latest) throw new Error('no release schema stored in packages/graph/releases');
  const changes = await classify(latest.sdl, sdl, intended, today);
  const failures = [
    ...changes.filter((c) => c.verdict === 'breaking').map((c) => `breaking: ${c.change.message} (${c.change.type} ${c.change.path ?? ''}; ${c.note})`),
    ...deprecationProblems(sdl),
    ...intended
      .filter((entry) => !changes.some((c) => c.verdict === 'intended' && c.change.type === entry.type && c.change.path === entry.path))
      .map((entry) => `releases/intended-breaking-changes.json lists ${entry.type} ${entry.path}, which is not a breaking change of this schema: remove it`),
  ];
  return { previous: latest.version, changes, failures };
}

const SECTIONS: [Verdict[], string][] = [
  [['breaking', 'intended'], 'Breaking'],
  [['removal-after-deprecation'], 'Removed after deprecation'],
  [['dangerous'], 'Dangerous (may change what a client sees)'],
  [['safe'], 'Safe'],
];

function section(title: string, changes: readonly ClassifiedChange[]): string[] {
  const lines = [`## ${title}`, ''];
  if (changes.length === 0) return [...lines, 'No change to the schema.', ''];
  for (const [verdicts, heading] of SECTIONS) {
    const listed = changes.filter((c) => verdicts.includes(c.verdict));
    if (listed.length === 0) continue;
    lines.push(`### ${heading}`, '');
    for (const { change, verdict, note } of listed) lines.push(`- ${change.message}${verdict === 'intended' && note ? ` — ${note}` : ''}`);
    lines.push('');
  }
  return lines;
}

/**
 * CHANGELOG.md of the schema: what changed in the working schema since the
 * latest release ("Unreleased"), then each release against the one before,
 * newest first. Written by `pnpm generate`; CI checks it is current.
 */
export async function renderChangelog(sdl: string, releases: readonly Release[], intended: readonly IntendedChange[], today?: string): Promise<string> {
  const lines = [
    '# Schema changelog',
    '',
    'Generated from the schema of each release (`packages/graph/releases/<version>.graphql`)',
    'by `pnpm generate`: do not edit. The policy behind it is in docs/partner-guide.md,',
    '"Versioning and deprecation".',
    '',
  ];
  const latest = releases.at(-1);
  if (latest) lines.push(...section(`Unreleased (since ${latest.version})`, await classify(latest.sdl, sdl, intended, today)));
  for (let i = releases.length - 1; i >= 1; i--) lines.push(...section(releases[i]!.version, await classify(releases[i - 1]!.sdl, releases[i]!.sdl, [], today)));
  if (releases[0]) lines.push(`## ${releases[0].version}`, '', 'The first release with a stored schema.', '');
  return `${lines.join('\n').trimEnd()}\n`;
}
