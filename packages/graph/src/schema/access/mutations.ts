import { createApiKey, Role, type CreatedApiKey } from '@zonegraph/db';
import { z } from 'zod';
import { builder } from '../../builder.ts';
import { ConflictError, NotFoundError } from '../../errors.ts';
import { mutationErrors, payload } from '../common/errors.ts';
import { audited, parseInput } from '../common/mutations.ts';
import { selection } from '../common/refs.ts';
import { ApiKeyRef } from './api-keys.ts';
import { RoleRef } from './role.ts';

const CreateApiKeyInput = builder.inputType('CreateApiKeyInput', {
  description: 'A new API key for a holder, with one role.',
  fields: (t) => ({
    holder: t.string({ required: true, description: 'Who the key is for: a partner system, an internal app or a person, e.g. "CAS partner portal".' }),
    role: t.field({ type: RoleRef, required: true, description: 'What the key may do.' }),
    expiresAt: t.field({ type: 'DateTime', description: 'When the key stops working (in the future); leave out for a key that does not expire.' }),
  }),
});

const RevokeApiKeyInput = builder.inputType('RevokeApiKeyInput', {
  description: 'An API key to revoke: it stops working at once and for good.',
  fields: (t) => ({
    id: t.globalID({ required: true, for: [ApiKeyRef], description: 'The key\'s ID (from `apiKeys`), not the key itself.' }),
  }),
});

type ApiKey = CreatedApiKey['record'];

const CreateApiKeySuccess = builder.objectRef<CreatedApiKey>('CreateApiKeySuccess').implement({
  description: 'The key was created and recorded in the audit trail. `key` is shown this once: store it now.',
  fields: (t) => ({
    apiKey: t.field({ type: ApiKeyRef, description: 'The new key\'s record.', resolve: (created) => created.record }),
    key: t.exposeString('key', {
      description: 'The key itself, to send as `Authorization: Bearer <key>`. Only its hash is stored: it cannot be shown again.',
    }),
  }),
});

/** What the audit trail keeps of a key: never the key, never its hash. */
const auditView = ({ keyHash: _hash, ...rest }: ApiKey) => rest;

const createSchema = z.object({
  holder: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  role: z.enum(Role),
  expiresAt: z
    .date()
    .nullish()
    .refine((d) => d == null || d.getTime() > Date.now(), 'must be in the future'),
});

builder.mutationFields((t) => ({
  createApiKey: t.field({
    type: CreateApiKeySuccess,
    description: 'Creates an API key and returns it once; only its hash is kept. Administrators only.',
    authScopes: { admin: true },
    errors: {
      types: mutationErrors,
      directResult: true,
      union: { name: 'CreateApiKeyPayload', description: 'The outcome of createApiKey: the new key, or why none was created.' },
    },
    args: { input: t.arg({ type: CreateApiKeyInput, required: true }) },
    resolve: async (_root, { input: raw }, ctx) => {
      const input = parseInput(createSchema, raw);
      let key = '';
      const record = await audited(ctx, async (tx) => {
        const created = await createApiKey(tx, { holder: input.holder, role: input.role, expiresAt: input.expiresAt, createdBy: ctx.caller.holder });
        key = created.key;
        const after = auditView(created.record);
        return { record: created.record, recordType: 'ApiKey', recordId: after.id, recordCode: after.prefix, action: 'create', before: null, after };
      });
      return { record, key };
    },
  }),

  revokeApiKey: t.prismaField({
    type: 'ApiKey',
    description: 'Revokes an API key: requests with it are refused from now on. Revoking a key twice is a ConflictError. Administrators only.',
    authScopes: { admin: true },
    errors: payload('RevokeApiKey', 'apiKey'),
    args: { input: t.arg({ type: RevokeApiKeyInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const { id } = input.id;
      return audited(ctx, async (tx) => {
        const before = await tx.apiKey.findUnique({ where: { id } });
        if (!before) throw new NotFoundError('ApiKey', id);
        // Conditional, so that of two concurrent revocations one wins and the other conflicts.
        const { count } = await tx.apiKey.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
        if (count === 0) throw new ConflictError(`The API key ${before.prefix}… of ${before.holder} is already revoked.`);
        const record = await tx.apiKey.findUniqueOrThrow({ ...selection(query), where: { id } });
        const after = await tx.apiKey.findUniqueOrThrow({ where: { id } });
        return { record, recordType: 'ApiKey', recordId: id, recordCode: before.prefix, action: 'revoke', before: auditView(before), after: auditView(after) };
      }, () => ctx.pubsub.publish('apiKeyRevoked', { apiKeyId: id }));
    },
  }),
}));
