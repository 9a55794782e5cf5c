import type { Prisma } from '@zonegraph/db';
import { builder } from '../../builder.ts';
import { visibleEvents } from '../common/subscriptions.ts';
import { ProjectStageRef } from './stage.ts';

const ProjectStageChangedFilter = builder.inputType('ProjectStageChangedFilter', {
  description: 'Which moves to receive; every field given must match. Projects and campaigns are named by their codes.',
  fields: (t) => ({
    project: t.string({ description: 'Moves of this project only, e.g. `GZK-2020-P01`.' }),
    campaign: t.string({ description: 'Moves of projects in this campaign only, e.g. `GZK-2020-C4`.' }),
    toStage: t.field({ type: [ProjectStageRef], description: 'Moves into any of these stages only.' }),
  }),
});

builder.subscriptionFields((t) => ({
  projectStageChanged: t.prismaField({
    type: 'ProjectStageChange',
    description: 'Each move of a project to a new stage, as it is recorded. You receive moves of the projects you may read only.',
    args: { filter: t.arg({ type: ProjectStageChangedFilter, description: 'Which moves to receive; all when left out.' }) },
    subscribe: (_root, { filter }, ctx) =>
      visibleEvents(ctx, 'projectStageChanged', ({ stageChangeId }) => {
        const where: Prisma.ProjectStageChangeWhereInput = { id: stageChangeId };
        if (filter?.toStage?.length) where.toStage = { in: filter.toStage };
        if (filter?.project || filter?.campaign) {
          where.project = {
            ...(filter.project ? { code: filter.project } : {}),
            ...(filter.campaign ? { campaign: { code: filter.campaign } } : {}),
          };
        }
        return ctx.prisma.projectStageChange.findFirst({ where, select: { id: true } });
      }),
    // Read again with the fields the subscriber selected, through its own client.
    resolve: (query, event: { id: string }, _args, ctx) => ctx.prisma.projectStageChange.findUniqueOrThrow({ ...query, where: { id: event.id } }),
  }),
}));
