import { ProjectStage } from '@zonegraph/db';
import { builder } from '../../builder.ts';

export const ProjectStageRef = builder.enumType(ProjectStage, {
  name: 'ProjectStage',
  description:
    'Where a project stands on its way from talks to operation. The usual path is ' +
    'NEGOTIATING → SIGNED → UNDER_CONSTRUCTION → OPERATING; university projects end in ENROLLING.',
  values: {
    NEGOTIATING: { description: 'In talks (洽谈).' },
    SIGNED: { description: 'Agreement signed, project settled in the zone (签约落地).' },
    UNDER_CONSTRUCTION: { description: 'Construction started (开工建设).' },
    OPERATING: { description: 'Completed and in operation (竣工投产 / 投产运营).' },
    ENROLLING: { description: 'A university project that has started enrolling students (实现招生).' },
    SUSPENDED: { description: 'Paused.' },
    CANCELLED: { description: 'Abandoned.' },
  },
});
