// The two clusters of 10-billion-yuan scale (百亿级产业集群) the zone is to grow.
// "百亿级" is read as an annual output of at least 10 billion yuan.
import type { ClusterSeed } from '../types.ts';
import { AEROSPACE, SHIPBUILDING } from './sectors.ts';

export const CLUSTER_SHIPBUILDING = 'CL-SHIPBUILDING';
export const CLUSTER_AEROSPACE = 'CL-AEROSPACE';

export const clusters: ClusterSeed[] = [
  {
    code: CLUSTER_SHIPBUILDING,
    nameZh: '船舶海工产业集群',
    nameEn: 'Shipbuilding and offshore engineering cluster',
    sectorCode: SHIPBUILDING,
    outputTarget: '10000000000',
    focusZh: ['水面水下无人装备'],
    focusEn: ['Surface and underwater unmanned equipment'],
    source: '培育壮大水面水下无人装备为重点的船舶海工',
  },
  {
    code: CLUSTER_AEROSPACE,
    nameZh: '航空航天产业集群',
    nameEn: 'Aerospace cluster',
    sectorCode: AEROSPACE,
    outputTarget: '10000000000',
    focusZh: ['轻型动力发动机', '无人机', '卫星大数据应用'],
    focusEn: ['Light power engines', 'Unmanned aerial vehicles', 'Satellite big-data applications'],
    source: '以轻型动力发动机、无人机、卫星大数据应用为重点的航空航天两大百亿级产业集群',
  },
];
