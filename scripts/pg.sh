#!/usr/bin/env bash
# A throwaway PostgreSQL server for the storage tests.
#
#   scripts/pg.sh [start]   install PostgreSQL from Debian if missing, create a
#                           cluster in $PG_DIR, start it on 127.0.0.1:$PG_PORT,
#                           create the test role and database, print the URL
#   scripts/pg.sh stop      stop the server (the cluster stays for next time)
#   scripts/pg.sh status    exit 0 when the server runs
#   scripts/pg.sh url       print the URL without starting anything
#
# Idempotent: starting a running server only prints its URL. Run as root (the
# server then runs as the `postgres` user) or as any user that may run the
# PostgreSQL binaries (the server runs as that user). Only the URL goes to
# stdout, so `CEASEWATCH_TEST_PG=$(scripts/pg.sh)` works. Durability is off
# (fsync=off): the cluster is for tests only.
set -euo pipefail

PG_DIR=${PG_DIR:-/tmp/ceasewatch-pg}
PG_PORT=${PG_PORT:-54329}
PG_USER=${PG_USER:-ceasewatch}
PG_PASSWORD=${PG_PASSWORD:-ceasewatch}
PG_DB=${PG_DB:-ceasewatch_test}
DATA="$PG_DIR/data"
SOCK="$PG_DIR/socket"
LOG="$PG_DIR/server.log"
URL="postgresql://$PG_USER:$PG_PASSWORD@127.0.0.1:$PG_PORT/$PG_DB"

say() { echo "pg.sh: $*" >&2; }

find_bin() {
  # Newest installed major version.
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  [ -n "$d" ] && [ -x "$d/pg_ctl" ] && echo "$d"
}

install_postgres() {
  if [ "$(id -u)" != 0 ]; then
    say "PostgreSQL is not installed and installing needs root: run 'sudo apt-get install postgresql' or this script as root"
    exit 1
  fi
  say "installing PostgreSQL from Debian"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq postgresql >/dev/null
}

# run_as CMD...: run as the cluster owner.
if [ "$(id -u)" = 0 ]; then
  OWNER=postgres
  run_as() { runuser -u postgres -- "$@"; }
else
  OWNER=$(id -un)
  run_as() { "$@"; }
fi

is_running() {
  [ -f "$DATA/PG_VERSION" ] && run_as "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1
}

psql_admin() {
  run_as "$BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$SOCK" -p "$PG_PORT" -U postgres -d postgres "$@"
}

start() {
  BIN=$(find_bin) || true
  if [ -z "${BIN:-}" ]; then
    install_postgres
    BIN=$(find_bin) || { say "PostgreSQL binaries not found after install"; exit 1; }
  fi
  if [ ! -f "$DATA/PG_VERSION" ]; then
    say "creating cluster in $DATA"
    mkdir -p "$PG_DIR"
    chown "$OWNER" "$PG_DIR"
    chmod 700 "$PG_DIR"
    run_as mkdir -p "$SOCK"
    run_as "$BIN/initdb" -D "$DATA" -U postgres -E UTF8 --locale=C.UTF-8 \
      --auth-local=trust --auth-host=scram-sha-256 >"$PG_DIR/initdb.log" 2>&1 \
      || { say "initdb failed, see $PG_DIR/initdb.log"; exit 1; }
  fi
  if ! is_running; then
    say "starting PostgreSQL on 127.0.0.1:$PG_PORT"
    run_as "$BIN/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $SOCK -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      start >/dev/null \
      || { say "could not start PostgreSQL; last lines of $LOG:"; tail -n 20 "$LOG" >&2; exit 1; }
  fi
  for _ in $(seq 1 60); do
    run_as "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" && break
    sleep 0.5
  done
  run_as "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" || { say "server not ready after 30 s"; exit 1; }
  # The role may create databases: the test suite makes one per test module.
  if [ -z "$(psql_admin -tAc "SELECT 1 FROM pg_roles WHERE rolname = '$PG_USER'")" ]; then
    psql_admin -c "CREATE ROLE \"$PG_USER\" LOGIN CREATEDB PASSWORD '$PG_PASSWORD'"
  fi
  if [ -z "$(psql_admin -tAc "SELECT 1 FROM pg_database WHERE datname = '$PG_DB'")" ]; then
    psql_admin -c "CREATE DATABASE \"$PG_DB\" OWNER \"$PG_USER\" ENCODING 'UTF8'"
  fi
  echo "$URL"
}

stop() {
  BIN=$(find_bin) || { say "PostgreSQL is not installed; nothing to stop"; return 0; }
  if is_running; then
    run_as "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null
    say "stopped"
  else
    say "not running"
  fi
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  status) BIN=$(find_bin) || exit 1; is_running ;;
  url) echo "$URL" ;;
  *) say "usage: $0 [start|stop|status|url]"; exit 2 ;;
esac
