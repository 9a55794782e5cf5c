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

/** The bookkeeping every editable record shares; each such type implements it. */
export const TrackedRecord = builder.interfaceRef<TrackedShape>('TrackedRecord').implement({
  description: 'A record the zone edits: who may see it, its version for safe concurrent updates, and its life.',
  fields: (t) => ({
    visibility: t.field({ type: VisibilityRef, description: 'Who may see this record.', resolve: (r) => r.visibility }),
    version: t.int({
      description: 'Goes up by one with every change; send it back with an update so that a concurrent change is not overwritten.',
      resolve: (r) => r.version,
    }),
    archivedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the record was archived; archived records are left out of lists. Null while it is current.',
      resolve: (r) => r.archivedAt,
    }),
    createdAt: t.field({ type: 'DateTime', description: 'When the record was created.', resolve: (r) => r.createdAt }),
    updatedAt: t.field({ type: 'DateTime', description: 'When the record last changed.', resolve: (r) => r.updatedAt }),
  }),
});
