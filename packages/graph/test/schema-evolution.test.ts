import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { changelogFile, gate, readIntended, readReleases, renderChangelog, type Release } from '../scripts/evolution.ts';

// The breaking-change gate and the schema's changelog: the committed schema
// against the stored releases, then the policy on small schemas.

describe('the committed schema', () => {
  const sdl = readFileSync(join(import.meta.dirname, '..', 'schema.graphql'), 'utf8');

  it('has no breaking change against the latest release that is not listed as intended', async () => {
    const result = await gate(sdl, readReleases(), readIntended());
    expect(result.failures).toEqual([]);
  });

  it('has a CHANGELOG.md generated from the releases (run `pnpm generate` after a schema change)', async () => {
    expect(readFileSync(changelogFile, 'utf8')).toBe(await renderChangelog(sdl, readReleases(), readIntended()));
  });
});

const v1: Release = {
  version: '1.0.0',
  sdl: `type Query { project(code: String!): Project }
        type Project {
          code: String!
          name: String!
          budget: String @deprecated(reason: "Use plannedInvestment. Removal: 2027-03-31")
          stage: Stage!
        }
        enum Stage { TALKS SIGNED }`,
};
const today = '2027-01-15';

describe('the gate', () => {
  it('passes an added field and lists it as safe in the changelog', async () => {
    const next = v1.sdl.replace('stage: Stage!', 'stage: Stage!\n plannedInvestment: String');
    const result = await gate(next, [v1], [], today);
    expect(result.failures).toEqual([]);
    expect(result.changes.map((c) => c.verdict)).toEqual(['safe']);
    expect(await renderChangelog(next, [v1], [], today)).toContain("### Safe\n\n- Field 'plannedInvestment' was added to object type 'Project'");
  });

  it('fails on a field removed without deprecation, naming it and the way to do it', async () => {
    const result = await gate(v1.sdl.replace('name: String!', ''), [v1], [], today);
    expect(result.failures).toHaveLength(1);
    expect(result.failures[0]).toMatch(/Field 'name' was removed from object type 'Project'.*FIELD_REMOVED Project\.name.*deprecate it first/);
  });

  it('passes the same removal when it is listed as intended, and the changelog gives the reason', async () => {
    const next = v1.sdl.replace('name: String!', '');
    const intended = [{ type: 'FIELD_REMOVED', path: 'Project.name', reason: 'names moved to nameZh and nameEn' }];
    expect((await gate(next, [v1], intended, today)).failures).toEqual([]);
    expect(await renderChangelog(next, [v1], intended, today)).toContain(
      "### Breaking\n\n- Field 'name' was removed from object type 'Project' — names moved to nameZh and nameEn",
    );
  });

  it('fails on an intended change that the schema does not make, so the list cannot go stale', async () => {
    const result = await gate(v1.sdl, [v1], [{ type: 'FIELD_REMOVED', path: 'Project.code', reason: 'later' }], today);
    expect(result.failures).toEqual([expect.stringMatching(/lists FIELD_REMOVED Project\.code, which is not a breaking change/)]);
  });

  it('lets a field deprecated in the previous release go once its removal date has come, not before', async () => {
    const next = v1.sdl.replace(/budget: String @deprecated\([^)]*\)/, '');
    const early = await gate(next, [v1], [], '2027-03-30');
    expect(early.failures).toEqual([expect.stringMatching(/Field 'budget' \(deprecated\) was removed.*removal on 2027-03-31: not before then/)]);
    const due = await gate(next, [v1], [], '2027-03-31');
    expect(due.failures).toEqual([]);
    expect(due.changes.map((c) => c.verdict)).toEqual(['removal-after-deprecation']);
  });

  it('fails on a field deprecated and removed in the same release', async () => {
    const deprecatedNow = { version: '1.1.0', sdl: v1.sdl.replace('name: String!', 'name: String! @deprecated(reason: "Use code. Removal: 2026-01-01")') };
    // Deprecated in the working schema only: removal needs a release in between.
    expect((await gate(deprecatedNow.sdl, [v1], [], today)).failures).toEqual([]);
    const removed = await gate(v1.sdl.replace('name: String!', ''), [v1], [], today);
    expect(removed.failures).toHaveLength(1);
    // Once 1.1.0 is released with the deprecation, its date (past) lets it go.
    expect((await gate(v1.sdl.replace('name: String!', ''), [v1, deprecatedNow], [], today)).failures).toEqual([]);
  });

  it('fails on a deprecation without a removal date or without a replacement', async () => {
    const noDate = v1.sdl.replace('name: String!', 'name: String! @deprecated(reason: "Use code.")');
    expect((await gate(noDate, [v1], [], today)).failures).toEqual([expect.stringMatching(/Project\.name: the deprecation reason needs "Removal: YYYY-MM-DD"/)]);
    const onlyDate = v1.sdl.replace('TALKS', 'TALKS @deprecated(reason: "Removal: 2027-06-30")');
    expect((await gate(onlyDate, [v1], [], today)).failures).toEqual([expect.stringMatching(/Stage\.TALKS: the deprecation reason must say what to use instead/)]);
  });

  it('writes each release against the one before, newest first, under the unreleased changes', async () => {
    const v2: Release = { version: '1.1.0', sdl: v1.sdl.replace('stage: Stage!', 'stage: Stage!\n nameEn: String') };
    const changelog = await renderChangelog(v2.sdl.replace('SIGNED', 'SIGNED OPERATING'), [v1, v2], [], today);
    const headings = changelog.split('\n').filter((line) => line.startsWith('## '));
    expect(headings).toEqual(['## Unreleased (since 1.1.0)', '## 1.1.0', '## 1.0.0']);
    expect(changelog).toMatch(/## Unreleased[\s\S]*### Dangerous[\s\S]*Enum value 'OPERATING' was added to enum 'Stage'[\s\S]*## 1\.1\.0[\s\S]*Field 'nameEn' was added/);
  });
});
