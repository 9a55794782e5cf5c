import { createHash } from 'node:crypto';
import type { CodegenConfig } from '@graphql-codegen/cli';

// The schema is read as a file, never loaded from packages/graph: an SDK user
// must not need Prisma or Pothos, and codegen must not need a database.
const config: CodegenConfig = {
  schema: '../graph/schema.graphql',
  documents: ['src/operations/**/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: {
        // Results are plain objects: a fragment's fields are part of the
        // operation's result type, with no unmasking function to call.
        fragmentMasking: false,
        // Only graphql.ts is used; the barrel would re-export the unused tag.
        skipIndexFile: true,
        // Writes src/gql/persisted-documents.json ({ hash: document }) for the
        // API's trusted documents, and puts each document's hash on it
        // (`__meta__.hash`) for the client's persisted-document mode.
        // Keys are the plain hex SHA-256 of the document text (the preset's own
        // 'sha256' prefixes them with `sha256:`), as Apollo's `sha256Hash` is.
        persistedDocuments: { hashAlgorithm: (document: string) => createHash('sha256').update(document).digest('hex') },
      },
      config: {
        // A new scalar must fail generation instead of silently becoming `any`.
        strictScalars: true,
        scalars: {
          ID: 'string',
          // ISO 8601 instant in UTC.
          DateTime: 'string',
          // `YYYY-MM-DD` in the programme's time zone.
          Date: 'string',
          // Exact decimals travel as strings; parsing is the caller's choice.
          Decimal: 'string',
          // The audit trail's before/after snapshots: any JSON value.
          JSON: 'unknown',
        },
        // String unions, not TypeScript enums: the SDK ships no enum objects.
        enumType: 'string-literal',
        useTypeImports: true,
      },
    },
  },
};

export default config;
