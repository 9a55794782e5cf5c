// Wording for the demo year's synthetic records. They are plausible for a
// programme like this one and invented: nothing here comes from the source text,
// and every row written from it carries the demo mark.
import type { Random } from './random.ts';

export interface Bilingual {
  zh: string;
  en: string;
}

export const engagementSubjects: ((project: Bilingual) => Bilingual)[] = [
  (p) => ({ zh: `${p.zh}项目洽谈`, en: `Talks on ${p.en}` }),
  (p) => ({ zh: `${p.zh}合作方来访考察`, en: `Partner visit about ${p.en}` }),
  (p) => ({ zh: `${p.zh}投资协议条款磋商`, en: `Negotiating the investment agreement of ${p.en}` }),
  (p) => ({ zh: `${p.zh}用地与配套对接`, en: `Land and utilities for ${p.en}` }),
  (p) => ({ zh: `${p.zh}推进协调会`, en: `Coordination meeting on ${p.en}` }),
];

export const obstacleTexts: (Bilingual & { unit: string })[] = [
  { zh: '项目用地指标不足', en: 'Too little land quota for the projects', unit: '自然资源局' },
  { zh: '军地信息共享渠道不畅', en: 'Information does not flow between the military and local government', unit: '融合办' },
  { zh: '园区配套道路建设滞后', en: 'Roads serving the parks lag behind', unit: '建设局' },
  { zh: '人才公寓供给不足', en: 'Too few apartments for recruited talent', unit: '人社局' },
  { zh: '跨部门审批衔接不畅', en: 'Approvals stall between departments', unit: '行政审批局' },
  { zh: '海域使用审批周期长', en: 'Sea-area use approvals take too long', unit: '海洋发展局' },
  { zh: '园区供电容量不足', en: 'Too little power capacity in the parks', unit: '供电公司' },
  { zh: '科技型企业融资渠道单一', en: 'Technology firms have too few ways to raise funds', unit: '金融办' },
  { zh: '军民两用技术成果转化政策不明确', en: 'Unclear rules for transferring dual-use research results', unit: '科技局' },
  { zh: '社会化保障采购标准不统一', en: 'Procurement standards for socialised support differ', unit: '社会化保障中心' },
];

/** Two per category, by category code. */
export const findingTexts: Record<string, (Bilingual & { unit: string })[]> = {
  'FC-JOBS-HEALTH': [
    { zh: '园区企业招聘信息发布不及时', en: 'Park employers publish vacancies late', unit: '人社局' },
    { zh: '社区卫生服务站夜间无人值守', en: 'Community clinics are unstaffed at night', unit: '卫健局' },
  ],
  'FC-WATER-POWER': [
    { zh: '安置区供水管网老化漏损', en: 'Ageing water mains leak in the resettlement area', unit: '水务局' },
    { zh: '施工临时用电线路私拉乱接', en: 'Makeshift power lines on building sites', unit: '供电公司' },
  ],
  'FC-DANGEROUS-HOUSING': [
    { zh: '村内危房改造进度滞后', en: 'Renovation of dangerous village houses is behind schedule', unit: '住建局' },
    { zh: '危房改造补助资金拨付不及时', en: 'Renovation grants are paid late', unit: '财政局' },
  ],
  'FC-SANITATION': [
    { zh: '施工工地扬尘治理不到位', en: 'Dust on building sites is not controlled', unit: '生态环境分局' },
    { zh: '村庄生活垃圾清运不及时', en: 'Village rubbish is collected late', unit: '综合执法局' },
  ],
};

export const pickSubject = (random: Random, project: Bilingual): Bilingual => random.pick(engagementSubjects)(project);
