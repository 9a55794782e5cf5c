// PostGraphile 5 over the benchmark's database, as the read benchmark's peer:
// the amber preset (connections, conditions, orderBy, node interface) with
// postgraphile-plugin-connection-filter, no
// GraphiQL, no watch mode, the same pool size as zonegraph's. Started by
// bench/read under Node >= 22 with DATABASE_URL, PORT, HOST and POOL_SIZE;
// prints "ready at <url>" once it listens.
import { createServer } from 'node:http';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { PostGraphileConnectionFilterPreset } from 'postgraphile-plugin-connection-filter';

const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 0);

const preset = {
  // The connection-filter plugin gives it `filter:` (name search, `in` lists): without it PostGraphile
  // could not ask question (e), the searched page, at all.
  extends: [PostGraphileAmberPreset, PostGraphileConnectionFilterPreset],
  // By default PostGraphile filters and orders only by indexed columns; zonegraph's questions filter
  // campaigns by archivedAt, search names and order stage changes by creation time, none indexed.
  disablePlugins: ['PgIndexBehaviorsPlugin'],
  pgServices: [
    makePgService({
      connectionString: process.env.DATABASE_URL,
      schemas: ['public'],
      poolConfig: { max: Number(process.env.POOL_SIZE ?? 10) },
    }),
  ],
  grafserv: { graphiql: false, watch: false, maxRequestLength: 1_000_000 },
  grafast: { explain: false },
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = createServer();
server.on('error', (error) => {
  console.error(error);
  process.exit(1);
});
await serv.addTo(server);
// Build the schema before saying ready, so that the first measured request does not pay for it.
await pgl.getSchema();
server.listen(port, host, () => {
  const address = server.address();
  console.log(`ready at http://${host}:${address.port}/graphql`);
});
const stop = () => {
  server.close();
  pgl.release().finally(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
