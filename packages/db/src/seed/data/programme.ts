// The zone, its programme for the year, the work cadence and the programme-wide
// targets, from "打响六大攻坚战，勇当发展排头兵".
import { PERIOD_END, PERIOD_START } from '../rules.ts';
import type { CadenceRuleSeed, IndicatorSeed, ProgrammeSeed, ZoneSeed } from '../types.ts';
import { OFFICIAL } from './officials.ts';

export const ZONE = 'GZK';
export const PROGRAMME = 'GZK-2020';

/**
 * The fourth campaign's key task 完成区域内固定资产投资195亿元，增长20%以上, written
 * out rather than imported: campaigns.ts imports this module.
 */
const C4_KT_INVESTMENT = 'GZK-2020-C4-KT3';

export const zones: ZoneSeed[] = [
  {
    code: ZONE,
    nameZh: '古镇口融合区',
    nameEn: 'Guzhenkou Integration Zone',
    // The page is from the West Coast New Area's paper; the zone is its "一核".
    parentZh: '青岛西海岸新区',
    parentEn: 'Qingdao West Coast New Area',
    roleZh: '国家示范区的核心区',
    roleEn: 'The core area of the national demonstration zone',
    source: '古镇口融合区是国家示范区的核心区',
  },
];

export const programmes: ProgrammeSeed[] = [
  {
    code: PROGRAMME,
    zoneCode: ZONE,
    nameZh: '古镇口融合区“六大攻坚战”（2020年）',
    nameEn: 'Guzhenkou Integration Zone: the Six Campaigns (2020)',
    summaryZh:
      '打响“六大攻坚战”，突破19项重点工作，抓好75个重点项目，形成每天有项目洽谈、每周有签约入驻、每月有开工建设、每季有竣工投产，热火朝天、大干快上的发展局面，勇当融合发展排头兵，发挥“一核引领”作用。',
    summaryEn:
      'Fight the six campaigns, break through on 19 key tasks and deliver 75 key projects, so that there are project talks every day, a signing every week, a construction start every month and a completion or start of operation every quarter; be the vanguard of integrated development and let the core area lead.',
    // The text is undated; see PROGRAMME_YEAR in rules.ts for why it is 2020.
    periodStart: PERIOD_START,
    periodEnd: PERIOD_END,
    timeZone: 'Asia/Shanghai',
    investmentTarget: '19500000000',
    investmentGrowthTarget: '20',
    sourceTitleZh: '打响六大攻坚战，勇当发展排头兵',
    sourceTitleEn: 'Fight the six campaigns, be the vanguard of development',
    basisZh: '工委（区委）一届七次全体会议精神和孙永红同志讲话精神',
    basisEn:
      'The spirit of the 7th plenary session of the first Working Committee (District Committee) and of Comrade Sun Yonghong\'s speech there',
    basisSource: '我们要坚决贯彻落实全委会精神和孙永红同志讲话精神',
    responsibleOfficialCode: OFFICIAL.LIU_WEI,
    // The page prints the zone's committee secretary as the author of this piece.
    responsibleSource: '古镇口融合区工委书记刘玮',
    source: '打响“六大攻坚战”，突破19项重点工作，抓好75个重点项目',
  },
];

export const cadenceRules: CadenceRuleSeed[] = [
  { programmeCode: PROGRAMME, activity: 'ENGAGEMENT', period: 'DAY', minCount: 1, textZh: '每天有项目洽谈', textEn: 'Project talks every day' },
  { programmeCode: PROGRAMME, activity: 'SIGNING', period: 'WEEK', minCount: 1, textZh: '每周有签约入驻', textEn: 'A signing every week' },
  { programmeCode: PROGRAMME, activity: 'CONSTRUCTION_START', period: 'MONTH', minCount: 1, textZh: '每月有开工建设', textEn: 'A construction start every month' },
  {
    programmeCode: PROGRAMME,
    activity: 'COMPLETION',
    period: 'QUARTER',
    minCount: 1,
    textZh: '每季有竣工投产',
    textEn: 'A completion or start of operation every quarter',
  },
];

/**
 * Targets for the programme as a whole. The investment figures stand in the
 * fourth campaign's paragraph but are for the whole zone (区域内), so they carry
 * no campaign; the 64 projects for the Five-Year Plan are in campaigns.ts.
 */
export const programmeIndicators: IndicatorSeed[] = [
  {
    code: 'GZK-2020-CAMPAIGNS',
    programmeCode: PROGRAMME,
    nameZh: '攻坚战',
    nameEn: 'Campaigns',
    unitZh: '个',
    unitEn: 'campaigns',
    target: '6',
    targetDirection: 'AT_LEAST',
    source: '打响“六大攻坚战”',
  },
  {
    code: 'GZK-2020-KEY-TASKS',
    programmeCode: PROGRAMME,
    nameZh: '重点工作',
    nameEn: 'Key tasks',
    unitZh: '项',
    unitEn: 'key tasks',
    target: '19',
    targetDirection: 'AT_LEAST',
    source: '突破19项重点工作',
  },
  {
    code: 'GZK-2020-KEY-PROJECTS',
    programmeCode: PROGRAMME,
    nameZh: '重点项目',
    nameEn: 'Key projects',
    unitZh: '个',
    unitEn: 'key projects',
    target: '75',
    targetDirection: 'AT_LEAST',
    source: '抓好75个重点项目',
  },
  {
    code: 'GZK-2020-FAI',
    programmeCode: PROGRAMME,
    nameZh: '区域内固定资产投资',
    nameEn: 'Fixed-asset investment in the zone',
    unitZh: '元',
    unitEn: 'yuan',
    target: '19500000000',
    targetDirection: 'AT_LEAST',
    // Stated as campaign 4's key task, which it measures; the figure is the whole zone's, so no campaign.
    keyTaskCode: C4_KT_INVESTMENT,
    source: '完成区域内固定资产投资195亿元',
  },
  {
    code: 'GZK-2020-FAI-GROWTH',
    programmeCode: PROGRAMME,
    nameZh: '固定资产投资增长',
    nameEn: 'Growth of fixed-asset investment',
    unitZh: '%',
    unitEn: 'percent',
    target: '20',
    targetDirection: 'AT_LEAST',
    keyTaskCode: C4_KT_INVESTMENT,
    source: '增长20%以上',
  },
];
