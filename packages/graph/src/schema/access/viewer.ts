import type { Caller } from '../../auth.ts';
import { visibleTo } from '../../auth.ts';
import { builder } from '../../builder.ts';
import { VisibilityRef } from '../common/enums.ts';
import { RoleRef } from './role.ts';

const ViewerRef = builder.objectRef<Caller>('Viewer').implement({
  description: 'Who the API takes you for, from the API key you sent (or none).',
  fields: (t) => ({
    holder: t.exposeString('holder', { description: 'The holder your API key was issued to; "anonymous" without a key.' }),
    role: t.field({
      type: RoleRef,
      nullable: true,
      description: 'Your key\'s role; null when you sent no key.',
      resolve: (caller) => caller.role,
    }),
    sees: t.field({
      type: [VisibilityRef],
      description: 'The visibilities of the records you may read.',
      resolve: (caller) => visibleTo(caller),
    }),
  }),
});

builder.queryFields((t) => ({
  viewer: t.field({
    type: ViewerRef,
    description: 'The caller: check which holder and role your API key stands for.',
    resolve: (_root, _args, ctx) => ctx.caller,
  }),
}));
