#!/usr/bin/env bash
# Runs a command beside a throwaway PostgreSQL server:
#   scripts/with-postgres.sh COMMAND [ARG...]
# initdb's a cluster in a temporary folder, starts it on 127.0.0.1 on a free
# port, exports TEST_POSTGRES_URL=postgresql://postgres@127.0.0.1:PORT for the
# command, and stops and removes the cluster afterwards, also when the
# command fails or is interrupted. Exits with the command's exit code.
# The cluster skips fsync (cheap CREATE DATABASE for tests) unless
# WITH_POSTGRES_DURABLE=1, which benchmarks of durable writes set.
# WITH_POSTGRES_OPTIONS adds server settings ("-c name=value …").
set -euo pipefail

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [[ -z "$pg_bin" || ! -x "$pg_bin/initdb" ]]; then
  echo "with-postgres: no PostgreSQL server found; run scripts/install-deps.sh" >&2
  exit 1
fi

folder=$(mktemp -d /tmp/dichtbij-pg.XXXXXX)
chmod 755 "$folder"
as_owner=()
# The server refuses to run as root; run it as the postgres user instead.
if [[ $(id -u) -eq 0 ]]; then
  chown postgres "$folder"
  as_owner=(runuser -u postgres --)
fi

stop_server() {
  if [[ -f "$folder/data/postmaster.pid" ]]; then
    "${as_owner[@]}" "$pg_bin/pg_ctl" -D "$folder/data" -m immediate stop >/dev/null 2>&1 || true
  fi
  rm -rf "$folder"
}
trap stop_server EXIT
trap 'exit 130' INT TERM

port_is_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
port=""
# Below the ephemeral range (32768-60999), where a client socket can hold a
# port that nothing listens on.
for candidate in $(shuf -i 20000-32000 -n 100); do
  if port_is_free "$candidate"; then port=$candidate; break; fi
done
[[ -n "$port" ]] || { echo "with-postgres: no free port found" >&2; exit 1; }

"${as_owner[@]}" "$pg_bin/initdb" -D "$folder/data" -U postgres -A trust -E UTF8 \
  --locale=C --no-sync >"$folder/initdb.log" 2>&1 ||
  { cat "$folder/initdb.log" >&2; exit 1; }
# A throwaway cluster for tests: skipping fsync makes each CREATE DATABASE
# cheap. Durability is the engine's business, not what these tests check.
options="-c listen_addresses=127.0.0.1 -p $port -k $folder -c max_connections=200"
[[ "${WITH_POSTGRES_DURABLE:-0}" == 1 ]] || options+=" -c fsync=off -c full_page_writes=off"
options+=" ${WITH_POSTGRES_OPTIONS:-}"
"${as_owner[@]}" "$pg_bin/pg_ctl" -D "$folder/data" -l "$folder/server.log" -w -t 60 \
  -o "$options" start >/dev/null ||
  { cat "$folder/server.log" >&2; exit 1; }

echo "with-postgres: PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
export TEST_POSTGRES_URL="postgresql://postgres@127.0.0.1:$port"
set +e
"$@"
status=$?
set -e
exit $status
