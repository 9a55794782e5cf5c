import type { Visibility } from '@zonegraph/db';
import { builder } from '../../builder.ts';
import { VisibilityRef } from './enums.ts';

interface TrackedShape {
  visibility: Visibility;
  version: number;
  archivedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * What every editable record's type loads whatever was asked: the columns the
 * interface's fields read. Each such type selects its other columns only when
 * a request asks for a field that reads them (plugin-prisma's select mode), so
 * a list of projects does not load and convert 29 columns a row to answer 3.
 */
export const trackedColumns = { visibility: true, version: true, archivedAt: true, createdAt: true, updatedAt: true } as const;

/** Marks a field that reads one column as it is, for the compiled read path (see compiled/plan.ts). */
const column = (name: keyof TrackedShape) => ({ column: name });

/** The bookkeeping every editable record shares; each such type implements it. */
export const TrackedRecord = builder.interfaceRef<TrackedShape>('TrackedRecord').implement({
  description: 'A record the zone edits: who may see it, its version for safe concurrent updates, and its life.',
  fields: (t) => ({
    visibility: t.field({ type: VisibilityRef, description: 'Who may see this record.', resolve: (r) => r.visibility, extensions: column('visibility') }),
    version: t.int({
      description: 'Goes up by one with every change; send it back with an update so that a concurrent change is not overwritten.',
      resolve: (r) => r.version,
      extensions: column('version'),
    }),
    archivedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the record was archived; archived records are left out of lists. Null while it is current.',
      resolve: (r) => r.archivedAt,
      extensions: column('archivedAt'),
    }),
    createdAt: t.field({ type: 'DateTime', description: 'When the record was created.', resolve: (r) => r.createdAt, extensions: column('createdAt') }),
    updatedAt: t.field({ type: 'DateTime', description: 'When the record last changed.', resolve: (r) => r.updatedAt, extensions: column('updatedAt') }),
  }),
});
