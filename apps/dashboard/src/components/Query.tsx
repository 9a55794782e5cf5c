import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { isUnauthenticated, useApi } from '../api.tsx';
import { useLanguage } from '../i18n/context.tsx';

/** Loading, error or the content: every view shows one of the three, never a blank. */
export function Query<T>({ result, children }: { result: UseQueryResult<T>; children: (data: T) => ReactNode }) {
  const { t } = useLanguage();
  if (result.data !== undefined) {
    return (
      <div className={result.isFetching ? 'refreshing' : undefined} aria-busy={result.isFetching}>
        {children(result.data)}
      </div>
    );
  }
  if (result.isError) return <ErrorBox error={result.error} onRetry={() => void result.refetch()} />;
  return (
    <p className="loading" role="status">
      {t.loading}
    </p>
  );
}

export function ErrorBox({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useLanguage();
  const { setApiKey } = useApi();
  const unauthenticated = isUnauthenticated(error);
  const requestId = (error as { requestId?: unknown } | null)?.requestId;
  return (
    <div className="error" role="alert">
      <strong>{t.error}</strong>
      <p>{unauthenticated ? t.unauthenticated : error instanceof Error ? error.message : String(error)}</p>
      {typeof requestId === 'string' && <p className="muted">request id: {requestId}</p>}
      {unauthenticated ? (
        <button type="button" onClick={() => setApiKey(undefined)}>
          {t.apiKey.clear}
        </button>
      ) : (
        onRetry && (
          <button type="button" onClick={onRetry}>
            {t.retry}
          </button>
        )
      )}
    </div>
  );
}
