import type { ProjectStage } from '@zonegraph/sdk';

// The SDK ships enums as types only; options need the values at run time.

/** Along the usual path from talks to operation, then the side exits. */
export const PROJECT_STAGES = [
  'NEGOTIATING',
  'SIGNED',
  'UNDER_CONSTRUCTION',
  'OPERATING',
  'ENROLLING',
  'SUSPENDED',
  'CANCELLED',
] as const satisfies readonly ProjectStage[];

// Stops the build, naming the stage, when the schema gains one missing above.
type Complete<Missing extends never> = Missing;
export type ProjectStagesComplete = Complete<Exclude<ProjectStage, (typeof PROJECT_STAGES)[number]>>;

/**
 * Reads a stage as people type it: `under-construction`, `Under_Construction`
 * and `UNDER_CONSTRUCTION` are the same stage. Returns undefined for anything else.
 */
export function parseStage(input: string): ProjectStage | undefined {
  const normalised = input.trim().toUpperCase().replace(/[-\s]+/g, '_');
  return PROJECT_STAGES.find((stage) => stage === normalised);
}
