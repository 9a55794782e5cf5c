// What importProjects answers: each row's outcome, or the refusal naming every
// problem by row. The GraphQL types sit with the shapes they expose.
import { builder } from '../../../builder.ts';
import { ZonegraphError } from '../../../errors.ts';
import { ErrorInterface } from '../../common/errors.ts';

/** The most rows one call takes: one transaction holds them all, and a larger file is split by the caller. */
export const MAX_IMPORT_ROWS = 1000;

export interface ImportRowIssue {
  /** The row's number as the caller gave it (a spreadsheet row), else its position from 1. */
  row: number;
  /** The project code on that row, when it has one. */
  code: string | null;
  /** The column (input field) at fault; null when the row as a whole is. */
  field: string | null;
  message: string;
}

/** The batch was refused; nothing was written. */
export class ImportRejectedError extends ZonegraphError {
  readonly issues: ImportRowIssue[];
  constructor(issues: ImportRowIssue[]) {
    const rows = new Set(issues.map((i) => i.row)).size;
    super(`${issues.length} problem${issues.length === 1 ? '' : 's'} in ${rows} row${rows === 1 ? '' : 's'}; nothing was imported.`, 'IMPORT_REJECTED');
    this.issues = issues;
  }
}

type Outcome = 'CREATED' | 'UPDATED' | 'UNCHANGED';

export interface RowResult {
  row: number;
  code: string;
  outcome: Outcome;
  /** The project's global ID; null for a project a dry run would create. */
  id: string | null;
  changedFields: string[];
}

export interface ImportResult {
  dryRun: boolean;
  rows: RowResult[];
}

const ImportOutcomeRef = builder.enumType('ImportOutcome', {
  description: 'What an import did, or would do, with one row.',
  values: {
    CREATED: { description: 'No project had the code: a new one was created.' },
    UPDATED: { description: 'The project with the code was changed to match the row.' },
    UNCHANGED: { description: 'The project already matched the row: nothing was written.' },
  } as const,
});

const ImportRowIssueRef = builder.objectRef<ImportRowIssue>('ImportRowIssue').implement({
  description: 'One problem with one row of an import.',
  fields: (t) => ({
    row: t.exposeInt('row', { description: 'The row\'s number as sent in `row` (e.g. its spreadsheet row), else its position from 1.' }),
    code: t.exposeString('code', { nullable: true, description: 'The project code on the row, when it has one.' }),
    field: t.exposeString('field', { nullable: true, description: 'The field (column) at fault, e.g. `campaign`; null when the whole row is.' }),
    message: t.exposeString('message', { description: 'What is wrong, in a sentence for a person.' }),
  }),
});

builder.objectType(ImportRejectedError, {
  name: 'ImportRejectedError',
  description: 'At least one row was refused, so nothing was imported; `issues` names every problem by row.',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof ImportRejectedError,
  fields: (t) => ({
    issues: t.field({ type: [ImportRowIssueRef], description: 'Every problem found, in row order.', resolve: (e) => e.issues }),
  }),
});

const ImportedProjectRef = builder.objectRef<RowResult>('ImportedProjectRow').implement({
  description: 'One row of an import and what became of it.',
  fields: (t) => ({
    row: t.exposeInt('row', { description: 'The row\'s number as sent, else its position from 1.' }),
    code: t.exposeString('code', { description: 'The project code.' }),
    outcome: t.field({ type: ImportOutcomeRef, description: 'Created, updated or unchanged.', resolve: (r) => r.outcome }),
    projectId: t.exposeID('id', { nullable: true, description: 'The project\'s global ID; null for a project a dry run would create.' }),
    changedFields: t.exposeStringList('changedFields', { description: 'For an update, the fields that change; empty otherwise.' }),
  }),
});

export const ImportProjectsSuccess = builder.objectRef<ImportResult>('ImportProjectsSuccess').implement({
  description: 'Every row was valid. Unless `dryRun`, all were written in one transaction, each created or updated project with its audit event.',
  fields: (t) => ({
    dryRun: t.exposeBoolean('dryRun', { description: 'True when nothing was written: the outcomes are what an import would do.' }),
    created: t.int({ description: 'Rows that created a project.', resolve: (r) => r.rows.filter((x) => x.outcome === 'CREATED').length }),
    updated: t.int({ description: 'Rows that changed a project.', resolve: (r) => r.rows.filter((x) => x.outcome === 'UPDATED').length }),
    unchanged: t.int({ description: 'Rows that matched their project already.', resolve: (r) => r.rows.filter((x) => x.outcome === 'UNCHANGED').length }),
    rows: t.field({ type: [ImportedProjectRef], description: 'Each row\'s outcome, in the order sent.', resolve: (r) => r.rows }),
  }),
});
