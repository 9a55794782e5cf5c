// Every project the text names, with the stage it is to reach this year.
//
// Classification is by the project's own name only: a sector when the name
// names the sector's field, a cluster when it names one of the cluster's focus
// products (the sector then follows the cluster). The text places no project in
// a park, so none has one. Its 75 key projects and the 64 for the Five-Year
// Plan are not listed, so every seeded project is a key project and none is
// marked as in the plan.
import type { ProjectStage } from '../../generated/prisma/enums.ts';
import { PERIOD_END, stageBefore } from '../rules.ts';
import type { ProjectSeed } from '../types.ts';
import { C1, C4 } from './campaigns.ts';
import { CLUSTER_AEROSPACE } from './clusters.ts';
import { ORG } from './organisations.ts';
import { PF } from './platforms.ts';
import { PROGRAMME } from './programme.ts';
import { AEROSPACE, NEW_ENERGY, OCEAN } from './sectors.ts';

/** How the text words each target stage. */
const TARGET_WORDING: Record<'SIGNED' | 'UNDER_CONSTRUCTION' | 'OPERATING' | 'ENROLLING', { zh: string; en: string }> = {
  SIGNED: { zh: '签约落地', en: 'To be signed and settled in the zone this year.' },
  UNDER_CONSTRUCTION: { zh: '开工建设', en: 'To start construction this year.' },
  OPERATING: { zh: '投产运营', en: 'To start operating this year.' },
  ENROLLING: { zh: '实现招生', en: 'To start enrolling students this year.' },
};

interface ProjectText {
  nameZh: string;
  nameEn: string;
  campaignCode: string;
  targetStage: keyof typeof TARGET_WORDING;
  source: string;
  organisationCodes?: string[];
  platformCodes?: string[];
  alsoListedByCodes?: string[];
  alsoListedSource?: string;
  clusterCode?: string;
  sectorCode?: string;
  summaryZh?: string;
  summaryEn?: string;
}

const texts: ProjectText[] = [
  // 示范任务推进攻坚战: 完成军地医院、海军中学等10大重点工程项目 ("complete" = in operation).
  {
    nameZh: '军地医院',
    nameEn: 'Military–Civilian Hospital',
    campaignCode: C1,
    targetStage: 'OPERATING',
    summaryZh: '10大重点工程项目之一，年内完成；产业项目发展攻坚战也将其列入投产运营项目。',
    summaryEn:
      'One of the ten key engineering projects, to be completed this year; the Industrial Projects Development Campaign also lists it among the projects to start operating.',
    source: '完成军地医院、海军中学等10大重点工程项目',
    // Named first by the demonstration tasks campaign (its primary one), then again in the fourth's list.
    alsoListedByCodes: [C4],
    alsoListedSource: '军地医院、赛伯乐5G工业互联网创新中心',
  },
  {
    nameZh: '海军中学',
    nameEn: 'Navy Middle School',
    campaignCode: C1,
    targetStage: 'OPERATING',
    summaryZh: '10大重点工程项目之一，年内完成。',
    summaryEn: 'One of the ten key engineering projects, to be completed this year.',
    source: '完成军地医院、海军中学等10大重点工程项目',
  },
  // 产业项目发展攻坚战: 确保…签约落地
  {
    nameZh: '360网信融合创新基地',
    // 网信 is cyberspace security and informatisation; 融合 is the "integration" of the zone's own name.
    nameEn: '360 Cyber Security and Informatisation Integration Innovation Base',
    campaignCode: C4,
    targetStage: 'SIGNED',
    organisationCodes: [ORG.QIHOO360],
    source: '确保360网信融合创新基地',
  },
  {
    nameZh: '无人装备研究院',
    nameEn: 'Unmanned Equipment Research Institute',
    campaignCode: C4,
    targetStage: 'SIGNED',
    // Unmanned equipment could be either cluster's (surface/underwater or aerial), so neither.
    source: '无人装备研究院',
  },
  {
    nameZh: '山东大学研究院',
    nameEn: 'Shandong University Research Institute',
    campaignCode: C4,
    targetStage: 'SIGNED',
    organisationCodes: [ORG.SDU],
    source: '山东大学研究院等一批项目签约落地',
  },
  // …开工建设
  {
    nameZh: '易瑞国际跨境电商平台',
    nameEn: 'ERUI International Cross-Border E-Commerce Platform',
    campaignCode: C4,
    targetStage: 'UNDER_CONSTRUCTION',
    organisationCodes: [ORG.ERUI],
    source: '易瑞国际跨境电商平台',
  },
  {
    nameZh: '中远集团青岛创新基地',
    nameEn: 'COSCO Qingdao Innovation Base',
    campaignCode: C4,
    targetStage: 'UNDER_CONSTRUCTION',
    organisationCodes: [ORG.COSCO],
    source: '中远集团青岛创新基地',
  },
  {
    nameZh: '恒华数字产业',
    nameEn: 'Henghua Digital Industry',
    campaignCode: C4,
    targetStage: 'UNDER_CONSTRUCTION',
    organisationCodes: [ORG.HENGHUA],
    source: '恒华数字产业',
  },
  {
    nameZh: '华泰森淼哈瓦无人机',
    nameEn: 'Huatai Senmiao Harwar UAV',
    campaignCode: C4,
    targetStage: 'UNDER_CONSTRUCTION',
    organisationCodes: [ORG.HUATAI_SENMIAO, ORG.HARWAR],
    clusterCode: CLUSTER_AEROSPACE,
    sectorCode: AEROSPACE,
    source: '华泰森淼哈瓦无人机等一批项目开工建设',
  },
  // …投产运营 (军地医院 is listed here too; it is seeded once, above, and also listed by this campaign)
  {
    nameZh: '赛伯乐5G工业互联网创新中心',
    nameEn: 'Cybernaut 5G Industrial Internet Innovation Centre',
    campaignCode: C4,
    targetStage: 'OPERATING',
    organisationCodes: [ORG.CYBERNAUT],
    source: '赛伯乐5G工业互联网创新中心',
  },
  {
    nameZh: '启迪集群创新中心',
    nameEn: 'Tus Cluster Innovation Centre',
    campaignCode: C4,
    targetStage: 'OPERATING',
    organisationCodes: [ORG.TUS],
    source: '启迪集群创新中心',
  },
  {
    nameZh: '天航凤岐协同创新基地',
    nameEn: 'Tianhang Fengqi Collaborative Innovation Base',
    campaignCode: C4,
    targetStage: 'OPERATING',
    organisationCodes: [ORG.TIANHANG_FENGQI],
    source: '天航凤岐协同创新基地',
  },
  {
    nameZh: '航空技术研究院快反中心',
    nameEn: 'Aviation Technology Research Institute Rapid Response Centre',
    campaignCode: C4,
    targetStage: 'OPERATING',
    // The institute is the one the third campaign names in full.
    organisationCodes: [ORG.CAS_AVIATION],
    platformCodes: [PF.CAS_AVIATION],
    sectorCode: AEROSPACE,
    source: '航空技术研究院快反中心',
  },
  {
    nameZh: '中核北方核应急培训基地',
    nameEn: 'CNNC North Nuclear Emergency Training Base',
    campaignCode: C4,
    targetStage: 'OPERATING',
    organisationCodes: [ORG.CNNC_NORTH],
    source: '中核北方核应急培训基地',
  },
  {
    nameZh: '鲁普耐特产业基地',
    nameEn: 'Lupu Naite Industrial Base',
    campaignCode: C4,
    targetStage: 'OPERATING',
    organisationCodes: [ORG.LUPU_NAITE],
    source: '鲁普耐特产业基地等一批项目投产运营',
  },
  // …实现招生
  {
    nameZh: '中科院大学海洋学院',
    nameEn: 'UCAS College of Marine Science',
    campaignCode: C4,
    targetStage: 'ENROLLING',
    organisationCodes: [ORG.UCAS],
    sectorCode: OCEAN,
    source: '中科院大学海洋学院',
  },
  {
    nameZh: '中国石油大学（华东）新能源研究生院',
    nameEn: 'China University of Petroleum (East China) Graduate School of New Energy',
    campaignCode: C4,
    targetStage: 'ENROLLING',
    organisationCodes: [ORG.UPC],
    sectorCode: NEW_ENERGY,
    source: '中国石油大学（华东）新能源、新材料两个研究生院实现招生',
  },
  {
    nameZh: '中国石油大学（华东）新材料研究生院',
    nameEn: 'China University of Petroleum (East China) Graduate School of New Materials',
    campaignCode: C4,
    targetStage: 'ENROLLING',
    organisationCodes: [ORG.UPC],
    // 新材料 is not the advantage sector 海洋新材料 (new *marine* materials), so no sector.
    source: '中国石油大学（华东）新能源、新材料两个研究生院实现招生',
  },
];

const projectCode = (n: number): string => `${PROGRAMME}-P${String(n).padStart(2, '0')}`;

export const projects: ProjectSeed[] = texts.map((t, i) => {
  const wording = TARGET_WORDING[t.targetStage];
  const targetStage: ProjectStage = t.targetStage;
  return {
    code: projectCode(i + 1),
    programmeCode: PROGRAMME,
    campaignCode: t.campaignCode,
    nameZh: t.nameZh,
    nameEn: t.nameEn,
    summaryZh: t.summaryZh ?? `年内${wording.zh}。`,
    summaryEn: t.summaryEn ?? wording.en,
    clusterCode: t.clusterCode,
    sectorCode: t.sectorCode,
    targetStage,
    targetDate: PERIOD_END,
    stage: stageBefore(targetStage),
    isKeyProject: true,
    inFiveYearPlan: false,
    organisationCodes: t.organisationCodes ?? [],
    platformCodes: t.platformCodes ?? [],
    alsoListedByCodes: t.alsoListedByCodes ?? [],
    alsoListedSource: t.alsoListedSource,
    source: t.source,
  };
});
