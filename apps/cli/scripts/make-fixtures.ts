// Writes test/fixtures/seed-projects.{xlsx,csv}: the seed's projects as a
// spreadsheet in the columns `zonegraph import projects` reads. Run again
// after the seed's projects change: pnpm --filter @zonegraph/cli fixtures
import { writeFile } from 'node:fs/promises';
import { seedData } from '../../../packages/db/src/seed/data/index.ts';
import { toCsv, toXlsx, type Cell } from '../src/files/tables.ts';

const header = [
  'code', 'nameZh', 'nameEn', 'campaign', 'cluster', 'sector', 'park', 'organisations', 'platforms',
  'stage', 'targetStage', 'targetDate', 'plannedInvestment', 'isKeyProject', 'inFiveYearPlan', 'summaryZh', 'summaryEn',
];

/** The xlsx as staff keep it (date cells, true/false cells); the csv as text (是 / 否). */
function rows(format: 'xlsx' | 'csv'): Cell[][] {
  const yesNo = (value: boolean) => (format === 'xlsx' ? value : value ? '是' : '否');
  return seedData.projects.map((p) => [
    p.code,
    p.nameZh,
    p.nameEn,
    p.campaignCode,
    p.clusterCode ?? null,
    p.sectorCode ?? null,
    p.parkCode ?? null,
    p.organisationCodes.join(', ') || null,
    p.platformCodes.join(', ') || null,
    p.stage,
    p.targetStage,
    format === 'xlsx' ? new Date(`${p.targetDate}T00:00:00Z`) : p.targetDate,
    null,
    yesNo(p.isKeyProject),
    yesNo(p.inFiveYearPlan),
    p.summaryZh,
    p.summaryEn,
  ]);
}

const dir = new URL('../test/fixtures/', import.meta.url);
await writeFile(new URL('seed-projects.xlsx', dir), await toXlsx('projects', header, rows('xlsx')));
await writeFile(new URL('seed-projects.csv', dir), toCsv(header, rows('csv')));
console.log(`wrote ${seedData.projects.length} projects to test/fixtures/seed-projects.xlsx and .csv`);
