// Operating mechanisms the text names. The first campaign counts nine and names
// two; the second names the three its service centres are to run on.
import { mechanismStatusFor } from '../rules.ts';
import type { MechanismCue, MechanismSeed } from '../types.ts';
import { C1, C2 } from './campaigns.ts';

const mechanism = (fields: Omit<MechanismSeed, 'status'> & { cue: MechanismCue }): MechanismSeed => ({
  ...fields,
  status: mechanismStatusFor(fields.cue),
});

export const mechanisms: MechanismSeed[] = [
  mechanism({
    code: `${C1}-M1`,
    campaignCode: C1,
    nameZh: '技术装备保障联盟',
    nameEn: 'Technical equipment support alliance',
    cue: '健全',
    source: '健全技术装备保障联盟',
  }),
  mechanism({
    code: `${C1}-M2`,
    campaignCode: C1,
    nameZh: '一体化科研创新',
    nameEn: 'Integrated research and innovation',
    cue: '健全',
    source: '一体化科研创新等9项运行机制',
  }),
  mechanism({
    code: `${C2}-M1`,
    campaignCode: C2,
    nameZh: '需求牵引机制',
    nameEn: 'Demand-led mechanism',
    cue: '完善',
    source: '完善需求牵引、专业化运营、市场化运作机制',
  }),
  mechanism({
    code: `${C2}-M2`,
    campaignCode: C2,
    nameZh: '专业化运营机制',
    nameEn: 'Professional operation mechanism',
    cue: '完善',
    source: '完善需求牵引、专业化运营、市场化运作机制',
  }),
  mechanism({
    code: `${C2}-M3`,
    campaignCode: C2,
    nameZh: '市场化运作机制',
    nameEn: 'Market-based operation mechanism',
    cue: '完善',
    source: '完善需求牵引、专业化运营、市场化运作机制',
  }),
];
