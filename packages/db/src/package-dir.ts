import { createRequire } from 'node:module';
import { dirname } from 'node:path';

/**
 * This package's folder (prisma/schema.prisma, prisma/migrations), found by the
 * package's name rather than by this file's place: the API's build compiles
 * this code into apps/api/dist, where `import.meta.dirname` is another folder.
 */
export const packageDir = dirname(createRequire(import.meta.url).resolve('@zonegraph/db/package.json'));
