import { CadenceActivity, CadencePeriod } from '@zonegraph/db';
import { builder } from '../../builder.ts';

export const CadenceActivityRef = builder.enumType(CadenceActivity, {
  name: 'CadenceActivity',
  description: 'What a cadence rule counts.',
  values: {
    ENGAGEMENT: { description: 'Investment-promotion talks (洽谈), from the engagement log.' },
    SIGNING: { description: 'Projects signed (签约入驻), from the stage history.' },
    CONSTRUCTION_START: { description: 'Construction starts (开工建设), from the stage history.' },
    COMPLETION: { description: 'Completions and starts of operation (竣工投产), from the stage history.' },
  },
});

export const CadencePeriodRef = builder.enumType(CadencePeriod, {
  name: 'CadencePeriod',
  description: "A calendar period in the programme's time zone.",
  values: {
    DAY: { description: 'A calendar day.' },
    WEEK: { description: 'Monday to Sunday.' },
    MONTH: { description: 'A calendar month.' },
    QUARTER: { description: 'January–March, April–June, July–September, October–December.' },
  },
});

builder.prismaNode('CadenceRule', {
  id: { field: 'id' },
  // node(id:) answers null, not an error, for an ID whose record is gone.
  nullable: true,
  description: 'A rhythm the programme holds itself to, e.g. "a signing every week" (每周有签约入驻).',
  fields: (t) => ({
    activity: t.expose('activity', { type: CadenceActivityRef, description: 'What is counted.' }),
    period: t.expose('period', { type: CadencePeriodRef, description: 'The period in which it must happen.' }),
    minCount: t.exposeInt('minCount', { description: 'How many times at least in every period.' }),
    textZh: t.exposeString('textZh', { description: 'The rule as the programme states it, in Chinese.' }),
    textEn: t.exposeString('textEn', { description: 'The rule in English.' }),
    programme: t.relation('programme', { description: 'The programme the rule belongs to.' }),
  }),
});
