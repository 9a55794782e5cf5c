// The database administration commands behind `pnpm db:*`. Each acts on the
// embedded PGlite folder by default, or on DATABASE_URL when it is set.
import { parseArgs } from 'node:util';
import { openDatabase } from './client.ts';
import { applyMigrations, createMigration, migrationStatus, resetDatabase } from './migrations/index.ts';
import { seed } from './seed/index.ts';
import { describeTarget, targetFromEnv } from './target.ts';

const usage = `usage: db <command>
  migrate               apply pending migrations
  status                list applied, pending and failed migrations
  seed                  load the seeded programme (idempotent)
  reset [--yes]         drop everything, migrate, seed
  new-migration <name>  write a migration for changes to prisma/schema.prisma`;

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { yes: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
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
        console.log(await seed(db.prisma));
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

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
