import { QueryClient, QueryClientProvider, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { createClient, type ZonegraphClient } from '@zonegraph/sdk';
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
  return (
    <QueryClientProvider client={queryClient}>
      <ApiContext.Provider value={value}>{children}</ApiContext.Provider>
    </QueryClientProvider>
  );
}

export function useApi(): ApiValue {
  const value = useContext(ApiContext);
  if (!value) throw new Error('useApi outside ApiProvider');
  return value;
}

/**
 * One SDK call as a query. The key in use is part of the cache key: what a
 * caller sees depends on it, so changing keys never shows another caller's data.
 */
export function useApiQuery<T>(name: string, variables: unknown, run: (client: ZonegraphClient) => Promise<T>): UseQueryResult<T> {
  const { client, apiKey } = useApi();
  return useQuery({
    queryKey: [name, variables, apiKey ?? null],
    queryFn: () => run(client),
    // While new variables load, keep showing the last answer (no flash of
    // "loading"), but never one fetched with another key.
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[2] === (apiKey ?? null) ? previous : undefined),
  });
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
