import { existsSync, readFileSync } from 'node:fs';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import type { Context } from '@zonegraph/graph';
import type { Plugin } from 'graphql-yoga';
import type { CallerKind } from '../config.ts';
import { callerKind } from './caller-key.ts';
import { edgeError } from './edge-errors.ts';

/** Published operations: sha256 hex of the document → the document. */
export type TrustedDocuments = ReadonlyMap<string, string>;

/**
 * Reads the manifest the SDK's codegen writes (`{ "<sha256>": "<document>" }`).
 * A missing file is an empty manifest; a malformed one stops the start.
 */
export function loadTrustedDocuments(file: string): TrustedDocuments {
  if (!existsSync(file)) return new Map();
  const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error(`${file}: expected an object of sha256 hash → document`);
  const entries = Object.entries(parsed);
  for (const [hash, document] of entries) {
    if (!/^[0-9a-f]{64}$/.test(hash) || typeof document !== 'string') throw new Error(`${file}: "${hash.slice(0, 80)}" is not a sha256 hash of a document`);
  }
  return new Map(entries as [string, string][]);
}

export interface TrustedDocumentOptions {
  documents: TrustedDocuments;
  /** Callers of these kinds may run only the published documents. */
  requiredFor: readonly CallerKind[];
}

const persistedHash = (extensions: unknown): string | null => {
  const pq = (extensions as { persistedQuery?: { version?: unknown; sha256Hash?: unknown } } | undefined)?.persistedQuery;
  return pq?.version === 1 && typeof pq.sha256Hash === 'string' ? pq.sha256Hash : null;
};

/**
 * Accepts published documents by hash (Apollo's `extensions.persistedQuery`,
 * over GET and POST) through yoga's persisted-operations plugin, and refuses
 * any other document from the roles configured to need published ones. The
 * role is known only once the key is checked, so that refusal comes at
 * execution, still before any resolver runs.
 */
export function useTrustedDocuments({ documents, requiredFor }: TrustedDocumentOptions): Plugin<Context & { request: Request }> {
  const sentItsOwnDocument = new WeakSet<Request>();
  const persisted = usePersistedOperations({
    allowArbitraryOperations: true,
    // A request with neither a document nor a hash is not ours to reinterpret:
    // let yoga refuse it as the GraphQL-over-HTTP spec says.
    extractPersistedOperationId: (params) => persistedHash(params.extensions) ?? (null as unknown as string),
    getPersistedOperation: (hash) => documents.get(hash) ?? null,
    customErrors: {
      notFound: {
        message: 'No published operation has this sha256Hash. Update the SDK, or send the document itself if your role may.',
        extensions: { code: 'PERSISTED_QUERY_NOT_FOUND', http: { status: 400 } },
      },
      keyNotFound: {
        message: 'Send a GraphQL document in "query", or a published one\'s hash in extensions.persistedQuery.sha256Hash.',
        extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
      },
    },
  });
  const refuse = (context: Context & { request: Request }) => {
    if (!sentItsOwnDocument.has(context.request)) return null;
    const kind = callerKind(context.caller);
    if (!requiredFor.includes(kind)) return null;
    return edgeError(
      'PERSISTED_QUERY_REQUIRED',
      `Callers of kind "${kind}" may run only the SDK's published operations: send extensions.persistedQuery { version: 1, sha256Hash } instead of the document.`,
      { status: 403 },
    );
  };
  return {
    onParams(payload) {
      if (typeof payload.params.query === 'string' && payload.params.query !== '') sentItsOwnDocument.add(payload.request);
      return persisted.onParams!(payload as never);
    },
    onParse: persisted.onParse as Plugin['onParse'],
    onValidate: persisted.onValidate as Plugin['onValidate'],
    onExecute({ args, setResultAndStopExecution }) {
      const error = refuse(args.contextValue);
      if (error) setResultAndStopExecution({ errors: [error] });
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      const error = refuse(args.contextValue);
      if (error) setResultAndStopExecution({ errors: [error] });
    },
  };
}
