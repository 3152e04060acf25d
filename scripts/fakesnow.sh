#!/usr/bin/env bash
# fakesnow's server, a Snowflake emulator (Snowflake SQL read by sqlglot, run by DuckDB), for
# tests and local runs on 127.0.0.1 only; the `snowflake_emulated` target of
# profiles/profiles.yml connects to it.
#   scripts/fakesnow.sh start   start it (nothing to do when it already runs), wait until ready
#   scripts/fakesnow.sh stop    stop it and delete its files
# Its databases are in memory; its pid file and log live in $LEAD_SCORING_FAKESNOW_DIR
# (default: .fakesnow/ in the project, git-ignored); it listens on
# $LEAD_SCORING_FAKESNOW_PORT (default 55450).
set -euo pipefail

cd "$(dirname "$0")/.."
FAKESNOW_DIR="${LEAD_SCORING_FAKESNOW_DIR:-$PWD/.fakesnow}"
FAKESNOW_PORT="${LEAD_SCORING_FAKESNOW_PORT:-55450}"
FAKESNOW="${FAKESNOW:-$PWD/.venv/bin/fakesnow}"
PID_FILE="$FAKESNOW_DIR/server.pid"

running() {
    [ -f "$PID_FILE" ] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null
}

listening() {
    (exec 3<>"/dev/tcp/127.0.0.1/$FAKESNOW_PORT") 2>/dev/null
}

start() {
    if running; then
        echo "fakesnow already running on 127.0.0.1:$FAKESNOW_PORT (pid $(cat "$PID_FILE"))"
        return
    fi
    if listening; then
        echo "port $FAKESNOW_PORT is taken by another process: set LEAD_SCORING_FAKESNOW_PORT" >&2
        exit 1
    fi
    mkdir -p "$FAKESNOW_DIR"
    nohup "$FAKESNOW" --server --host 127.0.0.1 --port "$FAKESNOW_PORT" \
        >"$FAKESNOW_DIR/server.log" 2>&1 &
    echo $! >"$PID_FILE"
    for _ in $(seq 1 120); do
        if listening; then
            echo "fakesnow listening on 127.0.0.1:$FAKESNOW_PORT (pid $(cat "$PID_FILE"))"
            return
        fi
        if ! running; then
            echo "fakesnow did not start:" >&2
            cat "$FAKESNOW_DIR/server.log" >&2
            exit 1
        fi
        sleep 0.5
    done
    echo "fakesnow did not listen on 127.0.0.1:$FAKESNOW_PORT within 60 s" >&2
    stop
    exit 1
}

stop() {
    if running; then
        local pid
        pid=$(cat "$PID_FILE")
        kill "$pid"
        for _ in $(seq 1 40); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.25
        done
        kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
    fi
    rm -rf "$FAKESNOW_DIR"
    echo "fakesnow stopped"
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
