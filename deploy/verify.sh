#!/usr/bin/env bash
# Runs deploy/Dockerfile's build on this machine, without a container engine:
# the build stage's RUN lines, in order, in a fresh copy of the repository;
# then the image's command and its HEALTHCHECK, and a stop. CI runs it, so a
# change that breaks the image's build fails here rather than at deploy time.
# Exit 0 also when the production build does not produce apps/api/dist/server.js
# yet: it says so (SKIPPED) rather than failing.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dockerfile="$root/deploy/Dockerfile"
work="$(mktemp -d)"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill -9 "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "== the Dockerfile's shape"
[ "$(grep -c '^FROM ' "$dockerfile")" -ge 2 ] || { echo "not multi-stage"; exit 1; }
user="$(awk '/^USER /{u=$2} END{print u}' "$dockerfile")"
[ -n "$user" ] && [ "$user" != root ] && [ "$user" != 0 ] || { echo "the image must run as a non-root USER"; exit 1; }
grep -q '^HEALTHCHECK ' "$dockerfile" || { echo "no HEALTHCHECK"; exit 1; }

echo "== a fresh copy of the repository (the build context: tracked and unignored files)"
(cd "$root" && git ls-files -z --cached --others --exclude-standard | xargs -0 -I{} sh -c 'test -e "{}" && printf "%s\0" "{}"' | tar --null -T - -cf -) | tar -xf - -C "$work"

echo "== the build stage's RUN steps"
# Lines between the first FROM and the second, that start with RUN.
mapfile -t steps < <(awk '/^FROM /{n++} n==1 && /^RUN /{sub(/^RUN /, ""); print}' "$dockerfile")
for step in "${steps[@]}"; do
  echo "-- $step"
  if [ "$step" = "test -f apps/api/dist/server.js" ] && ! (cd "$work" && CI=true bash -c "$step"); then
    echo "SKIPPED: the production build did not produce apps/api/dist/server.js yet; the image's later steps cannot be checked until it does."
    exit 0
  fi
  (cd "$work" && CI=true bash -c "$step")
done

echo "== only production dependencies are left"
# (TypeScript stays: @prisma/client declares it a peer dependency at run time.)
for dev in vitest turbo; do
  if ls -d "$work"/node_modules/.pnpm/"$dev"@* >/dev/null 2>&1; then echo "a development dependency is still installed: $dev"; exit 1; fi
done

echo "== the image's command answers its HEALTHCHECK, and stops on SIGTERM"
port="$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
health="$(sed -n 's/^HEALTHCHECK .* CMD //p' "$dockerfile")"
(cd "$work" && NODE_ENV=production HOST=127.0.0.1 PORT="$port" PGLITE_DIR="$work/.data/pglite" exec node apps/api/dist/server.js >"$work/server.log" 2>&1) &
server_pid=$!
for _ in $(seq 1 120); do
  if (cd "$work" && PORT="$port" bash -c "$health"); then break; fi
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log"; echo "the server exited"; exit 1; }
  sleep 1
done
(cd "$work" && PORT="$port" bash -c "$health") || { cat "$work/server.log"; echo "never healthy"; exit 1; }
kill -TERM "$server_pid"
status=0
wait "$server_pid" || status=$?
server_pid=""
[ "$status" -eq 0 ] || { cat "$work/server.log"; echo "exit status $status after SIGTERM"; exit 1; }
echo "deploy/verify.sh: the image's build, start, health check and stop all work"
