#!/usr/bin/env bash
# A throwaway PostgreSQL server for tests and local runs, on 127.0.0.1 only.
#   scripts/postgres.sh start   install (Debian's package) if missing, init a cluster, start it
#   scripts/postgres.sh stop    stop it and delete its data directory
# The cluster lives in $LEAD_SCORING_PG_DIR (default: .postgres/ in the project, git-ignored)
# and listens on $LEAD_SCORING_PG_PORT (default 55432). The role and database match the
# `postgres` target of profiles/profiles.yml.
set -euo pipefail

cd "$(dirname "$0")/.."
PG_DIR="${LEAD_SCORING_PG_DIR:-$PWD/.postgres}"
PG_PORT="${LEAD_SCORING_PG_PORT:-55432}"
PG_USER="${LEAD_SCORING_PG_USER:-lead_scoring}"
PG_PASSWORD="${LEAD_SCORING_PG_PASSWORD:-lead_scoring}"
PG_DATABASE="${LEAD_SCORING_PG_DATABASE:-lead_scoring}"

pg_bin() {
    local found
    found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    [ -n "$found" ] && echo "$found"
}

install_postgres() {
    if [ -z "$(pg_bin)" ]; then
        echo "installing PostgreSQL from Debian's packages"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq postgresql >/dev/null
    fi
}

# initdb and the server refuse to run as root: run them as the package's postgres user
as_owner() {
    if [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

start() {
    install_postgres
    local bin
    bin=$(pg_bin)
    mkdir -p "$PG_DIR"
    [ "$(id -u)" = 0 ] && chown postgres "$PG_DIR"
    if [ ! -f "$PG_DIR/data/PG_VERSION" ]; then
        as_owner "$bin/initdb" -D "$PG_DIR/data" -U postgres --auth=trust >/dev/null
    fi
    as_owner "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w \
        -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR -c fsync=off" start >/dev/null
    as_owner "$bin/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -qtAc \
        "select 1 from pg_roles where rolname = '$PG_USER'" | grep -q 1 ||
        as_owner "$bin/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -qc \
            "create role $PG_USER login password '$PG_PASSWORD'"
    as_owner "$bin/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -qtAc \
        "select 1 from pg_database where datname = '$PG_DATABASE'" | grep -q 1 ||
        as_owner "$bin/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -qc \
            "create database $PG_DATABASE owner $PG_USER"
    echo "PostgreSQL listening on 127.0.0.1:$PG_PORT (database $PG_DATABASE, role $PG_USER)"
}

stop() {
    local bin
    bin=$(pg_bin) || true
    if [ -n "$bin" ] && [ -f "$PG_DIR/data/postmaster.pid" ]; then
        as_owner "$bin/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null || true
    fi
    rm -rf "$PG_DIR"
    echo "PostgreSQL stopped"
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
