// The six campaigns (六大攻坚战) in the order of the text, their key tasks and
// their numeric targets.
//
// The text announces 19 key tasks but never lists them. The key tasks here are
// the distinct commitments each campaign's paragraph makes, one per deliverable
// (split at its sentences and semicolons, with an aim such as 打造…窗口 kept in
// the campaign's summary instead). That reading gives 19, but the text does not
// itself say that these are its 19.
import { KEY_TASK_STATUS } from '../rules.ts';
import type { CampaignSeed, IndicatorSeed, KeyTaskSeed } from '../types.ts';
import { PROGRAMME } from './programme.ts';

export const C1 = 'GZK-2020-C1';
export const C2 = 'GZK-2020-C2';
export const C3 = 'GZK-2020-C3';
export const C4 = 'GZK-2020-C4';
export const C5 = 'GZK-2020-C5';
export const C6 = 'GZK-2020-C6';

type CampaignText = Omit<CampaignSeed, 'programmeCode' | 'position' | 'source'>;

const campaignTexts: CampaignText[] = [
  {
    code: C1,
    nameZh: '示范任务推进攻坚战',
    nameEn: 'Demonstration Tasks Campaign',
    summaryZh: '打造国家战略“试验田”、培训基地和青岛融合发展成果展示窗口',
    summaryEn: "Make the zone a proving ground for national strategy, a training base and the showcase of Qingdao's integrated development.",
  },
  {
    code: C2,
    nameZh: '“六大中心”提升攻坚战',
    nameEn: 'Six Service Centres Upgrade Campaign',
    summaryZh: '全面提升拓展“六大中心”保障能力，形成15分钟靠前保障圈',
    summaryEn: 'Raise and extend the support capacity of the six service centres until they form a 15-minute forward support circle.',
  },
  {
    code: C3,
    nameZh: '科技协同创新攻坚战',
    nameEn: 'Science and Technology Collaborative Innovation Campaign',
    summaryZh: '坚持科教产融合发展，加强军政企、产学研协作',
    summaryEn:
      'Integrate science, education and industry, and strengthen cooperation between the military, government and enterprises and between industry, universities and research institutes.',
  },
  {
    code: C4,
    nameZh: '产业项目发展攻坚战',
    nameEn: 'Industrial Projects Development Campaign',
    summaryZh: '开创项目加速集聚、创新活力迸发的新局面',
    summaryEn: 'Open a new phase in which projects gather faster and innovation thrives.',
  },
  {
    code: C5,
    nameZh: '制度壁垒突破攻坚战',
    nameEn: 'Institutional Barriers Breakthrough Campaign',
    summaryZh: '以破解体制性障碍、结构性矛盾和政策性问题为主攻方向',
    summaryEn: 'Attack institutional obstacles, structural contradictions and policy problems first.',
  },
  {
    code: C6,
    nameZh: '资源力量聚合攻坚战',
    nameEn: 'Resources and Forces Consolidation Campaign',
    summaryZh: '构建靠前综合保障体系',
    summaryEn: 'Build a forward, comprehensive support system.',
  },
];

export const campaigns: CampaignSeed[] = campaignTexts.map((c, i) => ({
  ...c,
  programmeCode: PROGRAMME,
  position: i + 1,
  source: c.nameZh,
}));

type KeyTaskText = Pick<KeyTaskSeed, 'nameZh' | 'nameEn'> & { source?: string };

const keyTaskTexts: Record<string, KeyTaskText[]> = {
  [C1]: [
    {
      nameZh: '建成深远海人因工程实验室等3大支撑平台',
      nameEn: 'Complete three support platforms, among them the Deep and Far Sea Human Factors Engineering Laboratory',
    },
    {
      nameZh: '健全技术装备保障联盟、一体化科研创新等9项运行机制',
      nameEn: 'Put on a sound footing nine operating mechanisms, among them the technical equipment support alliance and integrated research and innovation',
    },
    {
      nameZh: '完成军地医院、海军中学等10大重点工程项目',
      nameEn: 'Complete ten key engineering projects, among them the Military–Civilian Hospital and the Navy Middle School',
    },
    {
      nameZh: '在社会化保障等领域探索形成一批可复制可推广的经验做法',
      nameEn: 'Work out practices that can be copied and spread, in socialised support and other fields',
    },
  ],
  [C2]: [
    {
      nameZh: '突破体制机制壁垒，完善需求牵引、专业化运营、市场化运作机制',
      nameEn: 'Break through institutional barriers; improve demand-led, professionally run and market-based operating mechanisms',
    },
    {
      nameZh: '全面提升拓展“六大中心”保障能力，形成15分钟靠前保障圈',
      nameEn: 'Raise and extend the support capacity of the six service centres to form a 15-minute forward support circle',
    },
  ],
  [C3]: [
    {
      nameZh: '加快推进八大协同创新平台建设',
      nameEn: 'Speed up the building of eight collaborative innovation platforms',
      source: '加快推进中科院海洋大科学研究中心',
    },
    {
      nameZh: '推动军地科技成果双向转化，拓展采购信息网青岛分中心、山东省军民两用技术交易中心等平台功能',
      nameEn:
        'Move research results both ways between military and civilian use; extend the functions of platforms such as the Qingdao sub-centre of the procurement information network and the Shandong Dual-Use Technology Exchange Centre',
    },
    { nameZh: '引建专业服务机构20家', nameEn: 'Bring in 20 professional service agencies' },
  ],
  [C4]: [
    {
      nameZh: '聚焦“中科系”“军工系”“高校系”，加速集聚一批引领性、标志性重点项目',
      nameEn: 'Focusing on the CAS, defence-industry and university families, gather leading, landmark key projects faster',
    },
    {
      nameZh: '培育壮大船舶海工和航空航天两大百亿级产业集群',
      nameEn: 'Grow two industry clusters of 10-billion-yuan scale: shipbuilding and offshore engineering, and aerospace',
      source: '两大百亿级产业集群',
    },
    {
      nameZh: '完成区域内固定资产投资195亿元，增长20%以上',
      nameEn: 'Complete fixed-asset investment of 19.5 billion yuan in the zone, growth above 20 %',
    },
  ],
  [C5]: [
    {
      nameZh: '打通军地沟通对接渠道，推动解决10项制约发展的突出矛盾和问题',
      nameEn: 'Open channels between the military and local government; resolve 10 obstacles that hold development back',
    },
    {
      nameZh: '启用社会化保障中心食品智慧采购监管平台，推进副食品集中筹措改革试点',
      nameEn:
        "Put into use the Socialised Support Centre's smart food procurement supervision platform; advance the pilot reform of centralised sourcing of non-staple food",
    },
    {
      nameZh: '统筹整合海洋信息资源，提升山东海上应急动员指挥平台使用效能',
      nameEn: 'Pool marine information resources; make better use of the Shandong Maritime Emergency Mobilisation Command Platform',
    },
  ],
  [C6]: [
    {
      nameZh: '启动综合保障规划编制，推动重大保障项目共建，构建靠前综合保障体系',
      nameEn: 'Start drafting the comprehensive support plan, build major support projects jointly and form a forward, comprehensive support system',
    },
    {
      nameZh: '加强与国家部委和省市有关部门的沟通对接，争取重大示范项目向古镇口核心区布局',
      nameEn: 'Work more closely with national ministries and provincial and city departments to bring major demonstration projects to the Guzhenkou core area',
    },
    {
      nameZh: '梳理上报64个重点项目，争取列入国家、省、市“十四五”规划',
      nameEn: 'Sort out and submit 64 key projects for the national, provincial and city 14th Five-Year Plans',
    },
    {
      nameZh: '完善提升海军公园，创建国家国防教育示范基地',
      nameEn: 'Improve the Navy Park and make it a national defence education demonstration base',
    },
  ],
};

export const keyTaskCode = (campaignCode: string, position: number): string => `${campaignCode}-KT${position}`;

export const keyTasks: KeyTaskSeed[] = campaigns.flatMap((c) =>
  (keyTaskTexts[c.code] ?? []).map((t, i) => ({
    code: keyTaskCode(c.code, i + 1),
    campaignCode: c.code,
    position: i + 1,
    nameZh: t.nameZh,
    nameEn: t.nameEn,
    status: KEY_TASK_STATUS,
    source: t.source ?? t.nameZh,
  })),
);

const indicator = (
  campaignCode: string,
  keyTask: number,
  slug: string,
  fields: Omit<IndicatorSeed, 'code' | 'programmeCode' | 'campaignCode' | 'keyTaskCode' | 'targetDirection'> &
    Partial<Pick<IndicatorSeed, 'targetDirection'>>,
): IndicatorSeed => ({
  code: `${campaignCode}-${slug}`,
  programmeCode: PROGRAMME,
  campaignCode,
  keyTaskCode: keyTaskCode(campaignCode, keyTask),
  targetDirection: 'AT_LEAST',
  ...fields,
});

/** Each tied to the key task whose words state it. */
export const campaignIndicators: IndicatorSeed[] = [
  indicator(C1, 1, 'SUPPORT-PLATFORMS', {
    nameZh: '支撑平台',
    nameEn: 'Support platforms',
    unitZh: '个',
    unitEn: 'platforms',
    target: '3',
    source: '3大支撑平台',
  }),
  indicator(C1, 2, 'MECHANISMS', {
    nameZh: '运行机制',
    nameEn: 'Operating mechanisms',
    unitZh: '项',
    unitEn: 'mechanisms',
    target: '9',
    source: '9项运行机制',
  }),
  indicator(C1, 3, 'ENGINEERING-PROJECTS', {
    nameZh: '重点工程项目',
    nameEn: 'Key engineering projects',
    unitZh: '个',
    unitEn: 'projects',
    target: '10',
    source: '10大重点工程项目',
  }),
  // A radius to stay within, not a count to reach.
  indicator(C2, 2, 'SUPPORT-CIRCLE', {
    targetDirection: 'AT_MOST',
    nameZh: '靠前保障圈',
    nameEn: 'Forward support circle',
    unitZh: '分钟',
    unitEn: 'minutes',
    target: '15',
    source: '形成15分钟靠前保障圈',
  }),
  indicator(C3, 1, 'INNOVATION-PLATFORMS', {
    nameZh: '协同创新平台',
    nameEn: 'Collaborative innovation platforms',
    unitZh: '个',
    unitEn: 'platforms',
    target: '8',
    source: '八大协同创新平台',
  }),
  indicator(C3, 3, 'SERVICE-AGENCIES', {
    nameZh: '引建专业服务机构',
    nameEn: 'Professional service agencies brought in',
    unitZh: '家',
    unitEn: 'agencies',
    target: '20',
    source: '引建专业服务机构20家',
  }),
  indicator(C5, 1, 'OBSTACLES', {
    nameZh: '解决制约发展的突出矛盾和问题',
    nameEn: 'Obstacles resolved',
    unitZh: '项',
    unitEn: 'obstacles',
    target: '10',
    source: '推动解决10项制约发展的突出矛盾和问题',
  }),
  indicator(C6, 3, 'FYP-PROJECTS', {
    nameZh: '上报“十四五”规划重点项目',
    nameEn: 'Key projects submitted for the 14th Five-Year Plan',
    unitZh: '个',
    unitEn: 'projects',
    target: '64',
    source: '梳理上报64个重点项目',
  }),
];
