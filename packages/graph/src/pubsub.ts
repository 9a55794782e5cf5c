import { createPubSub } from 'graphql-yoga';

/**
 * What mutations announce. Events carry ids only: a subscriber loads the
 * record through its own visibility-scoped client, so it receives exactly
 * what it could read, and an event that crossed instances through Redis
 * needs nothing but the shared database.
 */
export type Events = {
  projectStageChanged: [{ stageChangeId: string }];
  auditEvent: [{ auditEventId: string }];
  /** Ends the open subscriptions of a revoked key, on every instance. */
  apiKeyRevoked: [{ apiKeyId: string }];
};

export type PubSub = ReturnType<typeof createPubSub<Events>>;

export type EventTarget = NonNullable<Parameters<typeof createPubSub<Events>>[0]>['eventTarget'];

/** In-process by default; pass a Redis event target to share events across API instances. */
export const createEvents = (eventTarget?: EventTarget): PubSub => createPubSub<Events>(eventTarget ? { eventTarget } : undefined);
