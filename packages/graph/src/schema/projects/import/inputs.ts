// What importProjects takes: rows as a spreadsheet holds them, and the zod
// rules each field of a row is checked by.
import { ProjectStage } from '@zonegraph/db';
import { z } from 'zod';
import { builder } from '../../../builder.ts';
import { VisibilityRef } from '../../common/enums.ts';
import { rules } from '../../common/inputs.ts';
import { projectFields } from '../fields.ts';
import { ProjectStageRef } from '../stage.ts';
import { MAX_IMPORT_ROWS } from './results.ts';

const ImportProjectRowInput = builder.inputType('ImportProjectRowInput', {
  description:
    'One project as a spreadsheet row holds it. A field left out leaves an existing project\'s value as it is; null clears an optional one. Related records are named by their codes.',
  fields: (t) => ({
    row: t.int({ description: 'Its number in the source (e.g. the spreadsheet row), echoed in results and issues; default its position from 1.' }),
    code: t.string({ required: true, description: 'The project\'s code: an existing project with it is updated, otherwise one is created.' }),
    nameZh: t.string({ required: true, description: 'Name in Chinese.' }),
    nameEn: t.string({ required: true, description: 'Name in English.' }),
    summaryZh: t.string({ description: 'What it is, in Chinese.' }),
    summaryEn: t.string({ description: 'What it is, in English.' }),
    campaign: t.string({ required: true, description: 'The campaign\'s code.' }),
    cluster: t.string({ description: 'The industry cluster\'s code.' }),
    sector: t.string({ description: 'The sector\'s code.' }),
    park: t.string({ description: 'The park\'s code.' }),
    organisations: t.stringList({ description: 'Codes of all the organisations behind it.' }),
    platforms: t.stringList({ description: 'Codes of all the platforms it belongs to.' }),
    stage: t.field({
      type: ProjectStageRef,
      description: 'Its stage: sets a new project\'s stage (default NEGOTIATING); for an existing one it must be its current stage, since moves are dated events (recordProjectStageChange).',
    }),
    targetStage: t.field({ type: ProjectStageRef, description: 'The stage it must reach this period.' }),
    targetDate: t.field({ type: 'Date', description: 'When it must reach the target stage.' }),
    plannedInvestment: t.field({ type: 'Decimal', description: 'Planned fixed-asset investment in yuan, e.g. "350000000".' }),
    isKeyProject: t.boolean({ description: 'One of the key projects (default true for a new project).' }),
    inFiveYearPlan: t.boolean({ description: 'Submitted for the 14th Five-Year Plan (default false for a new project).' }),
    visibility: t.field({ type: VisibilityRef, description: 'Who may see it (default PUBLIC for a new project).' }),
    investmentVisibility: t.field({ type: VisibilityRef, description: 'Who may see its investment figures (default INTERNAL for a new project).' }),
  }),
});

export const ImportProjectsInput = builder.inputType('ImportProjectsInput', {
  description: `Projects to create or update by code, all or none: at most ${MAX_IMPORT_ROWS} rows a call.`,
  fields: (t) => ({
    rows: t.field({ type: [ImportProjectRowInput], required: true, description: `The rows, at most ${MAX_IMPORT_ROWS}; each code once.` }),
    dryRun: t.boolean({ defaultValue: false, description: 'Check every row and report what would happen, writing nothing.' }),
    programme: t.string({ description: 'The programme new projects join; default the one whose period started last. Existing projects keep theirs.' }),
  }),
});

export const rowSchema = z.object({
  code: rules.code,
  stage: z.enum(ProjectStage).nullish(),
  ...projectFields,
  // Codes typed into a spreadsheet: surrounding spaces are not part of them.
  campaign: projectFields.campaign.trim().min(1, 'must not be empty'),
  cluster: z.string().trim().nullish(),
  sector: z.string().trim().nullish(),
  park: z.string().trim().nullish(),
});
export type Row = z.infer<typeof rowSchema> & { row: number };
