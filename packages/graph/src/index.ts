export { schema } from './schema/index.ts';
export type { AnalyticsGate, Context } from './context.ts';
export { MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE } from './builder.ts';
export { anonymous, atLeast, refusalFor, visibleTo, type Caller } from './auth.ts';
export { createEvents, type EventTarget, type Events, type PubSub } from './pubsub.ts';
export * from './errors.ts';
export { isIssuedCursor, unbindCursor } from './cursors.ts';
export { isConnectionField } from './list-cursors.ts';
export { compileRead, type CompiledRead } from './compiled/index.ts';
