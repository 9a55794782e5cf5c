import { lexicographicSortSchema, printSchema } from 'graphql';
import { schema } from './schema/index.ts';

/** The schema as committed in schema.graphql: sorted, so that diffs show real changes only. */
export const printSchemaSDL = (): string => `${printSchema(lexicographicSortSchema(schema))}\n`;
