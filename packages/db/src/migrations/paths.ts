import { join } from 'node:path';
import { packageDir } from '../package-dir.ts';

export const schemaPath = join(packageDir, 'prisma', 'schema.prisma');
export const migrationsDir = join(packageDir, 'prisma', 'migrations');
