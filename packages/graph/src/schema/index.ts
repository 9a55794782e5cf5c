// Each domain module registers its types, queries and mutations on the
// builder when imported; the order does not matter.
import '../scalars.ts';
import './common/enums.ts';
import './programme/programme.ts';
import './programme/indicators.ts';
import './programme/cadence.ts';
import './campaigns/campaign.ts';
import './campaigns/key-tasks.ts';
import './platforms/platform.ts';
import './industry/sectors.ts';
import './industry/clusters.ts';
import './industry/parks.ts';
import './organisations/organisation.ts';
import './projects/stage.ts';
import './projects/project.ts';
import './projects/queries.ts';
import './engagements/engagement.ts';
import './oversight/obstacles.ts';
import './oversight/findings.ts';
import './common/errors.ts';
import './projects/mutations.ts';
import './projects/import/mutation.ts';
import './oversight/obstacle-mutations.ts';
import './oversight/finding-mutations.ts';
import './engagements/mutations.ts';
import './campaigns/mutations.ts';
import './campaigns/key-task-mutations.ts';
import './programme/mutations.ts';
import './platforms/mutations.ts';
import './industry/mutations.ts';
import './organisations/mutations.ts';
import './common/subscriptions.ts';
import './projects/subscriptions.ts';
import './access/role.ts';
import './access/viewer.ts';
import './access/api-keys.ts';
import './access/mutations.ts';
import './audit/events.ts';
import './audit/subscriptions.ts';
import './analytics/progress.ts';
import './analytics/pipeline.ts';
import './analytics/investment.ts';
import './analytics/cadence.ts';
import './analytics/risk.ts';
import './analytics/oversight.ts';
import { isObjectType } from 'graphql';
import { builder } from '../builder.ts';
import { bindListCursors } from '../list-cursors.ts';

export const schema = builder.toSchema({ sortSchema: true });

// Every cursor handed out names its list; apps/api checks it against the list it is passed back to.
bindListCursors(schema);

// plugin-prisma adds `totalCount` to connections with no way to describe it;
// analysts read these descriptions in GraphiQL, so give it one here.
for (const type of Object.values(schema.getTypeMap())) {
  const totalCount = isObjectType(type) ? type.getFields().totalCount : undefined;
  if (totalCount && !totalCount.description) {
    totalCount.description = 'How many items the whole list holds, across all pages (with the same filters).';
  }
}
