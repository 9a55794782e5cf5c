// @prisma/migrate's package.json points "types" at a path it does not ship;
// its declarations are in dist/src.
declare module '@prisma/migrate' {
  import type * as migrate from '@prisma/migrate/dist/src/index.js';
  const prismaMigrate: typeof migrate;
  export default prismaMigrate;
}
