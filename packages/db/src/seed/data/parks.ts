// The science and education innovation area and the four themed project parks
// the fourth campaign builds on (依托…). The text places no project in any of them.
import type { ParkSeed } from '../types.ts';

const PARKS_SOURCE = '海洋科技创新、高端装备制造、航空航天、舰船保障四个特色项目园';

export const parks: ParkSeed[] = [
  {
    code: 'PARK-SCI-EDU',
    kind: 'INNOVATION_AREA',
    nameZh: '古镇口科教创新区',
    nameEn: 'Guzhenkou Science and Education Innovation Area',
    source: '依托古镇口科教创新区',
  },
  {
    code: 'PARK-MARINE-TECH',
    kind: 'THEMED_PROJECT_PARK',
    nameZh: '海洋科技创新特色项目园',
    nameEn: 'Marine Science and Technology Innovation Themed Project Park',
    source: PARKS_SOURCE,
  },
  {
    code: 'PARK-HIGH-END-EQUIPMENT',
    kind: 'THEMED_PROJECT_PARK',
    nameZh: '高端装备制造特色项目园',
    nameEn: 'High-End Equipment Manufacturing Themed Project Park',
    source: PARKS_SOURCE,
  },
  {
    code: 'PARK-AEROSPACE',
    kind: 'THEMED_PROJECT_PARK',
    nameZh: '航空航天特色项目园',
    nameEn: 'Aerospace Themed Project Park',
    source: PARKS_SOURCE,
  },
  {
    code: 'PARK-NAVAL-SUPPORT',
    kind: 'THEMED_PROJECT_PARK',
    nameZh: '舰船保障特色项目园',
    nameEn: 'Naval Vessel Support Themed Project Park',
    source: PARKS_SOURCE,
  },
];
