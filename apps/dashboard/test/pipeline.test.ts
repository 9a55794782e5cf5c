import { describe, expect, it } from 'vitest';
import { funnel, hasReached } from '../src/pipeline.ts';

describe('the pipeline funnel', () => {
  it('counts each stage with every project that got at least that far', () => {
    const rows = funnel([
      { stage: 'NEGOTIATING', projects: 3 },
      { stage: 'SIGNED', projects: 4 },
      { stage: 'UNDER_CONSTRUCTION', projects: 11 },
      { stage: 'OPERATING', projects: 1 },
      { stage: 'ENROLLING', projects: 2 },
    ]);
    expect(rows.map((r) => [r.stage, r.reached, r.atStage])).toEqual([
      ['NEGOTIATING', 21, 3],
      ['SIGNED', 18, 4],
      ['UNDER_CONSTRUCTION', 14, 11],
      // The path's two ends, each with its own projects: seed projects target either.
      ['OPERATING', 1, 1],
      ['ENROLLING', 2, 2],
    ]);
  });

  it('leaves out suspended, cancelled and stage-less groups', () => {
    const rows = funnel([
      { stage: 'SIGNED', projects: 2 },
      { stage: 'SUSPENDED', projects: 5 },
      { stage: 'CANCELLED', projects: 7 },
      { stage: null, projects: 9 },
    ]);
    expect(rows.map((r) => r.reached)).toEqual([2, 2, 0, 0, 0]);
  });

  it('tells whether a project reached its target stage', () => {
    expect(hasReached('UNDER_CONSTRUCTION', 'SIGNED')).toBe(true);
    expect(hasReached('SIGNED', 'UNDER_CONSTRUCTION')).toBe(false);
    expect(hasReached('ENROLLING', 'OPERATING')).toBe(true);
    expect(hasReached('SUSPENDED', 'OPERATING')).toBe(false);
    expect(hasReached('SIGNED', null)).toBeNull();
  });
});
