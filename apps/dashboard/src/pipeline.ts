import type { ProjectStage } from '@zonegraph/sdk';

/** The path from talks to operation; a university project's enrolment ends it as operation does. */
export const PATH_STAGES = ['NEGOTIATING', 'SIGNED', 'UNDER_CONSTRUCTION', 'OPERATING'] as const satisfies readonly ProjectStage[];

/** Stages off the path: how far such a project got is not known from its stage. */
export const OFF_PATH_STAGES = ['SUSPENDED', 'CANCELLED'] as const satisfies readonly ProjectStage[];

export const ALL_STAGES: readonly ProjectStage[] = [...PATH_STAGES, 'ENROLLING', ...OFF_PATH_STAGES];

function rank(stage: ProjectStage): number | null {
  if (stage === 'ENROLLING') return PATH_STAGES.indexOf('OPERATING');
  const index = (PATH_STAGES as readonly ProjectStage[]).indexOf(stage);
  return index === -1 ? null : index;
}

export interface StageCount {
  stage: ProjectStage | null | undefined;
  projects: number;
}

/**
 * The funnel: for each stage on the path, the projects that have reached it
 * (are at it or beyond). Suspended and cancelled projects are left out.
 */
export function funnel(counts: readonly StageCount[]): { stage: (typeof PATH_STAGES)[number]; reached: number; atStage: number }[] {
  return PATH_STAGES.map((stage, index) => {
    let reached = 0;
    let atStage = 0;
    for (const { stage: current, projects } of counts) {
      const r = current ? rank(current) : null;
      if (r === null) continue;
      if (r >= index) reached += projects;
      if (r === index) atStage += projects;
    }
    return { stage, reached, atStage };
  });
}

/** Whether a project at `current` has reached `target` on the path. */
export function hasReached(current: ProjectStage, target: ProjectStage | null | undefined): boolean | null {
  if (!target) return null;
  const [c, t] = [rank(current), rank(target)];
  if (c === null || t === null) return current === target;
  return c >= t;
}
