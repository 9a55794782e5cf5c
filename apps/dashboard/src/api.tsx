import { QueryClient, type Query } from '@tanstack/react-query';
import { createClient, type ZonegraphClient, type ZonegraphError } from '@zonegraph/sdk';
import { ZonegraphProvider, useZonegraphScope } from '@zonegraph/sdk/react';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

const KEY_STORAGE = 'zonegraph.dashboard.apiKey';

/** The API the page talks to: its own origin's /graphql unless built with VITE_ZONEGRAPH_API_URL. */
function apiUrl(): string {
  return new URL(import.meta.env['VITE_ZONEGRAPH_API_URL'] ?? '/graphql', window.location.origin).toString();
}

interface ApiValue {
  client: ZonegraphClient;
  apiKey: string | undefined;
  setApiKey(key: string | undefined): void;
}

const ApiContext = createContext<ApiValue | null>(null);

// sessionStorage: the key lives as long as the tab, never in a file or a cookie.
function storedKey(): string | undefined {
  try {
    return sessionStorage.getItem(KEY_STORAGE) ?? undefined;
  } catch {
    return undefined;
  }
}

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 60_000,
      refetchOnWindowFocus: false,
      // A refused key or a bad request will not get better by asking again.
      retry: (failures, error) => failures < 2 && !isUnauthenticated(error) && !isGraphQLError(error),
    },
  },
});

export function ApiProvider({ children }: { children: ReactNode }) {
  const [apiKey, setKeyState] = useState<string | undefined>(storedKey);
  const setApiKey = useCallback((key: string | undefined) => {
    const trimmed = key?.trim() || undefined;
    try {
      if (trimmed) sessionStorage.setItem(KEY_STORAGE, trimmed);
      else sessionStorage.removeItem(KEY_STORAGE);
    } catch {
      // Without storage the key lasts until the page reloads.
    }
    setKeyState(trimmed);
  }, []);
  const client = useMemo(
    // Every view uses operations the SDK ships, so it sends their hashes alone:
    // shorter requests, and it keeps working where the API runs only published documents.
    () => createClient({ url: apiUrl(), apiKey, persistedDocuments: true, headers: { 'x-zonegraph-client': 'zonegraph-dashboard' } }),
    [apiKey],
  );
  const value = useMemo(() => ({ client, apiKey, setApiKey }), [client, apiKey, setApiKey]);
  // Each client (one per key) is a scope of the SDK's query keys of its own, so
  // changing keys never shows another caller's data.
  return (
    <ZonegraphProvider client={client} queryClient={queryClient}>
      <ApiContext.Provider value={value}>{children}</ApiContext.Provider>
    </ZonegraphProvider>
  );
}

export function useApi(): ApiValue {
  const value = useContext(ApiContext);
  if (!value) throw new Error('useApi outside ApiProvider');
  return value;
}

/**
 * Options for a query whose variables change with the view (filters, page,
 * project): while the new answer loads, keep showing the last one (no flash
 * of "loading"), but never one fetched with another key.
 */
export function useKeepPrevious<T>(): { placeholderData: (previous: T | undefined, previousQuery: Query<T, ZonegraphError, T, readonly unknown[]> | undefined) => T | undefined } {
  const scope = useZonegraphScope();
  return { placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[1] === scope ? previous : undefined) };
}

function codesOf(error: unknown): string[] {
  const codes = (error as { codes?: unknown } | null)?.codes;
  return Array.isArray(codes) ? codes.filter((c): c is string => typeof c === 'string') : [];
}

export function isUnauthenticated(error: unknown): boolean {
  return codesOf(error).includes('UNAUTHENTICATED') || (error as { status?: unknown } | null)?.status === 401;
}

function isGraphQLError(error: unknown): boolean {
  return (error as { name?: unknown } | null)?.name === 'GraphQLResponseError';
}
