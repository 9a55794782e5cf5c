// 四大优势领域 and 六大新兴领域, in the order of the text.
import type { SectorSeed } from '../types.ts';

const ADVANTAGE_SOURCE = '瞄准船舶海工、航空航天、电子信息、海洋新材料产业四大优势领域';
const EMERGING_SOURCE = '海洋、太空、网络空间、生物、新能源、人工智能等六大新兴领域';

export const SHIPBUILDING = 'SEC-SHIPBUILDING';
export const AEROSPACE = 'SEC-AEROSPACE';
export const OCEAN = 'SEC-OCEAN';
export const NEW_ENERGY = 'SEC-NEW-ENERGY';

export const sectors: SectorSeed[] = [
  { code: SHIPBUILDING, kind: 'ADVANTAGE', nameZh: '船舶海工', nameEn: 'Shipbuilding and offshore engineering', source: ADVANTAGE_SOURCE },
  { code: AEROSPACE, kind: 'ADVANTAGE', nameZh: '航空航天', nameEn: 'Aerospace', source: ADVANTAGE_SOURCE },
  { code: 'SEC-ELECTRONIC-INFO', kind: 'ADVANTAGE', nameZh: '电子信息', nameEn: 'Electronic information', source: ADVANTAGE_SOURCE },
  { code: 'SEC-MARINE-MATERIALS', kind: 'ADVANTAGE', nameZh: '海洋新材料', nameEn: 'New marine materials', source: ADVANTAGE_SOURCE },
  { code: OCEAN, kind: 'EMERGING', nameZh: '海洋', nameEn: 'Ocean', source: EMERGING_SOURCE },
  { code: 'SEC-SPACE', kind: 'EMERGING', nameZh: '太空', nameEn: 'Outer space', source: EMERGING_SOURCE },
  { code: 'SEC-CYBERSPACE', kind: 'EMERGING', nameZh: '网络空间', nameEn: 'Cyberspace', source: EMERGING_SOURCE },
  { code: 'SEC-BIO', kind: 'EMERGING', nameZh: '生物', nameEn: 'Biotechnology', source: EMERGING_SOURCE },
  { code: NEW_ENERGY, kind: 'EMERGING', nameZh: '新能源', nameEn: 'New energy', source: EMERGING_SOURCE },
  { code: 'SEC-AI', kind: 'EMERGING', nameZh: '人工智能', nameEn: 'Artificial intelligence', source: EMERGING_SOURCE },
];
