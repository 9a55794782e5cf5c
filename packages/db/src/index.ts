export { DatabaseInUseError, isLockTimeout, openDatabase, type AdminSession, type Database, type OpenOptions, type PoolStats, type PreparedReads, type SqlStatement } from './client.ts';
export {
  applyMigrations,
  applyMigrationsWithEngine,
  createMigration,
  FailedMigrationError,
  localMigrations,
  migrationStatus,
  pendingMigrations,
  resetDatabase,
  type MigrationStatus,
} from './migrations/index.ts';
export { unappliedMigrations } from './migrations/pending.ts';
export { PendingMigrationsError, prepareDatabase } from './prepare.ts';
export { copyDatabase, type CopySummary } from './copy.ts';
export { backupDatabase, BackupToolError, restoreDatabase, TargetNotEmptyError } from './backup.ts';
export { seed, type SeedSummary } from './seed/index.ts';
export { DemoConflictError, hasDemoYear, loadDemoYear, removeDemoYear, type DemoSummary } from './demo/index.ts';
export { checkApiKey, checkApiKeyRecord, createApiKey, hashApiKey, touchApiKey, type CreatedApiKey, type KeyCheck } from './keys.ts';
export { ALL_VISIBILITIES, columnAsSeen, scopeToVisibility, visibleWhere } from './visibility.ts';
export { describeTarget, targetFromEnv, type DatabaseTarget } from './target.ts';
export { Prisma, PrismaClient } from './generated/prisma/client.ts';
export type {
  Zone,
  Programme,
  Campaign,
  KeyTask,
  Indicator,
  IndicatorValue,
  CadenceRule,
  Mechanism,
  Platform,
  Sector,
  IndustryCluster,
  Park,
  Organisation,
  Project,
  ProjectStageChange,
  InvestmentRecord,
  Engagement,
  Obstacle,
  InspectionFinding,
  ApiKey,
  AuditEvent,
} from './generated/prisma/client.ts';
export * from './generated/prisma/enums.ts';
