export { schema } from './schema/index.ts';
export type { Context } from './context.ts';
export { MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE } from './builder.ts';
export { UserInputError } from './errors.ts';
