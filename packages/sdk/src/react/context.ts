import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createContext, createElement, useContext, useState, type ReactNode } from 'react';
import type { ZonegraphClient } from '../client.ts';

/** The first element of every query key the hooks use: invalidate `[QUERY_KEY_ROOT]` to refetch them all. */
export const QUERY_KEY_ROOT = 'zonegraph';

interface ZonegraphContextValue {
  client: ZonegraphClient;
  /** Part of every query key, so that answers fetched by one caller are never shown to another. */
  scope: string;
}

const ZonegraphContext = createContext<ZonegraphContextValue | null>(null);

const clientScopes = new WeakMap<ZonegraphClient, string>();
let clientsSeen = 0;
function scopeOf(client: ZonegraphClient): string {
  let scope = clientScopes.get(client);
  if (scope === undefined) {
    scope = `client-${++clientsSeen}`;
    clientScopes.set(client, scope);
  }
  return scope;
}

export interface ZonegraphProviderProps {
  /** The client every hook below uses (`createClient({ url, apiKey })`). */
  client: ZonegraphClient;
  /**
   * TanStack Query's cache. Without one, the provider makes its own; pass
   * yours to share it with other queries or to set defaults.
   */
  queryClient?: QueryClient;
  /**
   * What separates the cached answers of one caller from another's (e.g. the
   * signed-in user's id). By default each client object has a scope of its
   * own, so a new client (another API key) never sees the last one's answers.
   */
  scope?: string;
  children?: ReactNode;
}

/** Gives the hooks of `@zonegraph/sdk/react` their client and TanStack Query cache. */
export function ZonegraphProvider({ client, queryClient, scope, children }: ZonegraphProviderProps): ReactNode {
  const [ownQueryClient] = useState(() => queryClient ?? new QueryClient());
  const value = { client, scope: scope ?? scopeOf(client) };
  return createElement(
    QueryClientProvider,
    { client: queryClient ?? ownQueryClient },
    createElement(ZonegraphContext.Provider, { value }, children),
  );
}

function useZonegraphContext(): ZonegraphContextValue {
  const value = useContext(ZonegraphContext);
  if (!value) throw new Error('A zonegraph hook was used outside <ZonegraphProvider client={…}>.');
  return value;
}

/** The client the surrounding `ZonegraphProvider` was given. */
export function useZonegraphClient(): ZonegraphClient {
  return useZonegraphContext().client;
}

/** The query-key scope of the surrounding provider (see `ZonegraphProviderProps.scope`). */
export function useZonegraphScope(): string {
  return useZonegraphContext().scope;
}
