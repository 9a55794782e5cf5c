import type { Prisma } from '@zonegraph/db';
import { builder } from '../../builder.ts';
import { RoleRef } from './role.ts';

/**
 * An API key as administrators see it. The key's hash is never exposed, and
 * only administrators may read keys at all, wherever one turns up (`node(id:)`
 * included).
 */
export const ApiKeyRef = builder.prismaNode('ApiKey', {
  id: { field: 'id' },
  authScopes: { admin: true },
  description: 'An API key: who holds it, its role, and its life. The key itself is shown once, when it is created, and never stored.',
  fields: (t) => ({
    holder: t.exposeString('holder', { description: 'Who the key was issued to: a partner system, an internal app or a person.' }),
    role: t.expose('role', { type: RoleRef, description: 'What the key may do.' }),
    prefix: t.exposeString('prefix', { description: 'The key\'s first characters, e.g. `zg_3fQk9aB`, to tell keys apart.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the key was created.' }),
    createdBy: t.exposeString('createdBy', {
      nullable: true,
      description: 'Who created it: the holder of the administrator key used, or "shell" for the keys:create command.',
    }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', nullable: true, description: 'When the key stops working; null when it does not expire.' }),
    revokedAt: t.expose('revokedAt', { type: 'DateTime', nullable: true, description: 'When the key was revoked; null while it has not been.' }),
    lastUsedAt: t.expose('lastUsedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When the key was last used (recorded at most once a minute); null when never.',
    }),
    isActive: t.boolean({
      description: 'Whether the key works now: not revoked and not expired.',
      resolve: (key) => !key.revokedAt && (!key.expiresAt || key.expiresAt > new Date()),
    }),
  }),
});

const ApiKeyFilter = builder.inputType('ApiKeyFilter', {
  description: 'Narrows the list of API keys; every field given must match.',
  fields: (t) => ({
    role: t.field({ type: RoleRef, description: 'Keys with this role.' }),
    holder: t.string({ description: 'Keys of this holder (the whole name, any case).' }),
    includeRevoked: t.boolean({ description: 'Also list revoked keys (default false).' }),
  }),
});

function apiKeyWhere(filter: typeof ApiKeyFilter.$inferInput | null | undefined): Prisma.ApiKeyWhereInput {
  const where: Prisma.ApiKeyWhereInput = {};
  if (!filter?.includeRevoked) where.revokedAt = null;
  if (filter?.role) where.role = filter.role;
  if (filter?.holder) where.holder = { equals: filter.holder.trim(), mode: 'insensitive' };
  return where;
}

builder.queryFields((t) => ({
  apiKeys: t.prismaConnection({
    type: 'ApiKey',
    cursor: 'id',
    authScopes: { admin: true },
    description: 'API keys, newest first; revoked ones only when asked. Administrators only.',
    args: { filter: t.arg({ type: ApiKeyFilter, description: 'Which keys to list.' }) },
    totalCount: (_root, { filter }, ctx) => ctx.prisma.apiKey.count({ where: apiKeyWhere(filter) }),
    resolve: (query, _root, { filter }, ctx) =>
      ctx.prisma.apiKey.findMany({ ...query, where: apiKeyWhere(filter), orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] }),
  }),
}));
