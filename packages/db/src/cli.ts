// The database administration commands behind `pnpm db:*`. Each acts on the
// embedded PGlite folder by default, or on DATABASE_URL when it is set.
import { parseArgs } from 'node:util';
import { openDatabase } from './client.ts';
import { applyMigrations, createMigration, migrationStatus, resetDatabase } from './migrations/index.ts';
import { Role } from './generated/prisma/enums.ts';
import { createApiKey } from './keys.ts';
import { DemoConflictError, loadDemoYear, removeDemoYear } from './demo/index.ts';
import { seed } from './seed/index.ts';
import { describeTarget, targetFromEnv } from './target.ts';

const usage = `usage: db <command>
  migrate               apply pending migrations
  status                list applied, pending and failed migrations
  seed [--demo]         load the seeded programme (idempotent); --demo also loads the
                        demo year, synthetic activity marked as demo data
  seed --remove-demo    remove the demo year, putting back the seeded rows it changed
  reset [--yes]         drop everything, migrate, seed
  new-migration <name>  write a migration for changes to prisma/schema.prisma
  keys create --role <partner|analyst|editor|admin> --holder <name> [--expires YYYY-MM-DD]
                        create an API key; prints the key alone on the last line`;

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      yes: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
      role: { type: 'string' },
      holder: { type: 'string' },
      expires: { type: 'string' },
      demo: { type: 'boolean', default: false },
      'remove-demo': { type: 'boolean', default: false },
      'demo-seed': { type: 'string' },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    console.log(usage);
    return command || values.help ? 0 : 2;
  }

  if (command === 'new-migration') {
    const name = rest[0];
    if (!name) {
      console.error('new-migration needs a name, e.g. pnpm db:new-migration add_api_keys');
      return 2;
    }
    const folder = await createMigration(name);
    console.log(folder ? `wrote prisma/migrations/${folder}/migration.sql` : 'schema.prisma matches the migrations: nothing to write');
    return 0;
  }

  const target = targetFromEnv();
  const db = await openDatabase(target);
  console.log(describeTarget(target));
  try {
    switch (command) {
      case 'migrate': {
        const applied = await applyMigrations(db);
        console.log(applied.length ? `applied: ${applied.join(', ')}` : 'already up to date');
        return 0;
      }
      case 'status': {
        const status = await migrationStatus(db);
        for (const name of status.local) {
          const state = status.failed.includes(name) ? 'failed' : status.pending.includes(name) ? 'pending' : 'applied';
          console.log(`${state.padEnd(8)} ${name}${status.edited.includes(name) ? ' (edited since applied)' : ''}`);
        }
        return status.pending.length || status.failed.length ? 1 : 0;
      }
      case 'seed': {
        await applyMigrations(db);
        if (values['remove-demo']) {
          try {
            console.log((await removeDemoYear(db.prisma)) ? 'removed the demo year; the seeded rows are as they were' : 'no demo year is loaded: nothing to remove');
            return 0;
          } catch (error) {
            if (!(error instanceof DemoConflictError)) throw error;
            console.error(error.message);
            return 3;
          }
        }
        console.log(await seed(db.prisma));
        if (values.demo) {
          const demoSeed = values['demo-seed'] === undefined ? undefined : Number(values['demo-seed']);
          if (demoSeed !== undefined && !Number.isSafeInteger(demoSeed)) {
            console.error(`--demo-seed must be a whole number (got "${values['demo-seed']}")`);
            return 2;
          }
          const loaded = await loadDemoYear(db.prisma, { seed: demoSeed });
          console.log(loaded ? { demoYear: loaded } : 'the demo year is already loaded: nothing to add (remove it with --remove-demo)');
        }
        return 0;
      }
      case 'keys': {
        if (rest[0] !== 'create') {
          console.error(`unknown keys command "${rest[0] ?? ''}"\n${usage}`);
          return 2;
        }
        const role = values.role?.toUpperCase();
        const holder = values.holder?.trim();
        if (!role || !isRole(role) || !holder) {
          console.error('keys create needs --role (partner, analyst, editor or admin) and --holder <name>');
          return 2;
        }
        const expiresAt = values.expires ? new Date(`${values.expires}T00:00:00Z`) : null;
        if (expiresAt && Number.isNaN(expiresAt.getTime())) {
          console.error(`--expires must be a date, YYYY-MM-DD (got "${values.expires}")`);
          return 2;
        }
        await applyMigrations(db);
        const { key, record } = await createApiKey(db.prisma, { holder, role, expiresAt, createdBy: 'shell' });
        console.log(`created ${record.role.toLowerCase()} key ${record.prefix}… for ${record.holder}; it is shown once, store it now:`);
        console.log(key);
        return 0;
      }
      case 'reset': {
        if (target.kind === 'postgres' && !values.yes) {
          console.error('reset drops every table of that PostgreSQL database; run again with --yes to confirm');
          return 2;
        }
        await resetDatabase(db);
        console.log(await seed(db.prisma));
        return 0;
      }
      default:
        console.error(`unknown command "${command}"\n${usage}`);
        return 2;
    }
  } finally {
    await db.close();
  }
}

const isRole = (value: string): value is Role => Object.values(Role).includes(value as Role);

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
