import { ProjectStage } from '@zonegraph/db';

/**
 * Where a project may go from each stage. Cancelled is final; a suspended
 * project may resume at any working stage. University projects move from
 * construction or operation to enrolling students.
 */
export const allowedTransitions: Record<ProjectStage, readonly ProjectStage[]> = {
  NEGOTIATING: ['SIGNED', 'SUSPENDED', 'CANCELLED'],
  SIGNED: ['UNDER_CONSTRUCTION', 'SUSPENDED', 'CANCELLED'],
  UNDER_CONSTRUCTION: ['OPERATING', 'ENROLLING', 'SUSPENDED', 'CANCELLED'],
  OPERATING: ['ENROLLING', 'SUSPENDED'],
  ENROLLING: ['SUSPENDED'],
  SUSPENDED: ['NEGOTIATING', 'SIGNED', 'UNDER_CONSTRUCTION', 'OPERATING', 'ENROLLING', 'CANCELLED'],
  CANCELLED: [],
};

export const canMove = (from: ProjectStage, to: ProjectStage): boolean => allowedTransitions[from].includes(to);
