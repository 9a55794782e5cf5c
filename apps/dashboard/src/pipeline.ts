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

/** The funnel's rows: the path, whose end is operation for a company and enrolment for a university, both shown (projects target either). */
export const FUNNEL_STAGES = [...PATH_STAGES, 'ENROLLING'] as const satisfies readonly ProjectStage[];

/**
 * The funnel: for each stage on the path, the projects that have reached it
 * (are at it or beyond). Its two ends, OPERATING and ENROLLING, each count
 * their own projects; the stages before count both. Suspended and cancelled
 * projects are left out.
 */
export function funnel(counts: readonly StageCount[]): { stage: (typeof FUNNEL_STAGES)[number]; reached: number; atStage: number }[] {
  const end = PATH_STAGES.indexOf('OPERATING');
  return FUNNEL_STAGES.map((stage) => {
    const index = rank(stage)!;
    let reached = 0;
    let atStage = 0;
    for (const { stage: current, projects } of counts) {
      const r = current ? rank(current) : null;
      if (r === null || !current) continue;
      // At an end of the path, only its own projects have reached it.
      if (index === end ? current === stage : r >= index) reached += projects;
      if (current === stage) atStage += projects;
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
