import type { ObjectRef } from '@pothos/core';
import type PrismaTypes from '@zonegraph/db/pothos';
import { z } from 'zod';
import { builder, type BuilderTypes } from '../../builder.ts';
import { ConflictError, NotFoundError } from '../../errors.ts';
import { payload } from './errors.ts';
import { rules, VersionField } from './inputs.ts';
import { audited, parseInput, requireVersionMatch, type Tx } from './mutations.ts';
import { modelRef } from './refs.ts';

interface ArchivableRow {
  id: string;
  code: string;
  version: number;
  archivedAt: Date | null;
}

/** Models whose records have a code, a version and an archive mark. */
type ArchivableModel = { [M in keyof PrismaTypes]: PrismaTypes[M]['Shape'] extends ArchivableRow ? M : never }[keyof PrismaTypes];

/** The calls archiving makes; each of those models' Prisma delegates has them. */
interface ArchiveDelegate<Row extends ArchivableRow> {
  findUnique(args: { where: { id: string } }): PromiseLike<Row | null>;
  findUniqueOrThrow(args: { where: { id: string } }): PromiseLike<Row>;
  updateMany(args: {
    where: { id: string; version: number };
    data: { archivedAt: Date; version: { increment: number } };
  }): PromiseLike<{ count: number }>;
}

/**
 * `archive<Model>(input: { id, version })`: the same for every model, so
 * written once. Sets archivedAt and bumps the version, at the version read;
 * archiving an archived record is a ConflictError.
 */
export function archiveField<M extends ArchivableModel>(
  t: PothosSchemaTypes.MutationFieldBuilder<BuilderTypes, {}>,
  model: M,
  options: { label: string; delegate: (tx: Tx) => ArchiveDelegate<Extract<PrismaTypes[M]['Shape'], ArchivableRow>> },
) {
  // Typed by the columns archiving reads, not per model: that is all the resolver touches.
  const ref = modelRef(model) as unknown as ObjectRef<BuilderTypes, ArchivableRow>;
  const Input = builder.inputType(`Archive${model}Input` as string, {
    description: `A ${options.label} to archive: it leaves the default lists but stays readable by code and ID.`,
    fields: (f) => ({
      id: f.globalID({ required: true, for: [ref], description: `The ${options.label}.` }),
      version: f.int({ required: true, ...VersionField }),
    }),
  });
  return t.field({
    type: ref,
    description: `Archives a ${options.label}: it leaves the default lists and counts, and stays readable by code and ID. Editors and administrators only.`,
    authScopes: { editor: true },
    errors: payload(`Archive${model}`, lowerFirst(model)),
    args: { input: t.arg({ type: Input, required: true, description: `The ${options.label} and the version you read.` }) },
    resolve: async (_root, { input: raw }, ctx) => {
      const { id, version } = parseInput(z.object({ id: z.string(), version: rules.version }), { id: raw.id.id, version: raw.version });
      return audited(ctx, async (tx) => {
        const records = options.delegate(tx);
        const before = await records.findUnique({ where: { id } });
        if (!before) throw new NotFoundError(model, id);
        if (before.archivedAt) throw new ConflictError(`${model} ${before.code} is already archived.`, before.version);
        const { count } = await records.updateMany({ where: { id, version }, data: { archivedAt: new Date(), version: { increment: 1 } } });
        await requireVersionMatch(count, async () => records.findUnique({ where: { id } }), model, before.code, version);
        const after = await records.findUniqueOrThrow({ where: { id } });
        return { record: after, recordType: model, recordId: id, recordCode: before.code, action: 'archive', before, after };
      });
    },
  });
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
