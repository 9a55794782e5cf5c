import { Command, InvalidArgumentError, Option } from 'commander';
import { paginateNodes, type ApiKeyFieldsFragment, type ApiKeysQueryVariables, type Role, type ZonegraphClient } from '@zonegraph/sdk';
import { connect, connectionOptions, type ConnectionOptions } from '../connection.ts';
import { CommandFailed, UsageError } from '../errors.ts';
import { ExitCode } from '../exit-codes.ts';
import type { CliIo } from '../io.ts';
import { renderTable } from '../output/table.ts';
import { failure } from '../payloads.ts';
import { databaseOption, withDatabase } from './db.ts';

const ROLES = ['PARTNER', 'ANALYST', 'EDITOR', 'ADMIN'] as const satisfies readonly Role[];
type Complete<Missing extends never> = Missing;
export type RolesComplete = Complete<Exclude<Role, (typeof ROLES)[number]>>;

interface CreateOptions extends ConnectionOptions {
  role: Role;
  holder: string;
  expires?: string;
  direct?: boolean;
  databaseUrl?: string;
  json?: boolean;
}

interface ListOptions extends ConnectionOptions {
  all?: boolean;
  role?: Role;
  holder?: string;
  json?: boolean;
}

export function keysCommand(io: CliIo): Command {
  const keys = new Command('keys').description('API keys: create, list and revoke them (an admin key, or --direct on the database for the first one)');

  const create = new Command('create')
    .description('create a key; the key is printed alone on stdout, once: store it then')
    .requiredOption('--role <role>', 'partner, analyst, editor or admin', parseRole)
    .requiredOption('--holder <name>', 'who it is for, e.g. "Zone IT" or "CAS partner portal"')
    .option('--expires <day>', 'the day it stops working, YYYY-MM-DD (UTC midnight)', parseDay)
    .option('--direct', 'write it to the database directly instead of through the API: for the first admin key')
    .addOption(databaseOption())
    .option('--json', 'print the key and its record as JSON');
  const list = new Command('list')
    .description('list keys (never the keys themselves: their first characters)')
    .option('--all', 'revoked keys too')
    .addOption(new Option('--role <role>', 'keys with this role').argParser(parseRole))
    .option('--holder <name>', 'keys of this holder (the whole name)')
    .option('--json', 'print them as JSON');
  const revoke = new Command('revoke')
    .description('revoke a key at once and for good')
    .argument('<key>', 'the key\'s ID (from `keys list --json`) or its prefix as listed, e.g. zg_AbC123')
    .option('--json', 'print the revoked key\'s record as JSON');
  for (const command of [create, list, revoke]) for (const option of connectionOptions(io.env)) command.addOption(option);
  create.addHelpText(
    'after',
    `
Through the API (an admin key in --api-key or $ZONEGRAPH_API_KEY):
  zonegraph keys create --role analyst --holder "Statistics bureau" --expires 2021-12-31
The first admin key of a new database, with no API needed:
  zonegraph keys create --direct --role admin --holder "Zone IT"`,
  );

  create.action(async (options: CreateOptions) => {
    const expiresAt = options.expires ? new Date(`${options.expires}T00:00:00Z`) : null;
    let created: { key: string; apiKey: Record<string, unknown> & { prefix: string; role: string; holder: string } };
    if (options.direct) {
      const { applyMigrations, createApiKey } = await import('@zonegraph/db');
      if (expiresAt && expiresAt.getTime() <= Date.now()) throw new UsageError('--expires must be in the future');
      created = await withDatabase(io, options, async (db) => {
        await applyMigrations(db);
        const { key, record } = await createApiKey(db.prisma, { holder: options.holder.trim(), role: options.role, expiresAt, createdBy: 'shell' });
        const { keyHash: _hash, ...shown } = record;
        return { key, apiKey: shown };
      });
    } else {
      const client = connect(options, io.env);
      const { createApiKey: payload } = await client.createApiKey({ input: { holder: options.holder, role: options.role, expiresAt: expiresAt?.toISOString() } });
      if (payload.__typename !== 'CreateApiKeySuccess') throw failure(payload);
      created = { key: payload.key, apiKey: payload.apiKey };
    }
    if (options.json) {
      io.stdout.write(`${JSON.stringify(created, null, 2)}\n`);
      return;
    }
    io.stderr.write(`created ${created.apiKey.role.toLowerCase()} key ${created.apiKey.prefix}… for ${created.apiKey.holder}; it is shown once, store it now:\n`);
    io.stdout.write(`${created.key}\n`);
  });

  list.action(async (options: ListOptions) => {
    const client = connect(options, io.env);
    const found = await allKeys(client, { includeRevoked: options.all ?? false, role: options.role, holder: options.holder });
    if (options.json) {
      io.stdout.write(`${JSON.stringify(found, null, 2)}\n`);
      return;
    }
    const day = (instant: string | null) => instant?.slice(0, 10) ?? '-';
    if (found.length) {
      io.stdout.write(
        renderTable(
          [{ header: 'PREFIX' }, { header: 'HOLDER', shrinkable: true }, { header: 'ROLE' }, { header: 'STATE' }, { header: 'CREATED' }, { header: 'EXPIRES' }, { header: 'LAST USED' }],
          found.map((k) => [k.prefix, k.holder, k.role, k.revokedAt ? 'revoked' : k.isActive ? 'active' : 'expired', day(k.createdAt), day(k.expiresAt), day(k.lastUsedAt)]),
          io.stdout.isTTY ? io.stdout.columns : undefined,
        ),
      );
    }
    io.stdout.write(`${found.length} key${found.length === 1 ? '' : 's'}\n`);
  });

  revoke.action(async (reference: string, options: ConnectionOptions & { json?: boolean }) => {
    const client = connect(options, io.env);
    const id = await keyId(client, reference.trim());
    const { revokeApiKey: payload } = await client.revokeApiKey({ input: { id } });
    if (payload.__typename !== 'RevokeApiKeySuccess') throw failure(payload);
    if (options.json) io.stdout.write(`${JSON.stringify(payload.apiKey, null, 2)}\n`);
    else io.stdout.write(`revoked ${payload.apiKey.role.toLowerCase()} key ${payload.apiKey.prefix}… of ${payload.apiKey.holder}\n`);
  });

  return keys.addCommand(create).addCommand(list).addCommand(revoke);
}

async function allKeys(client: ZonegraphClient, filter: NonNullable<ApiKeysQueryVariables['filter']>): Promise<ApiKeyFieldsFragment[]> {
  const found: ApiKeyFieldsFragment[] = [];
  for await (const key of paginateNodes((v: ApiKeysQueryVariables) => client.apiKeys(v), { filter, first: 100 }, (d) => d.apiKeys)) found.push(key);
  return found;
}

/** A key named by its global ID, or by its prefix as `keys list` shows it (which must name one key). */
async function keyId(client: ZonegraphClient, reference: string): Promise<string> {
  const keys = await allKeys(client, { includeRevoked: true });
  const byId = keys.find((k) => k.id === reference);
  if (byId) return byId.id;
  const matches = keys.filter((k) => k.prefix === reference.replace(/…$/, '') || (reference.length >= 6 && k.prefix.startsWith(reference)));
  if (matches.length === 1) return matches[0]!.id;
  if (matches.length > 1) throw new UsageError(`"${reference}" matches ${matches.length} keys (${matches.map((k) => k.prefix).join(', ')}); give more of it, or the ID`);
  throw new CommandFailed(ExitCode.apiError, [`NOT_FOUND: no API key has the ID or prefix "${reference}"`]);
}

function parseRole(value: string): Role {
  const role = value.trim().toUpperCase();
  if (!(ROLES as readonly string[]).includes(role)) throw new InvalidArgumentError(`"${value}" is not a role; roles: ${ROLES.map((r) => r.toLowerCase()).join(', ')}`);
  return role as Role;
}

function parseDay(value: string): string {
  const date = new Date(`${value}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw new InvalidArgumentError(`"${value}" is not a day; write YYYY-MM-DD`);
  }
  return value;
}
