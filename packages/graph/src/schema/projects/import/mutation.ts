// importProjects: many projects created or updated by code in one transaction,
// for the staff who keep the project list in spreadsheets (`zonegraph import
// projects`). Every row is checked before anything is written; one bad row
// refuses the whole batch, with every problem named by its row.
//
// The parts: results.ts (what it answers), inputs.ts (what it takes),
// check.ts (row checks), compare.ts (what a row changes), data.ts and
// write.ts (the transactional write).
import { z } from 'zod';
import { builder } from '../../../builder.ts';
import { ConflictError, ForbiddenError, ValidationError } from '../../../errors.ts';
import { parseInput } from '../../common/mutations.ts';
import { parseRows } from './check.ts';
import { ImportProjectsInput } from './inputs.ts';
import { ImportProjectsSuccess, ImportRejectedError, MAX_IMPORT_ROWS } from './results.ts';
import { importRows } from './write.ts';

builder.mutationFields((t) => ({
  importProjects: t.field({
    type: ImportProjectsSuccess,
    description: `Creates or updates many projects by code, all in one transaction: every row is checked first and one bad row imports nothing (ImportRejectedError lists every problem by row). A row that matches its project writes nothing, so importing the same rows twice changes nothing the second time. Each created or updated project gets its audit event. At most ${MAX_IMPORT_ROWS} rows a call. Editors and administrators only.`,
    authScopes: { editor: true },
    errors: {
      types: [ImportRejectedError, ValidationError, ForbiddenError, ConflictError],
      directResult: true,
      union: { name: 'ImportProjectsPayload', description: 'The outcome of importProjects: each row\'s outcome, or why nothing was imported.' },
    },
    args: { input: t.arg({ type: ImportProjectsInput, required: true, description: 'The rows, and whether to write them.' }) },
    resolve: async (_root, { input }, ctx) => {
      const { rows: raw } = parseInput(z.object({ rows: z.array(z.unknown()).min(1, 'must hold at least one row').max(MAX_IMPORT_ROWS, `may hold at most ${MAX_IMPORT_ROWS} rows; split the file`) }), input);
      const { rows, issues } = parseRows(raw as (Record<string, unknown> & { row?: number | null })[]);
      const { result, events } = await importRows(ctx, rows, issues, input.dryRun ?? false, input.programme);
      for (const auditEventId of events) ctx.pubsub.publish('auditEvent', { auditEventId });
      return result;
    },
  }),
}));
