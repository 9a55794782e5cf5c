// All seed data in one object, in the order the loader writes it.
import type { SeedData } from '../types.ts';
import { campaignIndicators, campaigns, keyTasks } from './campaigns.ts';
import { clusters } from './clusters.ts';
import { findingCategories } from './finding-categories.ts';
import { officials } from './officials.ts';
import { mechanisms } from './mechanisms.ts';
import { organisations } from './organisations.ts';
import { parks } from './parks.ts';
import { platforms } from './platforms.ts';
import { cadenceRules, programmeIndicators, programmes, zones } from './programme.ts';
import { projects } from './projects.ts';
import { sectors } from './sectors.ts';

export const seedData: SeedData = {
  zones,
  organisations,
  officials,
  programmes,
  cadenceRules,
  campaigns,
  keyTasks,
  indicators: [...programmeIndicators, ...campaignIndicators],
  mechanisms,
  sectors,
  clusters,
  parks,
  platforms,
  projects,
  findingCategories,
};
