// The officials the page names with their posts. The text ties the zone's
// committee secretary to the programme (his byline over it) and the head of the
// inspection office to that office; the New Area's secretary gave the speech the
// programme implements (see the programme's basis). Only the posts the text
// prints are recorded.
import type { OfficialSeed } from '../types.ts';
import { ORG } from './organisations.ts';

export const OFFICIAL = {
  SUN_YONGHONG: 'OFF-SUN-YONGHONG',
  LIU_WEI: 'OFF-LIU-WEI',
  CHEN_TIANHONG: 'OFF-CHEN-TIANHONG',
} as const;

export const officials: OfficialSeed[] = [
  {
    code: OFFICIAL.SUN_YONGHONG,
    nameZh: '孙永红',
    nameEn: 'Sun Yonghong',
    postZh: '市委常委，西海岸新区工委书记、区委书记',
    postEn:
      'Member of the Standing Committee of the Qingdao Municipal Party Committee; Secretary of the West Coast New Area Working Committee and District Committee',
    organisationCode: ORG.WCNA_COMMITTEE,
    source: '市委常委，西海岸新区工委书记、区委书记孙永红同志',
  },
  {
    code: OFFICIAL.LIU_WEI,
    nameZh: '刘玮',
    nameEn: 'Liu Wei',
    postZh: '古镇口融合区工委书记',
    postEn: 'Secretary of the Guzhenkou Integration Zone Working Committee',
    organisationCode: ORG.GZK_COMMITTEE,
    source: '古镇口融合区工委书记刘玮',
  },
  {
    code: OFFICIAL.CHEN_TIANHONG,
    nameZh: '陈天虹',
    nameEn: 'Chen Tianhong',
    postZh: '工委巡察办主任',
    postEn: 'Director of the Working Committee Inspection Office',
    organisationCode: ORG.INSPECTION_OFFICE,
    source: '工委巡察办主任陈天虹',
  },
];
