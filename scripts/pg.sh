# A throwaway PostgreSQL cluster on loopback, for the tests and the sync
# bench. Sourced (after lib.sh), not run:
#   pg_start [extra postgres -c settings...]   # exports DECLIC_TEST_DATABASE_URL
# The cluster lives in a temporary directory on a random free port of
# 127.0.0.1, and is stopped and removed when the calling script exits.
# initdb refuses to run as root: as root, the directory belongs to the
# `postgres` user and the server runs as that user; otherwise, as you.

pg_bin() {
  local dir
  for dir in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
    [ -x "$dir/initdb" ] && { echo "$dir"; return; }
  done
  echo "PostgreSQL is not installed (no initdb under /usr/lib/postgresql): run scripts/setup" >&2
  return 1
}

# Runs a command as the cluster's owner.
pg_as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# A port nothing listens on (the start retries if another process takes it first).
pg_free_port() {
  local port
  for _ in $(seq 50); do
    port=$((20000 + RANDOM % 40000))
    if ! (: <"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  echo "no free port found on 127.0.0.1" >&2
  return 1
}

pg_stop() {
  [ -n "${PG_DIR:-}" ] || return 0
  local errexit=0
  case $- in *e*) errexit=1; set +e ;; esac
  if [ -f "$PG_DIR/pg/postmaster.pid" ]; then
    pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/pg" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$PG_DIR"
  PG_DIR=""
  if [ $errexit = 1 ]; then set -e; fi
  return 0
}

pg_start() {
  PG_BIN="$(pg_bin)"
  PG_DIR="$(mktemp -d "${TMPDIR:-/tmp}/declic-pg.XXXXXX")"
  trap pg_stop EXIT
  if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$PG_DIR"; fi
  chmod 700 "$PG_DIR"
  pg_as_owner "$PG_BIN/initdb" -D "$PG_DIR/pg" -A trust -U declic -E UTF8 --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1 || {
    cat "$PG_DIR/initdb.log" >&2
    echo "initdb failed (above)" >&2
    return 1
  }
  local settings="-c listen_addresses=127.0.0.1 -c max_connections=200" extra
  for extra in "$@"; do settings="$settings -c $extra"; done
  local attempt
  for attempt in 1 2 3; do
    PG_PORT="$(pg_free_port)"
    if pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/pg" -l "$PG_DIR/log" \
        -o "-p $PG_PORT -k $PG_DIR $settings" start >/dev/null; then
      local waited=0
      until "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT"; do
        if [ $waited -ge 300 ] || ! [ -f "$PG_DIR/pg/postmaster.pid" ]; then break; fi
        sleep 0.1
        waited=$((waited + 1))
      done
      if "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT"; then
        export DECLIC_TEST_DATABASE_URL="postgres://declic@127.0.0.1:$PG_PORT/postgres"
        echo "throwaway PostgreSQL on 127.0.0.1:$PG_PORT ($PG_DIR)"
        return 0
      fi
      pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/pg" -m immediate stop >/dev/null 2>&1 || true
    fi
    echo "PostgreSQL did not start on port $PG_PORT (attempt $attempt); its log:" >&2
    tail -n 20 "$PG_DIR/log" >&2 || true
  done
  echo "PostgreSQL would not start: giving up" >&2
  return 1
}
