import { builder } from '../../builder.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, ZonegraphError, type ValidationIssue } from '../../errors.ts';

/**
 * The errors a mutation returns as data. Every one implements `Error`, so a
 * client can always ask `... on Error { code message }` and narrow on
 * `__typename` for the details.
 */
export const ErrorInterface = builder.interfaceRef<ZonegraphError>('Error').implement({
  description: 'Something the caller can act on, returned as data by mutations.',
  fields: (t) => ({
    message: t.exposeString('message', { description: 'What went wrong, in a sentence for a person.' }),
    code: t.exposeString('code', { description: 'A stable code for programs: VALIDATION_FAILED, NOT_FOUND, FORBIDDEN, CONFLICT.' }),
  }),
});

const ValidationIssueRef = builder.objectRef<ValidationIssue>('ValidationIssue').implement({
  description: 'One problem with one input field.',
  fields: (t) => ({
    path: t.exposeStringList('path', { description: 'Where in the input, e.g. ["input", "plannedInvestment"].' }),
    message: t.exposeString('message', { description: 'What is wrong with it.' }),
  }),
});

builder.objectType(ValidationError, {
  name: 'ValidationError',
  description: 'The input was refused before anything was written; `issues` names each bad field.',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof ValidationError,
  fields: (t) => ({
    issues: t.field({ type: [ValidationIssueRef], description: 'Every problem found.', resolve: (e) => e.issues }),
  }),
});

builder.objectType(NotFoundError, {
  name: 'NotFoundError',
  description: 'The record to change does not exist, or you may not see it.',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof NotFoundError,
  fields: (t) => ({
    recordType: t.exposeString('recordType', { description: 'The kind of record, e.g. Project.' }),
    reference: t.exposeString('reference', { description: 'The ID or code that was given.' }),
  }),
});

builder.objectType(ForbiddenError, {
  name: 'ForbiddenError',
  description: 'Your API key\'s role may not make this change.',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof ForbiddenError,
  fields: () => ({}),
});

builder.objectType(ConflictError, {
  name: 'ConflictError',
  description: 'The change conflicts with the record as it is now: it was changed since you read it (re-read and retry), or it already exists.',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof ConflictError,
  fields: (t) => ({
    currentVersion: t.exposeInt('currentVersion', { nullable: true, description: 'The record\'s version now, when it has one.' }),
  }),
});

export const mutationErrors = [ValidationError, NotFoundError, ForbiddenError, ConflictError];

/**
 * Names a mutation's result the same way everywhere: the payload union
 * `<Verb><Model>Payload`, its success type `<Verb><Model>Success`, and the
 * field holding the changed record named after the record.
 */
export function payload(verbAndModel: string, dataField: string) {
  return {
    types: mutationErrors,
    union: { name: `${verbAndModel}Payload`, description: `The outcome of ${lowerFirst(verbAndModel)}: the changed record, or why nothing changed.` },
    result: { name: `${verbAndModel}Success`, description: 'The change was made and recorded in the audit trail.' },
    dataField: { name: dataField, description: 'The record as it is after the change.' },
  } as const;
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
