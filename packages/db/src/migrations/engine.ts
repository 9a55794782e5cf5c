/// <reference path="./prisma-migrate.d.ts" />
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type { Migrate as MigrateInstance } from '@prisma/migrate/dist/src/Migrate.js';
import { withoutHandWritten } from './hand-written.ts';
import { migrationsDir, schemaPath } from './paths.ts';

export { migrationsDir, schemaPath } from './paths.ts';

// Prisma's migrate and internals packages take seconds to load: they are
// imported when an engine is opened, never by a server whose database is up to date.
const loadPrisma = async () => {
  const [{ default: internals }, { default: prismaMigrate }, { bindMigrationAwareSqlAdapterFactory }] = await Promise.all([
    import('@prisma/internals'),
    import('@prisma/migrate'),
    import('@prisma/driver-adapter-utils'),
  ]);
  return { ...internals, ...prismaMigrate, bindMigrationAwareSqlAdapterFactory };
};

export interface MigrationEngine {
  migrate: MigrateInstance;
  /** The SQL that takes a database from the migration folders to schema.prisma; '' when there is none. */
  pendingSchemaChange(): Promise<string>;
  stop(): Promise<void>;
}

/**
 * Prisma's schema engine compiled to WebAssembly, driven through a driver
 * adapter, so migrations need no native engine download. On top of it sits
 * Prisma's own `Migrate`, the class behind `prisma migrate deploy|status|reset`.
 */
export async function openMigrationEngine(adapterFactory: SqlMigrationAwareDriverAdapterFactory): Promise<MigrationEngine> {
  const { loadSchemaContext, toSchemasContainer, Migrate, SchemaEngineWasm, bindMigrationAwareSqlAdapterFactory } = await loadPrisma();
  const schemaContext = await loadSchemaContext({ schemaPath: { cliProvidedPath: schemaPath }, printLoadMessage: false });
  const adapter = bindMigrationAwareSqlAdapterFactory(adapterFactory);
  const engine = await (await loadWasmEngineClass()).new({ datamodels: schemaContext.schemaFiles }, () => {}, adapter);
  // SchemaEngineWasm.setup() would load the engine through @prisma/internals,
  // which looks for the .wasm beside itself where the package does not ship
  // it; so we load the engine ourselves and call the constructors setup()
  // would (private in their declarations, public at run time).
  const schemaEngine = new (SchemaEngineWasm as unknown as new (options: object) => object)({
    engine,
    errorRegistry: adapter.errorRegistry,
  });
  const migrate = new (Migrate as unknown as new (options: object) => MigrateInstance)({
    engine: schemaEngine,
    schemaContext,
    migrationsDirPath: migrationsDir,
  });

  return {
    migrate,
    async pendingSchemaChange() {
      const migrations = await listMigrations();
      const { stdout } = await engine.diff({
        // The engine reads the provider from migration_lock.toml, which the first migration writes.
        from: migrations.lockfile.content === null ? { tag: 'empty' } : { tag: 'migrations', ...migrations },
        to: { tag: 'schemaDatamodel', ...toSchemasContainer(schemaContext.schemaFiles) },
        script: true,
        exitCode: null,
        filters: { externalTables: [], externalEnums: [] },
      });
      // The engine answers an empty diff with a comment line and nothing else.
      return withoutHandWritten(stdout ?? '');
    },
    stop: () => migrate.stop(),
  };
}

/** The migrations folder in the shape the engine reads (as Prisma's CLI lists it). */
async function listMigrations() {
  const lockfile = await readFile(join(migrationsDir, 'migration_lock.toml'), 'utf8').catch(() => null);
  const entries = await readdir(migrationsDir, { withFileTypes: true }).catch(() => []);
  const folders = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  const migrationDirectories = await Promise.all(
    folders.map(async (path) => ({
      path,
      migrationFile: {
        path: 'migration.sql',
        content: await readFile(join(migrationsDir, path, 'migration.sql'), 'utf8').then(
          (value) => ({ tag: 'ok' as const, value }),
          (error: Error) => ({ tag: 'error' as const, value: error.message }),
        ),
      },
    })),
  );
  return {
    baseDir: migrationsDir,
    lockfile: { path: 'migration_lock.toml', content: lockfile },
    migrationDirectories,
    shadowDbInitScript: '',
  };
}

interface WasmEngine {
  diff(params: object): Promise<{ exitCode: number; stdout: string | null }>;
}
interface WasmEngineClass {
  new: (input: { datamodels: unknown }, debug: (message: string) => void, adapter: unknown) => Promise<WasmEngine>;
}

interface WebAssemblyApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: Record<string, object>) => { exports: Record<string, unknown> };
}

let wasmEngineClass: Promise<WasmEngineClass> | undefined;

/** Instantiates the engine's WebAssembly once per process, from @prisma/schema-engine-wasm. */
function loadWasmEngineClass(): Promise<WasmEngineClass> {
  wasmEngineClass ??= (async () => {
    const entry = createRequire(import.meta.url).resolve('@prisma/schema-engine-wasm');
    const runtime = (await import('@prisma/schema-engine-wasm/schema_engine_bg')) as unknown as {
      __wbg_set_wasm(exports: object): void;
      SchemaEngine: WasmEngineClass;
    };
    const bytes = await readFile(join(dirname(entry), 'schema_engine_bg.wasm'));
    // The WebAssembly global has no declarations outside the DOM library.
    const { WebAssembly: wasm } = globalThis as unknown as { WebAssembly: WebAssemblyApi };
    const instance = new wasm.Instance(new wasm.Module(bytes), { './schema_engine_bg.js': runtime });
    runtime.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return runtime.SchemaEngine;
  })();
  return wasmEngineClass;
}
