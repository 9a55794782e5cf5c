import { ParkKind, SectorKind, Visibility } from '@zonegraph/db';
import { z } from 'zod';
import { builder } from '../../builder.ts';
import { NotFoundError, ValidationError } from '../../errors.ts';
import { archiveField } from '../common/archive.ts';
import { refusingDuplicates } from '../common/checks.ts';
import { VisibilityRef } from '../common/enums.ts';
import { payload } from '../common/errors.ts';
import { rules, VersionField } from '../common/inputs.ts';
import { audited, idForCode, parseInput, requireVersionMatch } from '../common/mutations.ts';
import { modelRef, selection } from '../common/refs.ts';
import { ParkKindRef } from './parks.ts';
import { SectorKindRef } from './sectors.ts';

// Industry clusters, sectors and parks. Sectors and parks are plain coded
// records; a cluster also names its sector and lists its focus products.

const focus = z.array(z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters')).max(50, 'may list at most 50 products');
const clusterFields = { nameZh: rules.nameZh, nameEn: rules.nameEn, sector: z.string().nullish(), outputTarget: rules.money.nullish(), visibility: z.enum(Visibility) };
const createClusterSchema = z.object({ code: rules.code, ...clusterFields, focusZh: focus.nullish(), focusEn: focus.nullish(), visibility: clusterFields.visibility.nullish() });
const updateClusterSchema = z.object({ id: z.string(), version: rules.version, ...clusterFields, focusZh: focus.nullish(), focusEn: focus.nullish() }).partial({
  nameZh: true, nameEn: true, visibility: true,
});
const createSectorSchema = z.object({ code: rules.code, nameZh: rules.nameZh, nameEn: rules.nameEn, kind: z.enum(SectorKind), visibility: z.enum(Visibility).nullish() });
const updateSectorSchema = createSectorSchema.omit({ code: true }).extend({ id: z.string(), version: rules.version, visibility: z.enum(Visibility) }).partial({
  nameZh: true, nameEn: true, kind: true, visibility: true,
});
const createParkSchema = z.object({ code: rules.code, nameZh: rules.nameZh, nameEn: rules.nameEn, kind: z.enum(ParkKind).nullish(), visibility: z.enum(Visibility).nullish() });
const updateParkSchema = createParkSchema.omit({ code: true }).extend({ id: z.string(), version: rules.version, kind: z.enum(ParkKind), visibility: z.enum(Visibility) }).partial({
  nameZh: true, nameEn: true, kind: true, visibility: true,
});

const CreateIndustryClusterInput = builder.inputType('CreateIndustryClusterInput', {
  description: 'A new industry cluster (产业集群).',
  fields: (t) => ({
    code: t.string({ required: true, description: 'Its code, unique across clusters.' }),
    nameZh: t.string({ required: true, description: 'Name in Chinese.' }),
    nameEn: t.string({ required: true, description: 'Name in English.' }),
    sector: t.string({ description: 'The code of the sector it belongs to.' }),
    outputTarget: t.field({ type: 'Decimal', description: 'Annual output to reach, in yuan, e.g. "10000000000".' }),
    focusZh: t.stringList({ description: 'Focus products, in Chinese.' }),
    focusEn: t.stringList({ description: 'The same focus products in English, in the same order (as many as in Chinese).' }),
    visibility: t.field({ type: VisibilityRef, description: 'Who may see it (default PUBLIC).' }),
  }),
});

const UpdateIndustryClusterInput = builder.inputType('UpdateIndustryClusterInput', {
  description: 'Changes to an industry cluster: only the fields given change; null clears an optional one.',
  fields: (t) => ({
    id: t.globalID({ required: true, for: [modelRef('IndustryCluster')], description: 'The cluster.' }),
    version: t.int({ required: true, ...VersionField }),
    nameZh: t.string({ description: 'Name in Chinese.' }),
    nameEn: t.string({ description: 'Name in English.' }),
    sector: t.string({ description: 'The code of the sector it belongs to; null for none.' }),
    outputTarget: t.field({ type: 'Decimal', description: 'Annual output to reach, in yuan; null for none.' }),
    focusZh: t.stringList({ description: 'All its focus products in Chinese (replaces the list).' }),
    focusEn: t.stringList({ description: 'All its focus products in English (replaces the list); as many as in Chinese.' }),
    visibility: t.field({ type: VisibilityRef, description: 'Who may see it.' }),
  }),
});

const CreateSectorInput = builder.inputType('CreateSectorInput', {
  description: 'A new industrial sector.',
  fields: (t) => ({
    code: t.string({ required: true, description: 'Its code, unique across sectors.' }),
    nameZh: t.string({ required: true, description: 'Name in Chinese.' }),
    nameEn: t.string({ required: true, description: 'Name in English.' }),
    kind: t.field({ type: SectorKindRef, required: true, description: 'Advantage or emerging.' }),
    visibility: t.field({ type: VisibilityRef, description: 'Who may see it (default PUBLIC).' }),
  }),
});

const UpdateSectorInput = builder.inputType('UpdateSectorInput', {
  description: 'Changes to a sector: only the fields given change.',
  fields: (t) => ({
    id: t.globalID({ required: true, for: [modelRef('Sector')], description: 'The sector.' }),
    version: t.int({ required: true, ...VersionField }),
    nameZh: t.string({ description: 'Name in Chinese.' }),
    nameEn: t.string({ description: 'Name in English.' }),
    kind: t.field({ type: SectorKindRef, description: 'Advantage or emerging.' }),
    visibility: t.field({ type: VisibilityRef, description: 'Who may see it.' }),
  }),
});

const CreateParkInput = builder.inputType('CreateParkInput', {
  description: 'A new themed project park or innovation area.',
  fields: (t) => ({
    code: t.string({ required: true, description: 'Its code, unique across parks.' }),
    nameZh: t.string({ required: true, description: 'Name in Chinese.' }),
    nameEn: t.string({ required: true, description: 'Name in English.' }),
    kind: t.field({ type: ParkKindRef, description: 'Themed park or innovation area (default THEMED_PROJECT_PARK).' }),
    visibility: t.field({ type: VisibilityRef, description: 'Who may see it (default PUBLIC).' }),
  }),
});

const UpdateParkInput = builder.inputType('UpdateParkInput', {
  description: 'Changes to a park: only the fields given change.',
  fields: (t) => ({
    id: t.globalID({ required: true, for: [modelRef('Park')], description: 'The park.' }),
    version: t.int({ required: true, ...VersionField }),
    nameZh: t.string({ description: 'Name in Chinese.' }),
    nameEn: t.string({ description: 'Name in English.' }),
    kind: t.field({ type: ParkKindRef, description: 'Themed park or innovation area.' }),
    visibility: t.field({ type: VisibilityRef, description: 'Who may see it.' }),
  }),
});

/** The Chinese and English focus lists are one list in two languages, so they must be as long as each other. */
function refuseUnpairedFocus({ focusZh, focusEn }: { focusZh: string[]; focusEn: string[] }, blame: 'focusZh' | 'focusEn') {
  if (focusZh.length === focusEn.length) return;
  throw new ValidationError([
    { path: ['input', blame], message: `focusZh lists ${focusZh.length} products and focusEn ${focusEn.length}; list each product in both languages` },
  ]);
}

builder.mutationFields((t) => ({
  createIndustryCluster: t.prismaField({
    type: 'IndustryCluster',
    description: 'Adds an industry cluster. Editors and administrators only.',
    authScopes: { editor: true },
    errors: payload('CreateIndustryCluster', 'industryCluster'),
    args: { input: t.arg({ type: CreateIndustryClusterInput, required: true, description: 'The cluster.' }) },
    resolve: async (query, _root, { input: raw }, ctx) => {
      const { sector, ...input } = parseInput(createClusterSchema, raw);
      const focusZh = input.focusZh ?? [];
      const focusEn = input.focusEn ?? [];
      refuseUnpairedFocus({ focusZh, focusEn }, 'focusEn');
      return refusingDuplicates(
        () =>
          audited(ctx, async (tx) => {
            const sectorId = await idForCode((code) => tx.sector.findUnique({ where: { code } }), sector, 'sector', 'sector');
            const created = await tx.industryCluster.create({ data: { ...input, sectorId, focusZh, focusEn, visibility: input.visibility ?? undefined } });
            const record = await tx.industryCluster.findUniqueOrThrow({ ...selection(query), where: { id: created.id } });
            return { record, recordType: 'IndustryCluster', recordId: created.id, recordCode: created.code, action: 'create', before: null, after: created };
          }),
        `An industry cluster with the code "${input.code}" already exists.`,
      );
    },
  }),

  updateIndustryCluster: t.prismaField({
    type: 'IndustryCluster',
    description: 'Changes an industry cluster: its names, sector, output target or focus products. Editors and administrators only.',
    authScopes: { editor: true },
    errors: payload('UpdateIndustryCluster', 'industryCluster'),
    args: { input: t.arg({ type: UpdateIndustryClusterInput, required: true, description: 'The cluster and what changes.' }) },
    resolve: async (query, _root, { input: raw }, ctx) => {
      const { id, version, sector, focusZh, focusEn, ...changes } = parseInput(updateClusterSchema, { ...raw, id: raw.id.id });
      return audited(ctx, async (tx) => {
        const before = await tx.industryCluster.findUnique({ where: { id } });
        if (!before) throw new NotFoundError('IndustryCluster', id);
        // null empties a list; a list left out stays as it is.
        const lists = { focusZh: focusZh === undefined ? before.focusZh : (focusZh ?? []), focusEn: focusEn === undefined ? before.focusEn : (focusEn ?? []) };
        refuseUnpairedFocus(lists, focusEn === undefined ? 'focusZh' : 'focusEn');
        const sectorId = await idForCode((code) => tx.sector.findUnique({ where: { code } }), sector, 'sector', 'sector');
        const { count } = await tx.industryCluster.updateMany({ where: { id, version }, data: { ...changes, ...lists, sectorId, version: { increment: 1 } } });
        await requireVersionMatch(count, () => tx.industryCluster.findUnique({ where: { id } }), 'IndustryCluster', before.code, version);
        const after = await tx.industryCluster.findUniqueOrThrow({ where: { id } });
        const record = await tx.industryCluster.findUniqueOrThrow({ ...selection(query), where: { id } });
        return { record, recordType: 'IndustryCluster', recordId: id, recordCode: before.code, action: 'update', before, after };
      });
    },
  }),

  archiveIndustryCluster: archiveField(t, 'IndustryCluster', { label: 'industry cluster', delegate: (tx) => tx.industryCluster }),

  createSector: t.prismaField({
    type: 'Sector',
    description: 'Adds an industrial sector. Editors and administrators only.',
    authScopes: { editor: true },
    errors: payload('CreateSector', 'sector'),
    args: { input: t.arg({ type: CreateSectorInput, required: true, description: 'The sector.' }) },
    resolve: async (query, _root, { input: raw }, ctx) => {
      const input = parseInput(createSectorSchema, raw);
      return refusingDuplicates(
        () =>
          audited(ctx, async (tx) => {
            const created = await tx.sector.create({ data: { ...input, visibility: input.visibility ?? undefined } });
            const record = await tx.sector.findUniqueOrThrow({ ...selection(query), where: { id: created.id } });
            return { record, recordType: 'Sector', recordId: created.id, recordCode: created.code, action: 'create', before: null, after: created };
          }),
        `A sector with the code "${input.code}" already exists.`,
      );
    },
  }),

  updateSector: t.prismaField({
    type: 'Sector',
    description: 'Changes a sector\'s names or kind. Editors and administrators only.',
    authScopes: { editor: true },
    errors: payload('UpdateSector', 'sector'),
    args: { input: t.arg({ type: UpdateSectorInput, required: true, description: 'The sector and what changes.' }) },
    resolve: async (query, _root, { input: raw }, ctx) => {
      const { id, version, ...changes } = parseInput(updateSectorSchema, { ...raw, id: raw.id.id });
      return audited(ctx, async (tx) => {
        const before = await tx.sector.findUnique({ where: { id } });
        if (!before) throw new NotFoundError('Sector', id);
        const { count } = await tx.sector.updateMany({ where: { id, version }, data: { ...changes, version: { increment: 1 } } });
        await requireVersionMatch(count, () => tx.sector.findUnique({ where: { id } }), 'Sector', before.code, version);
        const after = await tx.sector.findUniqueOrThrow({ where: { id } });
        const record = await tx.sector.findUniqueOrThrow({ ...selection(query), where: { id } });
        return { record, recordType: 'Sector', recordId: id, recordCode: before.code, action: 'update', before, after };
      });
    },
  }),

  archiveSector: archiveField(t, 'Sector', { label: 'sector', delegate: (tx) => tx.sector }),

  createPark: t.prismaField({
    type: 'Park',
    description: 'Adds a park. Editors and administrators only.',
    authScopes: { editor: true },
    errors: payload('CreatePark', 'park'),
    args: { input: t.arg({ type: CreateParkInput, required: true, description: 'The park.' }) },
    resolve: async (query, _root, { input: raw }, ctx) => {
      const input = parseInput(createParkSchema, raw);
      return refusingDuplicates(
        () =>
          audited(ctx, async (tx) => {
            const created = await tx.park.create({ data: { ...input, kind: input.kind ?? undefined, visibility: input.visibility ?? undefined } });
            const record = await tx.park.findUniqueOrThrow({ ...selection(query), where: { id: created.id } });
            return { record, recordType: 'Park', recordId: created.id, recordCode: created.code, action: 'create', before: null, after: created };
          }),
        `A park with the code "${input.code}" already exists.`,
      );
    },
  }),

  updatePark: t.prismaField({
    type: 'Park',
    description: 'Changes a park\'s names or kind. Editors and administrators only.',
    authScopes: { editor: true },
    errors: payload('UpdatePark', 'park'),
    args: { input: t.arg({ type: UpdateParkInput, required: true, description: 'The park and what changes.' }) },
    resolve: async (query, _root, { input: raw }, ctx) => {
      const { id, version, ...changes } = parseInput(updateParkSchema, { ...raw, id: raw.id.id });
      return audited(ctx, async (tx) => {
        const before = await tx.park.findUnique({ where: { id } });
        if (!before) throw new NotFoundError('Park', id);
        const { count } = await tx.park.updateMany({ where: { id, version }, data: { ...changes, version: { increment: 1 } } });
        await requireVersionMatch(count, () => tx.park.findUnique({ where: { id } }), 'Park', before.code, version);
        const after = await tx.park.findUniqueOrThrow({ where: { id } });
        const record = await tx.park.findUniqueOrThrow({ ...selection(query), where: { id } });
        return { record, recordType: 'Park', recordId: id, recordCode: before.code, action: 'update', before, after };
      });
    },
  }),

  archivePark: archiveField(t, 'Park', { label: 'park', delegate: (tx) => tx.park }),
}));
