import { OrganisationType, OriginGroup, Visibility } from '@zonegraph/db';
import { z } from 'zod';
import { builder } from '../../builder.ts';
import { NotFoundError } from '../../errors.ts';
import { archiveField } from '../common/archive.ts';
import { refuseCycle, refusingDuplicates } from '../common/checks.ts';
import { VisibilityRef } from '../common/enums.ts';
import { payload } from '../common/errors.ts';
import { rules, VersionField } from '../common/inputs.ts';
import { audited, idForCode, parseInput, requireVersionMatch, type Tx } from '../common/mutations.ts';
import { modelRef, selection } from '../common/refs.ts';
import { OrganisationTypeRef, OriginGroupRef } from './organisation.ts';

const organisationFields = {
  nameZh: rules.nameZh,
  nameEn: rules.nameEn,
  type: z.enum(OrganisationType),
  originGroup: z.enum(OriginGroup),
  parent: z.string().nullish(),
  visibility: z.enum(Visibility),
};
const createSchema = z.object({
  code: rules.code,
  ...organisationFields,
  originGroup: organisationFields.originGroup.nullish(),
  visibility: organisationFields.visibility.nullish(),
});
const updateSchema = z.object({ id: z.string(), version: rules.version, ...organisationFields }).partial({
  nameZh: true, nameEn: true, type: true, originGroup: true, visibility: true,
});

const CreateOrganisationInput = builder.inputType('CreateOrganisationInput', {
  description: 'A new organisation: an enterprise, institute, university, hospital or public body.',
  fields: (t) => ({
    code: t.string({ required: true, description: 'Its code, unique across organisations, e.g. `ORG-CAS`.' }),
    nameZh: t.string({ required: true, description: 'Name in Chinese.' }),
    nameEn: t.string({ required: true, description: 'Name in English.' }),
    type: t.field({ type: OrganisationTypeRef, required: true, description: 'What sort of body it is.' }),
    originGroup: t.field({ type: OriginGroupRef, description: 'The family it belongs to (default OTHER).' }),
    parent: t.string({ description: 'The code of the body it belongs to.' }),
    visibility: t.field({ type: VisibilityRef, description: 'Who may see it (default PUBLIC).' }),
  }),
});

const UpdateOrganisationInput = builder.inputType('UpdateOrganisationInput', {
  description: 'Changes to an organisation: only the fields given change; null clears its parent.',
  fields: (t) => ({
    id: t.globalID({ required: true, for: [modelRef('Organisation')], description: 'The organisation.' }),
    version: t.int({ required: true, ...VersionField }),
    nameZh: t.string({ description: 'Name in Chinese.' }),
    nameEn: t.string({ description: 'Name in English.' }),
    type: t.field({ type: OrganisationTypeRef, description: 'What sort of body it is.' }),
    originGroup: t.field({ type: OriginGroupRef, description: 'The family it belongs to.' }),
    parent: t.string({ description: 'The code of the body it belongs to; not itself nor one of its own bodies. Null for none.' }),
    visibility: t.field({ type: VisibilityRef, description: 'Who may see it.' }),
  }),
});

const parentId = (tx: Tx, code: string | null | undefined) =>
  idForCode((c) => tx.organisation.findUnique({ where: { code: c } }), code, 'parent', 'organisation');

builder.mutationFields((t) => ({
  createOrganisation: t.prismaField({
    type: 'Organisation',
    description: 'Adds an organisation. Editors and administrators only.',
    authScopes: { editor: true },
    errors: payload('CreateOrganisation', 'organisation'),
    args: { input: t.arg({ type: CreateOrganisationInput, required: true, description: 'The organisation.' }) },
    resolve: async (query, _root, { input: raw }, ctx) => {
      const { parent, ...input } = parseInput(createSchema, raw);
      return refusingDuplicates(
        () =>
          audited(ctx, async (tx) => {
            const created = await tx.organisation.create({
              data: { ...input, parentId: await parentId(tx, parent), originGroup: input.originGroup ?? undefined, visibility: input.visibility ?? undefined },
            });
            const record = await tx.organisation.findUniqueOrThrow({ ...selection(query), where: { id: created.id } });
            return { record, recordType: 'Organisation', recordId: created.id, recordCode: created.code, action: 'create', before: null, after: created };
          }),
        `An organisation with the code "${input.code}" already exists.`,
      );
    },
  }),

  updateOrganisation: t.prismaField({
    type: 'Organisation',
    description: 'Changes an organisation\'s details or the body it belongs to. Editors and administrators only.',
    authScopes: { editor: true },
    errors: payload('UpdateOrganisation', 'organisation'),
    args: { input: t.arg({ type: UpdateOrganisationInput, required: true, description: 'The organisation and what changes.' }) },
    resolve: async (query, _root, { input: raw }, ctx) => {
      const { id, version, parent, ...changes } = parseInput(updateSchema, { ...raw, id: raw.id.id });
      return audited(ctx, async (tx) => {
        const before = await tx.organisation.findUnique({ where: { id } });
        if (!before) throw new NotFoundError('Organisation', id);
        const newParentId = await parentId(tx, parent);
        await refuseCycle((at) => tx.organisation.findUnique({ where: { id: at }, select: { code: true, parentId: true } }), id, newParentId, 'organisation');
        const { count } = await tx.organisation.updateMany({ where: { id, version }, data: { ...changes, parentId: newParentId, version: { increment: 1 } } });
        await requireVersionMatch(count, () => tx.organisation.findUnique({ where: { id } }), 'Organisation', before.code, version);
        const after = await tx.organisation.findUniqueOrThrow({ where: { id } });
        const record = await tx.organisation.findUniqueOrThrow({ ...selection(query), where: { id } });
        return { record, recordType: 'Organisation', recordId: id, recordCode: before.code, action: 'update', before, after };
      });
    },
  }),

  archiveOrganisation: archiveField(t, 'Organisation', { label: 'organisation', delegate: (tx) => tx.organisation }),
}));
