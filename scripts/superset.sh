#!/usr/bin/env bash
# Apache Superset with the shipped lead_scoring dashboard, on 127.0.0.1 only.
#   scripts/superset.sh install       Superset in its own virtual environment (pinned; its
#                                     pins clash with the project's), once
#   scripts/superset.sh setup [URI]   its metadata database, an admin user and roles, then
#                                     the dashboard imported, reading URI read-only (default:
#                                     the published DuckDB copy, duckdb:///<project>/
#                                     lead_scoring_published.duckdb; or a postgresql:// URI)
#   scripts/superset.sh start         the web server (gunicorn), waits until it answers
#   scripts/superset.sh stop          stops it
# Settings from the environment: LEAD_SCORING_SUPERSET_DIR (state: metadata database,
# secret key, admin password, logs; default .superset/state), LEAD_SCORING_SUPERSET_PORT
# (8088), LEAD_SCORING_SUPERSET_SCHEMA (the marts' schema, main),
# LEAD_SCORING_SUPERSET_PASSWORD (the admin's; default: generated once, kept in the state
# directory).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT="$PWD"
VENV="${LEAD_SCORING_SUPERSET_VENV:-$ROOT/.superset/venv}"
export LEAD_SCORING_SUPERSET_DIR="${LEAD_SCORING_SUPERSET_DIR:-$ROOT/.superset/state}"
STATE="$LEAD_SCORING_SUPERSET_DIR"
PORT="${LEAD_SCORING_SUPERSET_PORT:-8088}"
SCHEMA="${LEAD_SCORING_SUPERSET_SCHEMA:-main}"
export SUPERSET_CONFIG_PATH="$ROOT/bi/superset/superset_config.py"
export FLASK_APP=superset
export SUPERSET_HOME="$STATE"

install() {
    local stamp="$VENV/.installed"
    if [ -f "$stamp" ] && [ "$stamp" -nt bi/superset/requirements.txt ] \
        && [ "$stamp" -nt bi/superset/constraints.txt ]; then
        return
    fi
    echo "installing Apache Superset into $VENV (a few minutes, once)"
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet --disable-pip-version-check \
        -r bi/superset/requirements.txt -c bi/superset/constraints.txt
    touch "$stamp"
}

superset() {
    "$VENV/bin/superset" "$@"
}

setup() {
    local uri="${1:-duckdb:///$ROOT/lead_scoring_published.duckdb}"
    install
    mkdir -p "$STATE"
    [ -f "$STATE/secret_key" ] || "$VENV/bin/python" -c \
        "import secrets; print(secrets.token_urlsafe(42))" > "$STATE/secret_key"
    local password="${LEAD_SCORING_SUPERSET_PASSWORD:-}"
    if [ -z "$password" ]; then
        [ -f "$STATE/admin_password" ] || "$VENV/bin/python" -c \
            "import secrets; print(secrets.token_urlsafe(12))" > "$STATE/admin_password"
        password=$(cat "$STATE/admin_password")
    fi
    superset db upgrade >"$STATE/setup.log" 2>&1 || { tail -20 "$STATE/setup.log"; exit 1; }
    # create-admin leaves an existing admin as it is (a rerun keeps its password)
    superset fab create-admin --username admin --firstname Lead --lastname Scoring \
        --email admin@localhost --password "$password" >>"$STATE/setup.log" 2>&1
    superset init >>"$STATE/setup.log" 2>&1 || { tail -20 "$STATE/setup.log"; exit 1; }
    # replaces the dashboard, its charts, datasets and connection imported before (by uuid)
    "$VENV/bin/python" bi/superset/import_dashboard.py --uri "$uri" --schema "$SCHEMA" \
        >>"$STATE/setup.log" 2>&1 || { tail -20 "$STATE/setup.log"; exit 1; }
    # the URI as said, its password masked
    echo "dashboard imported, reading $(echo "$uri" | sed -E 's#(://[^:/@]+):[^@]*@#\1:***@#')" \
        "(log: $STATE/setup.log)"
}

start() {
    stop_server quiet
    "$VENV/bin/gunicorn" --daemon --pid "$STATE/server.pid" --bind "127.0.0.1:$PORT" \
        --workers 2 --threads 4 --timeout 120 --error-logfile "$STATE/server.log" \
        "superset.app:create_app()"
    for _ in $(seq 1 120); do
        if curl --silent --fail "http://127.0.0.1:$PORT/health" >/dev/null; then
            echo "Superset on http://127.0.0.1:$PORT/superset/dashboard/lead-scoring/" \
                "(user admin, password in $STATE/admin_password unless you set one)"
            return
        fi
        sleep 1
    done
    echo "Superset did not answer within 120 s; see $STATE/server.log" >&2
    exit 1
}

stop_server() {
    if [ -f "$STATE/server.pid" ]; then
        # gunicorn removes its pid file as it exits
        local pid
        pid=$(cat "$STATE/server.pid")
        kill "$pid" 2>/dev/null || true
        for _ in $(seq 1 30); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 1
        done
        rm -f "$STATE/server.pid"
        [ "${1:-}" = quiet ] || echo "Superset stopped"
    fi
}

case "${1:-}" in
    install) install ;;
    setup) shift; setup "$@" ;;
    start) start ;;
    stop) stop_server ;;
    *) echo "usage: $0 install | setup [URI] | start | stop" >&2; exit 2 ;;
esac
