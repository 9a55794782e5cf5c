import { Visibility } from '@zonegraph/db';
import { builder } from '../../builder.ts';

export const VisibilityRef = builder.enumType(Visibility, {
  name: 'Visibility',
  description:
    'Who may see a record. Records you may not see are absent: from lists, counts, searches and `node(id:)`; a field that would lead to one reads as null.',
  values: {
    PUBLIC: { description: 'Anyone, including partner systems and anonymous callers.' },
    INTERNAL: { description: 'Zone staff and analysts, not partners.' },
    RESTRICTED: { description: 'Editors and administrators only.' },
  },
});

export const OrderDirection = builder.enumType('OrderDirection', {
  description: 'Sort order.',
  values: {
    ASC: { value: 'asc', description: 'Smallest, earliest or alphabetically first first.' },
    DESC: { value: 'desc', description: 'Largest, latest or alphabetically last first.' },
  } as const,
});
