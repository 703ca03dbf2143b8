#!/usr/bin/env bash
# Start a local Prefect server (API + UI) and serve the newsdesk deployments against it.
#
#   scripts/serve.sh            (what `make serve` runs; Ctrl-C stops both, cleanly)
#
# Environment (all optional):
#   NEWSDESK_PREFECT_PORT   port of the server on 127.0.0.1 (default 4200)
#   PREFECT_HOME            Prefect's state (its SQLite database, logs) (default warehouse/.prefect)
#   NEWSDESK_INBOX          folder the scheduled runs read (default warehouse/inbox)
#   NEWSDESK_WAREHOUSE      DuckDB file (default warehouse/news.duckdb)
#   NEWSDESK_SCHEDULE       cron schedule of the inbox deployment (default "*/15 * * * *")
#   NEWSDESK_SERVER_START_TIMEOUT  seconds to wait for the server to answer (default 120)
#   NEWSDESK_VENV           virtualenv holding newsdesk and prefect (default .venv)
#
# Shutdown order on Ctrl-C / SIGTERM: the serving process first (it pauses the schedules through
# the API, so the server must still be up), then the server; each gets a bounded time before KILL.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

HOST=127.0.0.1
PORT="${NEWSDESK_PREFECT_PORT:-4200}"
VENV="${NEWSDESK_VENV:-$ROOT/.venv}"
PY="$VENV/bin/python"
PREFECT="$VENV/bin/prefect"
START_TIMEOUT="${NEWSDESK_SERVER_START_TIMEOUT:-120}"
export PREFECT_HOME="${PREFECT_HOME:-$ROOT/warehouse/.prefect}"
export PREFECT_SERVER_ANALYTICS_ENABLED=false
export PREFECT_API_URL="http://$HOST:$PORT/api"
# where the UI (in the browser) calls the API: it defaults to 127.0.0.1:4200 whatever --port says
export PREFECT_UI_API_URL="$PREFECT_API_URL"
UI_URL="http://$HOST:$PORT"

for exe in "$PY" "$PREFECT"; do
  [[ -x "$exe" ]] || { echo "serve: $exe not found: run \`make install\` first" >&2; exit 2; }
done
mkdir -p "$PREFECT_HOME"
SERVER_LOG="$PREFECT_HOME/server.log"

# Is something already listening on the port? (a second `make serve`, another Prefect server …)
if "$PY" - "$HOST" "$PORT" <<'EOF'
import socket, sys
s = socket.socket()
s.settimeout(1)
sys.exit(0 if s.connect_ex((sys.argv[1], int(sys.argv[2]))) == 0 else 1)
EOF
then
  echo "serve: port $PORT on $HOST is already in use; stop what holds it or set NEWSDESK_PREFECT_PORT" >&2
  exit 2
fi

SERVER_PID=""
SERVE_PID=""

# stop PID SIGNAL SECONDS: signal the process group PID leads, wait (bounded), then KILL the group.
stop() {
  local pid="$1" sig="$2" secs="$3"
  [[ -n "$pid" ]] || return 0
  kill -"$sig" -- "-$pid" 2>/dev/null || kill -"$sig" "$pid" 2>/dev/null || return 0
  local waited=0
  while kill -0 "$pid" 2>/dev/null && [[ "$(ps -o stat= -p "$pid" 2>/dev/null)" != Z* ]]; do
    if (( waited >= secs * 5 )); then
      echo "serve: process $pid did not stop within ${secs}s; killing it" >&2
      kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
      break
    fi
    sleep 0.2
    waited=$((waited + 1))
  done
  wait "$pid" 2>/dev/null || true
  kill -KILL -- "-$pid" 2>/dev/null || true   # anything left in its group (e.g. an orphaned flow run)
}

cleanup() {
  local code="${1:-0}"
  trap '' INT TERM      # a second Ctrl-C does not interrupt the (bounded) shutdown
  trap - EXIT
  echo "serve: stopping (the deployments' schedules are paused first) …" >&2
  stop "$SERVE_PID" INT 30
  stop "$SERVER_PID" TERM 20
  echo "serve: stopped" >&2
  exit "$code"
}
trap 'cleanup 130' INT
trap 'cleanup 143' TERM
trap 'cleanup $?' EXIT

# Each child leads its own process group (setsid), so a terminal Ctrl-C reaches only this script,
# which then stops them in order.
echo "serve: starting the Prefect server on $UI_URL (PREFECT_HOME=$PREFECT_HOME, log $SERVER_LOG)"
setsid "$PREFECT" server start --host "$HOST" --port "$PORT" >"$SERVER_LOG" 2>&1 &
SERVER_PID=$!

# The serving process starts at once: its imports overlap the server's start-up, and it waits
# (bounded, NEWSDESK_SERVER_START_TIMEOUT) for the API before registering the deployments.
setsid "$PY" -m newsdesk.flows.serve "$@" &
SERVE_PID=$!

deadline=$((SECONDS + START_TIMEOUT))
until "$PY" -c "import sys, urllib.request; sys.exit(0 if urllib.request.urlopen('$PREFECT_API_URL/health', timeout=2).read().strip() == b'true' else 1)" 2>/dev/null; do
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then
    echo "serve: the Prefect server exited while starting; last lines of $SERVER_LOG:" >&2
    tail -n 20 "$SERVER_LOG" >&2
    exit 1
  fi
  if (( SECONDS >= deadline )); then
    echo "serve: the Prefect server did not answer $PREFECT_API_URL/health within ${START_TIMEOUT}s; see $SERVER_LOG" >&2
    exit 1
  fi
  sleep 0.5
done
echo "serve: Prefect UI at $UI_URL  (deployments: $UI_URL/deployments)"

set +e
wait "$SERVE_PID"
code=$?
set -e
echo "serve: the serving process exited with status $code" >&2
cleanup "$code"
