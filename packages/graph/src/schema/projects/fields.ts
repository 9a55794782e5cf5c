import { ProjectStage, Visibility } from '@zonegraph/db';
import { z } from 'zod';
import { rules } from '../common/inputs.ts';

/** The rules of a project's own fields, for every input that sets them (create, update, import). */
export const projectFields = {
  nameZh: rules.nameZh,
  nameEn: rules.nameEn,
  summaryZh: rules.text.nullish(),
  summaryEn: rules.text.nullish(),
  campaign: z.string(),
  cluster: z.string().nullish(),
  sector: z.string().nullish(),
  park: z.string().nullish(),
  organisations: rules.codes.nullish(),
  platforms: rules.codes.nullish(),
  targetStage: z.enum(ProjectStage).nullish(),
  targetDate: rules.day.nullish(),
  plannedInvestment: rules.money.nullish(),
  isKeyProject: z.boolean().nullish(),
  inFiveYearPlan: z.boolean().nullish(),
  visibility: z.enum(Visibility).nullish(),
  investmentVisibility: z.enum(Visibility).nullish(),
};
