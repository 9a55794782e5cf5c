// Every institution the text names behind a project or platform, and the two
// bodies behind the page itself. Origin groups follow investment promotion's
// three families (中科系 / 军工系 / 高校系); everyone else is OTHER.
//
// Where the text gives only a short or brand name whose legal entity is not
// certain, nameZh keeps the text's words rather than guess a full name.
//
// A parent is set only where the text places a body under another seeded one:
// CAS's university and aviation institute (中科院…), and the inspection office
// under the West Coast New Area's 工委（区委）. The groups behind 中电科14所 and
// 中核北方 appear only inside their units' names, behind no project or platform of
// their own, so they are not seeded and those two have no parent; nor does the
// zone's committee, whose standing the text does not state.
import type { OrganisationSeed } from '../types.ts';

export const ORG = {
  CAS: 'ORG-CAS',
  UCAS: 'ORG-CAS-UCAS',
  CAS_AVIATION: 'ORG-CAS-AVIATION',
  CETC14: 'ORG-CETC14',
  CNNC_NORTH: 'ORG-CNNC-NORTH',
  HEU: 'ORG-HEU',
  SDU: 'ORG-SDU',
  UPC: 'ORG-UPC',
  TUS: 'ORG-TUS',
  QIHOO360: 'ORG-360',
  ERUI: 'ORG-ERUI',
  COSCO: 'ORG-COSCO',
  HENGHUA: 'ORG-HENGHUA',
  HUATAI_SENMIAO: 'ORG-HUATAI-SENMIAO',
  HARWAR: 'ORG-HARWAR',
  CYBERNAUT: 'ORG-CYBERNAUT',
  TIANHANG_FENGQI: 'ORG-TIANHANG-FENGQI',
  LUPU_NAITE: 'ORG-LUPU-NAITE',
  GZK_COMMITTEE: 'ORG-GZK-COMMITTEE',
  WCNA_COMMITTEE: 'ORG-WCNA-COMMITTEE',
  INSPECTION_OFFICE: 'ORG-INSPECTION-OFFICE',
} as const;

export const organisations: OrganisationSeed[] = [
  // 中科系
  {
    code: ORG.CAS,
    nameZh: '中国科学院',
    nameEn: 'Chinese Academy of Sciences',
    type: 'RESEARCH_INSTITUTE',
    originGroup: 'CAS',
    source: '中科院海洋大科学研究中心',
  },
  {
    code: ORG.UCAS,
    nameZh: '中国科学院大学',
    nameEn: 'University of Chinese Academy of Sciences',
    type: 'UNIVERSITY',
    // A university, but CAS's own: investment promotion counts it as 中科系.
    originGroup: 'CAS',
    source: '中科院大学海洋学院',
    parentCode: ORG.CAS,
    parentSource: '中科院大学海洋学院',
  },
  {
    code: ORG.CAS_AVIATION,
    nameZh: '中科院青岛航空技术研究院',
    nameEn: 'CAS Qingdao Aviation Technology Research Institute',
    type: 'RESEARCH_INSTITUTE',
    originGroup: 'CAS',
    source: '中科院青岛航空技术研究院',
    parentCode: ORG.CAS,
    parentSource: '中科院青岛航空技术研究院',
  },
  // 军工系
  {
    code: ORG.CETC14,
    nameZh: '中国电子科技集团公司第十四研究所',
    nameEn: 'CETC 14th Research Institute',
    type: 'RESEARCH_INSTITUTE',
    // The radar institute of China Electronics Technology Group, a defence-industry group.
    originGroup: 'DEFENCE_INDUSTRY',
    source: '中电科14所',
  },
  {
    code: ORG.CNNC_NORTH,
    nameZh: '中核北方',
    nameEn: 'CNNC North',
    type: 'ENTERPRISE',
    // A subsidiary of China National Nuclear Corporation, a defence-industry group.
    originGroup: 'DEFENCE_INDUSTRY',
    source: '中核北方核应急培训基地',
  },
  // 高校系
  {
    code: ORG.HEU,
    nameZh: '哈尔滨工程大学',
    nameEn: 'Harbin Engineering University',
    type: 'UNIVERSITY',
    originGroup: 'UNIVERSITY',
    source: '哈工程青岛船舶科技园',
  },
  {
    code: ORG.SDU,
    nameZh: '山东大学',
    nameEn: 'Shandong University',
    type: 'UNIVERSITY',
    originGroup: 'UNIVERSITY',
    source: '山东大学研究院',
  },
  {
    code: ORG.UPC,
    nameZh: '中国石油大学（华东）',
    nameEn: 'China University of Petroleum (East China)',
    type: 'UNIVERSITY',
    originGroup: 'UNIVERSITY',
    source: '中国石油大学（华东）新能源、新材料两个研究生院',
  },
  {
    code: ORG.TUS,
    nameZh: '启迪控股',
    nameEn: 'Tus-Holdings',
    type: 'ENTERPRISE',
    // Tsinghua University's science-park company: a university-family partner.
    originGroup: 'UNIVERSITY',
    source: '启迪集群创新中心',
  },
  // Others
  {
    code: ORG.QIHOO360,
    nameZh: '360集团',
    nameEn: '360 Group',
    type: 'ENTERPRISE',
    originGroup: 'OTHER',
    source: '360网信融合创新基地',
  },
  {
    code: ORG.ERUI,
    nameZh: '易瑞国际',
    nameEn: 'ERUI International',
    type: 'ENTERPRISE',
    originGroup: 'OTHER',
    source: '易瑞国际跨境电商平台',
  },
  {
    code: ORG.COSCO,
    nameZh: '中远集团',
    nameEn: 'COSCO Group',
    type: 'ENTERPRISE',
    // A state shipping group, not one of the defence-industry groups.
    originGroup: 'OTHER',
    source: '中远集团青岛创新基地',
  },
  {
    code: ORG.HENGHUA,
    nameZh: '恒华',
    nameEn: 'Henghua',
    type: 'ENTERPRISE',
    originGroup: 'OTHER',
    source: '恒华数字产业',
  },
  {
    code: ORG.HUATAI_SENMIAO,
    nameZh: '华泰森淼',
    nameEn: 'Huatai Senmiao',
    type: 'ENTERPRISE',
    originGroup: 'OTHER',
    source: '华泰森淼哈瓦无人机',
  },
  {
    code: ORG.HARWAR,
    nameZh: '哈瓦',
    nameEn: 'Harwar',
    type: 'ENTERPRISE',
    // The drone maker whose brand the project carries.
    originGroup: 'OTHER',
    source: '华泰森淼哈瓦无人机',
  },
  {
    code: ORG.CYBERNAUT,
    nameZh: '赛伯乐投资集团',
    nameEn: 'Cybernaut Investment Group',
    type: 'ENTERPRISE',
    originGroup: 'OTHER',
    source: '赛伯乐5G工业互联网创新中心',
  },
  {
    code: ORG.TIANHANG_FENGQI,
    nameZh: '天航凤岐',
    nameEn: 'Tianhang Fengqi',
    // The text gives the name only; what kind of body it is is not known.
    type: 'OTHER',
    originGroup: 'OTHER',
    source: '天航凤岐协同创新基地',
  },
  {
    code: ORG.LUPU_NAITE,
    nameZh: '鲁普耐特',
    nameEn: 'Lupu Naite',
    type: 'ENTERPRISE',
    originGroup: 'OTHER',
    source: '鲁普耐特产业基地',
  },
  // The bodies behind the page.
  {
    code: ORG.GZK_COMMITTEE,
    nameZh: '古镇口融合区工委',
    nameEn: 'Guzhenkou Integration Zone Working Committee',
    type: 'GOVERNMENT_UNIT',
    originGroup: 'OTHER',
    source: '古镇口融合区工委书记',
  },
  {
    // The 工委（区委） whose plenary session both pieces answer: the West Coast New
    // Area's, whose secretary is 孙永红.
    code: ORG.WCNA_COMMITTEE,
    nameZh: '西海岸新区工委',
    nameEn: 'West Coast New Area Working Committee',
    type: 'GOVERNMENT_UNIT',
    originGroup: 'OTHER',
    source: '西海岸新区工委书记、区委书记孙永红同志',
  },
  {
    code: ORG.INSPECTION_OFFICE,
    nameZh: '工委巡察办',
    nameEn: 'Working Committee Inspection Office',
    type: 'GOVERNMENT_UNIT',
    originGroup: 'OTHER',
    source: '工委巡察办主任',
    // Its article speaks of the whole New Area (我区有十二大攻坚战), not the zone: its
    // 工委 is the New Area's, not the zone's own committee.
    parentCode: ORG.WCNA_COMMITTEE,
    parentSource: '巡察机构将在工委（区委）的坚强领导下',
  },
];
