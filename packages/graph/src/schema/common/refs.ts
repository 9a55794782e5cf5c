import { getRefFromModel, type PrismaModelTypes, type PrismaObjectRef } from '@pothos/plugin-prisma';
import type PrismaTypes from '@zonegraph/db/pothos';
import { builder, type BuilderTypes } from '../../builder.ts';

/**
 * The GraphQL type of a Prisma model, by the model's name: the same ref its
 * `prismaNode` registered, typed as an object so that it can type a field or
 * a `globalID({ for })`. Mutation files use it rather than importing a ref
 * from the file that defines the type.
 */
export const modelRef = <M extends keyof PrismaTypes>(model: M) =>
  getRefFromModel(model, builder) as PrismaObjectRef<BuilderTypes, PrismaModelTypes & PrismaTypes[M], PrismaTypes[M]['Shape']>;

/**
 * plugin-prisma's query for the record a mutation answers, safe to spread
 * into a find: when the caller asks for none of the record's fields (e.g.
 * only `__typename` of the payload) it is `{ select: {} }`, which Prisma
 * refuses, so the whole row is read instead.
 */
export function selection<Q extends object>(query: Q): Q | {} {
  const select = (query as { select?: object }).select;
  return select && Object.keys(select).length === 0 ? {} : query;
}
