import { Role } from '@zonegraph/db';
import { builder } from '../../builder.ts';

export const RoleRef = builder.enumType(Role, {
  name: 'Role',
  description: 'What an API key may do. Each role may do everything the roles before it may.',
  values: {
    PARTNER: { description: 'A partner system: reads public records, like an anonymous caller.' },
    ANALYST: { description: 'Zone staff and analysts: read public and internal records.' },
    EDITOR: { description: 'Keeps the programme current: reads everything, makes changes, reads the audit trail.' },
    ADMIN: { description: 'An editor who also creates, lists and revokes API keys.' },
  },
});
