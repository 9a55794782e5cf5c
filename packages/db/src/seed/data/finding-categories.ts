// The kinds of everyday problem the inspection office sets out to help people
// solve (着力帮助群众解决就业就医、用水用电、危房改造、环境卫生等生产生活难题); its
// findings are filed under them. The list ends with 等, so findings may also have
// no category.
import type { FindingCategorySeed } from '../types.ts';

export const FINDING_CATEGORY = {
  JOBS_HEALTH: 'FC-JOBS-HEALTH',
  WATER_POWER: 'FC-WATER-POWER',
  DANGEROUS_HOUSING: 'FC-DANGEROUS-HOUSING',
  SANITATION: 'FC-SANITATION',
} as const;

export const findingCategories: FindingCategorySeed[] = [
  { code: FINDING_CATEGORY.JOBS_HEALTH, nameZh: '就业就医', nameEn: 'Employment and medical care', source: '就业就医' },
  { code: FINDING_CATEGORY.WATER_POWER, nameZh: '用水用电', nameEn: 'Water and power supply', source: '用水用电' },
  { code: FINDING_CATEGORY.DANGEROUS_HOUSING, nameZh: '危房改造', nameEn: 'Renovation of dangerous housing', source: '危房改造' },
  { code: FINDING_CATEGORY.SANITATION, nameZh: '环境卫生', nameEn: 'Environmental sanitation', source: '环境卫生' },
];
