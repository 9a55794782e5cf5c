// The source text gives targets, not the state things are in. Where the schema
// needs a state, it is derived here by one rule per kind, so that every derived
// value can be traced and changed in one place (see README.md).
import type { KeyTaskStatus, MechanismStatus, PlatformStatus, ProjectStage } from '../generated/prisma/enums.ts';
import type { IsoDate, MechanismCue, PlatformCue } from './types.ts';

/** The programme year: the text plans submissions to the 14th Five-Year Plan (2021–25) and cites 六稳六保 (2020). */
export const PROGRAMME_YEAR = 2020;
export const PERIOD_START: IsoDate = '2020-01-01';
/** 确保全面完成年度各项目标任务: every target is a target for the year. */
export const PERIOD_END: IsoDate = '2020-12-31';

/**
 * A project is taken to stand one step before the stage it is to reach, since
 * the text names it as not yet there and says nothing of how far short it is.
 * Enrolling is the university counterpart of operating, so it follows construction.
 */
export function stageBefore(target: ProjectStage): ProjectStage {
  switch (target) {
    case 'SIGNED':
      return 'NEGOTIATING';
    case 'UNDER_CONSTRUCTION':
      return 'SIGNED';
    case 'OPERATING':
    case 'ENROLLING':
      return 'UNDER_CONSTRUCTION';
    default:
      throw new Error(`no stage precedes target stage ${target}`);
  }
}

/**
 * A platform's status follows the verb the text uses for it: one still to be
 * built, or to be put into use, is building; one whose functions or use are to
 * be extended already operates.
 */
export function platformStatusFor(cue: PlatformCue): PlatformStatus {
  switch (cue) {
    case '建成':
    case '加快推进建设':
    case '启用':
      return 'BUILDING';
    case '拓展平台功能':
    case '提升使用效能':
    case '完善提升':
    case 'named as existing':
      return 'OPERATING';
  }
}

/** 健全 / 完善 ("make sound", "improve"): the mechanism exists in part and is being completed. */
export function mechanismStatusFor(_cue: MechanismCue): MechanismStatus {
  return 'ESTABLISHING';
}

/** The text reports no key task done and presents the programme as under way. */
export const KEY_TASK_STATUS: KeyTaskStatus = 'IN_PROGRESS';
