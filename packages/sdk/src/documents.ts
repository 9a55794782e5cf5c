import { getOperationAST, print, type DocumentNode, type OperationTypeNode } from 'graphql';

export interface PreparedDocument {
  query: string;
  operationName: string | undefined;
  kind: OperationTypeNode | undefined;
  /**
   * The SHA-256 (hex) codegen gave the document (`__meta__.hash`), under
   * which the API knows it as a trusted document; undefined for documents
   * not generated with `persistedDocuments` (e.g. a partner's own).
   */
  hash: string | undefined;
}

// Documents are module-level constants: print each once, not once per request.
const prepared = new WeakMap<DocumentNode, PreparedDocument>();

export function prepare(document: DocumentNode): PreparedDocument {
  let entry = prepared.get(document);
  if (!entry) {
    const operation = getOperationAST(document);
    const meta = (document as { __meta__?: { hash?: unknown } }).__meta__;
    entry = {
      query: print(document),
      operationName: operation?.name?.value,
      kind: operation?.operation,
      hash: typeof meta?.hash === 'string' ? meta.hash : undefined,
    };
    prepared.set(document, entry);
  }
  return entry;
}
