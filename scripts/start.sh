#!/bin/sh
# `pnpm start`: build what changed (turbo restores the rest from its cache),
# then become the API server (its arguments, e.g. --demo, passed on).
set -e
cd "$(dirname "$0")/.."
node_modules/.bin/turbo run build --filter=@zonegraph/api --filter=@zonegraph/dashboard --output-logs=errors-only

# Production mode, for speed (graphql-js skips its development checks); yet
# whoever runs `pnpm start` gets GraphiQL and introspection to explore with,
# unless NODE_ENV or those switches are set (then production closes them).
if [ -z "${NODE_ENV:-}" ]; then
  export NODE_ENV=production GRAPHIQL="${GRAPHIQL:-true}" INTROSPECTION="${INTROSPECTION:-true}"
fi

# exec: the server takes this shell's place, so a signal (Ctrl-C, SIGTERM)
# reaches it directly and its exit status is the command's.
exec node apps/api/dist/server.js "$@"
