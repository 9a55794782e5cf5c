// The compiler checks a caller's `switch` over a mutation's payload: every
// kind handled, no kind misspelt. Checked by `tsc` (pnpm typecheck) and by
// `vitest run` (typecheck in vitest.config.ts); each `@ts-expect-error` fails
// the check if the error it expects ever stops being an error.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { describe, expectTypeOf, test } from 'vitest';
import type { MutationErrorTypename, Operations, RecordProjectStageChangeMutation, UpdateProjectMutation, ZonegraphClient } from '../src/index.ts';

declare const client: ZonegraphClient;
type UpdateProjectPayload = UpdateProjectMutation['updateProject'];

function unreachable(value: never): never {
  throw new Error(`unhandled payload ${JSON.stringify(value)}`);
}

describe('a switch over a payload union', () => {
  test('handling every kind compiles, and each case sees its own fields', () => {
    function describePayload(payload: UpdateProjectPayload): string {
      switch (payload.__typename) {
        case 'UpdateProjectSuccess':
          return `${payload.project.code} v${payload.project.version}`;
        case 'ValidationError':
          return payload.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
        case 'NotFoundError':
          return `${payload.recordType} ${payload.reference}`;
        case 'ForbiddenError':
          return payload.message;
        case 'ConflictError':
          return `now at version ${payload.currentVersion ?? '?'}`;
        default:
          return unreachable(payload);
      }
    }
    expectTypeOf(describePayload).parameter(0).toEqualTypeOf<UpdateProjectPayload>();
  });

  test('leaving a kind out does not compile', () => {
    function withoutConflict(payload: UpdateProjectPayload): string {
      switch (payload.__typename) {
        case 'UpdateProjectSuccess':
          return payload.project.code;
        case 'ValidationError':
        case 'NotFoundError':
        case 'ForbiddenError':
          return payload.message;
        default:
          // @ts-expect-error ConflictError reaches the default: it is not `never`
          return unreachable(payload);
      }
    }
    void withoutConflict;

    function withoutSuccess(payload: RecordProjectStageChangeMutation['recordProjectStageChange']): string {
      switch (payload.__typename) {
        case 'ValidationError':
        case 'NotFoundError':
        case 'ForbiddenError':
        case 'ConflictError':
          return payload.message;
        default:
          // @ts-expect-error the success reaches the default
          return unreachable(payload);
      }
    }
    void withoutSuccess;
  });

  test('a misspelt kind does not compile', () => {
    function misspelt(payload: UpdateProjectPayload): string {
      switch (payload.__typename) {
        // @ts-expect-error no payload is a 'ConflictErorr'
        case 'ConflictErorr':
          return 'never';
        // @ts-expect-error another mutation's success is not in this union
        case 'CreateProjectSuccess':
          return 'never';
        default:
          return payload.__typename;
      }
    }
    void misspelt;
  });

  test('fields exist only where the kind has them', () => {
    function fields(payload: UpdateProjectPayload): void {
      // @ts-expect-error `project` exists on the success only
      void payload.project;
      if (payload.__typename === 'ValidationError') {
        expectTypeOf(payload.issues).toEqualTypeOf<{ path: string[]; message: string }[]>();
        // @ts-expect-error a ValidationError has no currentVersion
        void payload.currentVersion;
      }
      if (payload.__typename === 'ConflictError') expectTypeOf(payload.currentVersion).toEqualTypeOf<number | null>();
    }
    void fields;
  });
});

// Every mutation function the client has resolves with its payload union:
// the `<Mutation>Success` and the four error kinds, nothing more or less
// (importProjects: ImportRejectedError, by row, in place of NotFoundError).
type PayloadOf<K extends keyof Operations> = Operations[K] extends TypedDocumentNode<infer R, infer _V> ? (K extends keyof R ? R[K] : never) : never;
type TypenameOf<K extends keyof Operations> = PayloadOf<K> extends { __typename: infer T } ? T : never;
type MutationName = {
  [K in keyof Operations]: TypenameOf<K> extends `${string}Success` | `${string}Error` ? ([TypenameOf<K>] extends [never] ? never : K) : never;
}[keyof Operations];
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Expected<K extends string> = K extends 'importProjects'
  ? `${Capitalize<K>}Success` | Exclude<MutationErrorTypename, 'NotFoundError'> | 'ImportRejectedError'
  : `${Capitalize<K>}Success` | MutationErrorTypename;
type WellFormed = { [K in MutationName]: Same<TypenameOf<K>, Expected<K>> };

describe('every shipped mutation', () => {
  test('has the success and the four errors in its union', () => {
    expectTypeOf<WellFormed[MutationName]>().toEqualTypeOf<true>();
    expectTypeOf<MutationErrorTypename>().toEqualTypeOf<'ValidationError' | 'NotFoundError' | 'ForbiddenError' | 'ConflictError'>();
    // Spot checks that the mapped types above see the mutations at all.
    expectTypeOf<'updateProject' | 'createApiKey' | 'recordInvestment' | 'changeObstacleStatus'>().toExtend<MutationName>();
    expectTypeOf<'projects'>().not.toExtend<MutationName>();
    expectTypeOf<'importProjects'>().toExtend<MutationName>();
  });

  test('takes its one input object, required', () => {
    // @ts-expect-error the input is required
    void client.updateProject();
    // @ts-expect-error the id is required
    void client.updateProject({ input: { version: 1 } });
    void client.updateProject({ input: { id: 'x', version: 1, nameEn: 'New name' } });
    expectTypeOf(client.updateProject).returns.resolves.toEqualTypeOf<UpdateProjectMutation>();
  });
});
