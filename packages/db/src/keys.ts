import { createHash, randomBytes } from 'node:crypto';
import type { ApiKey, PrismaClient } from './generated/prisma/client.ts';
import type { Role } from './generated/prisma/enums.ts';

/**
 * API keys look like `zg_` followed by 43 URL-safe characters (256 random
 * bits). Only a SHA-256 of the key is stored: the bits are random, so a slow
 * password hash would add nothing but latency to every request.
 */
const KEY_PREFIX = 'zg_';
const SHOWN_CHARS = 11;

export const hashApiKey = (key: string): string => createHash('sha256').update(key, 'utf8').digest('hex');

export interface CreatedApiKey {
  /** The key itself: shown once, never stored. */
  key: string;
  record: ApiKey;
}

export async function createApiKey(
  prisma: Pick<PrismaClient, 'apiKey'>,
  input: { holder: string; role: Role; expiresAt?: Date | null; createdBy?: string | null },
): Promise<CreatedApiKey> {
  const key = `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  const record = await prisma.apiKey.create({
    data: {
      holder: input.holder,
      role: input.role,
      prefix: key.slice(0, SHOWN_CHARS),
      keyHash: hashApiKey(key),
      expiresAt: input.expiresAt ?? null,
      createdBy: input.createdBy ?? null,
    },
  });
  return { key, record };
}

export type KeyCheck = { ok: true; key: ApiKey } | { ok: false; reason: 'unknown' | 'revoked' | 'expired' };

/** Looks a presented key up by its hash and says whether it may be used now. */
export async function checkApiKey(prisma: Pick<PrismaClient, 'apiKey'>, presented: string, now = new Date()): Promise<KeyCheck> {
  if (!presented.startsWith(KEY_PREFIX) || presented.length > 200) return { ok: false, reason: 'unknown' };
  const key = await prisma.apiKey.findUnique({ where: { keyHash: hashApiKey(presented) } });
  return key ? checkApiKeyRecord(key, now) : { ok: false, reason: 'unknown' };
}

/** Whether a key already read (e.g. kept in a cache) may be used now. */
export function checkApiKeyRecord(key: ApiKey, now = new Date()): KeyCheck {
  if (key.revokedAt) return { ok: false, reason: 'revoked' };
  if (key.expiresAt && key.expiresAt <= now) return { ok: false, reason: 'expired' };
  return { ok: true, key };
}

/**
 * Records that a key was used. At most once a minute per key, so that reads
 * do not turn into a write each.
 */
export async function touchApiKey(prisma: Pick<PrismaClient, 'apiKey'>, key: ApiKey, now = new Date()): Promise<void> {
  if (key.lastUsedAt && now.getTime() - key.lastUsedAt.getTime() < 60_000) return;
  await prisma.apiKey.updateMany({
    where: { id: key.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - 60_000) } }] },
    data: { lastUsedAt: now },
  });
}
