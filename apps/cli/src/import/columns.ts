// The columns of a project spreadsheet: what `zonegraph import projects`
// reads and `zonegraph export projects` writes, in this order.
import type { ImportProjectRowInput } from '@zonegraph/sdk';
import * as read from './values.ts';
import type { Parsed } from './values.ts';
import type { Cell } from '../files/tables.ts';

type Field = Exclude<keyof ImportProjectRowInput, 'row'>;

export interface Column {
  /** The header as exported, and the input field it fills. */
  key: Field;
  /** The header in Chinese, accepted instead of the key. */
  zh: string;
  required: boolean;
  parse: (cell: Cell) => Parsed<unknown>;
  /** For the README and `--help`. */
  help: string;
}

const column = (key: Field, zh: string, parse: Column['parse'], help: string, required = false): Column => ({ key, zh, required, parse, help });

export const PROJECT_COLUMNS: readonly Column[] = [
  column('code', '项目编号', read.code, 'the project code, e.g. GZK-2020-P01: a project with it is updated, otherwise created', true),
  column('nameZh', '项目名称', read.text, 'name in Chinese', true),
  column('nameEn', '英文名称', read.text, 'name in English', true),
  column('campaign', '攻坚战', read.code, 'the campaign\'s code, e.g. GZK-2020-C4', true),
  column('cluster', '产业集群', read.code, 'the industry cluster\'s code'),
  column('sector', '行业', read.code, 'the sector\'s code'),
  column('park', '园区', read.code, 'the park\'s code'),
  column('organisations', '合作单位', read.codes, 'organisation codes, separated by commas or 、'),
  column('platforms', '平台', read.codes, 'platform codes, separated by commas or 、'),
  column('stage', '当前阶段', read.stage, 'the stage of a new project (default NEGOTIATING); for an existing one, its current stage'),
  column('targetStage', '目标阶段', read.stage, 'the stage due this period'),
  column('targetDate', '目标日期', read.date, 'the day it is due, YYYY-MM-DD'),
  column('plannedInvestment', '计划投资', read.money, 'planned investment in yuan'),
  column('isKeyProject', '重点项目', read.boolean, 'yes / no (是 / 否)'),
  column('inFiveYearPlan', '十四五规划', read.boolean, 'yes / no (是 / 否)'),
  column('visibility', '可见范围', read.visibility, 'PUBLIC, INTERNAL or RESTRICTED'),
  column('investmentVisibility', '投资可见范围', read.visibility, 'PUBLIC, INTERNAL or RESTRICTED'),
  column('summaryZh', '项目简介', read.text, 'what it is, in Chinese'),
  column('summaryEn', '英文简介', read.text, 'what it is, in English'),
];

const normalise = (header: string) => read.halfWidth(header).toLowerCase().replace(/[\s_\-（）()]/g, '');

/**
 * The column a header names: its key or its Chinese name, in any case,
 * optionally with the other in brackets or after a space ("项目编号 (code)").
 */
export function columnForHeader(header: string): Column | undefined {
  const candidates = [header, ...header.split(/[\s/|()（）]+/)].map(normalise).filter((h) => h !== '');
  return PROJECT_COLUMNS.find((c) => candidates.some((h) => h === normalise(c.key) || h === normalise(c.zh)));
}
