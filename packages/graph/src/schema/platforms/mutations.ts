import { PlatformKind, PlatformStatus, Visibility } from '@zonegraph/db';
import { z } from 'zod';
import { builder } from '../../builder.ts';
import { NotFoundError, ValidationError } from '../../errors.ts';
import { archiveField } from '../common/archive.ts';
import { refuseCycle, refusingDuplicates } from '../common/checks.ts';
import { VisibilityRef } from '../common/enums.ts';
import { payload } from '../common/errors.ts';
import { rules, VersionField } from '../common/inputs.ts';
import { audited, idForCode, parseInput, requireVersionMatch, type Tx } from '../common/mutations.ts';
import { modelRef, selection } from '../common/refs.ts';
import { PlatformKindRef, PlatformStatusRef } from './platform.ts';

const PlatformRef = modelRef('Platform');

const platformFields = {
  nameZh: rules.nameZh,
  nameEn: rules.nameEn,
  summaryZh: rules.text.nullish(),
  summaryEn: rules.text.nullish(),
  kind: z.enum(PlatformKind),
  status: z.enum(PlatformStatus),
  organisation: z.string().nullish(),
  park: z.string().nullish(),
  parent: z.string().nullish(),
  campaigns: rules.codes.nullish(),
  visibility: z.enum(Visibility),
};
const createSchema = z.object({
  code: rules.code,
  ...platformFields,
  status: platformFields.status.nullish(),
  visibility: platformFields.visibility.nullish(),
});
const updateSchema = z.object({ id: z.string(), version: rules.version, ...platformFields }).partial({
  nameZh: true, nameEn: true, kind: true, status: true, visibility: true,
});

const CreatePlatformInput = builder.inputType('CreatePlatformInput', {
  description: 'A new platform. Related records are named by their codes.',
  fields: (t) => ({
    code: t.string({ required: true, description: 'Its code, unique across platforms.' }),
    nameZh: t.string({ required: true, description: 'Name in Chinese.' }),
    nameEn: t.string({ required: true, description: 'Name in English.' }),
    summaryZh: t.string({ description: 'What it does, in Chinese.' }),
    summaryEn: t.string({ description: 'What it does, in English.' }),
    kind: t.field({ type: PlatformKindRef, required: true, description: 'What it is for.' }),
    status: t.field({ type: PlatformStatusRef, description: 'Where it stands (default PLANNED).' }),
    organisation: t.string({ description: 'The code of the organisation behind it.' }),
    park: t.string({ description: 'The code of the park it sits in.' }),
    parent: t.string({ description: 'The code of the platform it is part of.' }),
    campaigns: t.stringList({ description: 'Codes of the campaigns it serves.' }),
    visibility: t.field({ type: VisibilityRef, description: 'Who may see it (default PUBLIC).' }),
  }),
});

const UpdatePlatformInput = builder.inputType('UpdatePlatformInput', {
  description: 'Changes to a platform: only the fields given change; null clears an optional one.',
  fields: (t) => ({
    id: t.globalID({ required: true, for: [PlatformRef], description: 'The platform.' }),
    version: t.int({ required: true, ...VersionField }),
    nameZh: t.string({ description: 'Name in Chinese.' }),
    nameEn: t.string({ description: 'Name in English.' }),
    summaryZh: t.string({ description: 'What it does, in Chinese.' }),
    summaryEn: t.string({ description: 'What it does, in English.' }),
    kind: t.field({ type: PlatformKindRef, description: 'What it is for.' }),
    status: t.field({ type: PlatformStatusRef, description: 'Where it stands.' }),
    organisation: t.string({ description: 'The code of the organisation behind it; null for none.' }),
    park: t.string({ description: 'The code of the park it sits in; null for none.' }),
    parent: t.string({ description: 'The code of the platform it is part of; not itself nor one of its parts. Null for none.' }),
    campaigns: t.stringList({ description: 'Codes of all the campaigns it serves (replaces the list; null or [] for none).' }),
    visibility: t.field({ type: VisibilityRef, description: 'Who may see it.' }),
  }),
});

/** Campaign codes → ids to connect, or a ValidationError naming each unknown code by its place in the list. */
async function campaignIds(tx: Tx, codes: string[] | null | undefined) {
  if (codes === undefined) return undefined;
  const wanted = [...new Set(codes ?? [])];
  const found = await tx.campaign.findMany({ where: { code: { in: wanted } }, select: { id: true, code: true } });
  const issues = (codes ?? []).flatMap((code, i) =>
    found.some((f) => f.code === code) ? [] : [{ path: ['input', 'campaigns', String(i)], message: `no campaign has the code "${code}"` }],
  );
  if (issues.length) throw new ValidationError(issues);
  return found.map(({ id }) => ({ id }));
}

/** The related records an input names, resolved inside the transaction. */
async function relations(tx: Tx, input: { organisation?: string | null; park?: string | null; parent?: string | null }) {
  const [organisationId, parkId, parentId] = await Promise.all([
    idForCode((code) => tx.organisation.findUnique({ where: { code } }), input.organisation, 'organisation', 'organisation'),
    idForCode((code) => tx.park.findUnique({ where: { code } }), input.park, 'park', 'park'),
    idForCode((code) => tx.platform.findUnique({ where: { code } }), input.parent, 'parent', 'platform'),
  ]);
  return { organisationId, parkId, parentId };
}

/** A platform as the audit trail keeps it: its columns and the codes of its campaigns. */
const snapshot = (tx: Tx, id: string) =>
  tx.platform
    .findUniqueOrThrow({ where: { id }, include: { campaigns: { select: { code: true }, orderBy: { code: 'asc' } } } })
    .then(({ campaigns, ...platform }) => ({ ...platform, campaigns: campaigns.map((c) => c.code) }));

builder.mutationFields((t) => ({
  createPlatform: t.prismaField({
    type: 'Platform',
    description: 'Adds a platform. Editors and administrators only.',
    authScopes: { editor: true },
    errors: payload('CreatePlatform', 'platform'),
    args: { input: t.arg({ type: CreatePlatformInput, required: true, description: 'The platform.' }) },
    resolve: async (query, _root, { input: raw }, ctx) => {
      const { organisation, park, parent, campaigns, ...input } = parseInput(createSchema, raw);
      return refusingDuplicates(
        () =>
          audited(ctx, async (tx) => {
            const related = await relations(tx, { organisation, park, parent });
            const connect = await campaignIds(tx, campaigns);
            const created = await tx.platform.create({
              data: {
                ...input,
                ...related,
                status: input.status ?? undefined,
                visibility: input.visibility ?? undefined,
                campaigns: connect && { connect },
              },
            });
            const after = await snapshot(tx, created.id);
            const record = await tx.platform.findUniqueOrThrow({ ...selection(query), where: { id: created.id } });
            return { record, recordType: 'Platform', recordId: created.id, recordCode: created.code, action: 'create', before: null, after };
          }),
        `A platform with the code "${input.code}" already exists.`,
      );
    },
  }),

  updatePlatform: t.prismaField({
    type: 'Platform',
    description: 'Changes a platform\'s details, links or place under another platform. Editors and administrators only.',
    authScopes: { editor: true },
    errors: payload('UpdatePlatform', 'platform'),
    args: { input: t.arg({ type: UpdatePlatformInput, required: true, description: 'The platform and what changes.' }) },
    resolve: async (query, _root, { input: raw }, ctx) => {
      const { id, version, organisation, park, parent, campaigns, ...changes } = parseInput(updateSchema, { ...raw, id: raw.id.id });
      return audited(ctx, async (tx) => {
        if (!(await tx.platform.findUnique({ where: { id } }))) throw new NotFoundError('Platform', id);
        const before = await snapshot(tx, id);
        const related = await relations(tx, { organisation, park, parent });
        await refuseCycle((at) => tx.platform.findUnique({ where: { id: at }, select: { code: true, parentId: true } }), id, related.parentId, 'platform');
        const set = await campaignIds(tx, campaigns);
        const { count } = await tx.platform.updateMany({ where: { id, version }, data: { ...changes, ...related, version: { increment: 1 } } });
        await requireVersionMatch(count, () => tx.platform.findUnique({ where: { id } }), 'Platform', before.code, version);
        if (set) await tx.platform.update({ where: { id }, data: { campaigns: { set } } });
        const after = await snapshot(tx, id);
        const record = await tx.platform.findUniqueOrThrow({ ...selection(query), where: { id } });
        return { record, recordType: 'Platform', recordId: id, recordCode: before.code, action: 'update', before, after };
      });
    },
  }),

  archivePlatform: archiveField(t, 'Platform', { label: 'platform', delegate: (tx) => tx.platform }),
}));
