#!/usr/bin/env bash
# Checks and installs what the tests need: node_modules (npm install) and the Debian packages
# lua5.1 lua5.2 lua-busted lua-socket lua-dkjson lua-check (npm run check) curl (event-stream specs). Sourced by test/run.sh and test/demo.sh;
# run on its own it just checks. Exits (or returns) non-zero with the exact fix when it cannot.
set -u
OPENCC_ROOT="${OPENCC_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
OPENCC_DEB_PACKAGES="lua5.1 lua5.2 lua-busted lua-socket lua-dkjson lua-check curl"

opencc_setup() {
  cd "$OPENCC_ROOT" || return 1
  if ! command -v node >/dev/null 2>&1; then
    echo "setup: node is not installed (Node.js 18 or newer is needed)" >&2
    return 1
  fi
  # npm ls fails when a dependency of package.json is missing (a clone, or a pull that added one).
  if [ ! -d node_modules/opencode-ai ] || ! npm ls --depth=0 >/dev/null 2>&1; then
    echo "setup: node_modules missing or out of date; running npm install --no-audit --no-fund" >&2
    npm install --no-audit --no-fund || { echo "setup: npm install failed" >&2; return 1; }
  fi
  local missing=""
  local pkg
  for pkg in $OPENCC_DEB_PACKAGES; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
      missing="$missing $pkg"
    fi
  done
  if [ -n "$missing" ]; then
    if [ "$(id -u)" = "0" ]; then
      echo "setup: installing Debian packages:$missing" >&2
      apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y $missing \
        || { echo "setup: apt-get install failed" >&2; return 1; }
    else
      echo "setup: missing Debian packages:$missing" >&2
      echo "setup: run: sudo apt-get update && sudo apt-get install -y$missing" >&2
      return 1
    fi
  fi
  if [ ! -x /usr/bin/busted ]; then
    echo "setup: /usr/bin/busted not found (Debian package lua-busted)" >&2
    return 1
  fi
  return 0
}

# Starts test/servers/start.mjs in the background. Sets OPENCC_SUPERVISOR_PID and exports the
# OPENCC_TEST_* variables. $1: timeout in seconds (default 120).
opencc_start_servers() {
  local timeout="${1:-120}"
  OPENCC_ENV_FILE="$(mktemp -u "${TMPDIR:-/tmp}/opencc-test-env.XXXXXX")"
  node "$OPENCC_ROOT/test/servers/start.mjs" "$OPENCC_ENV_FILE" --parent "$$" &
  OPENCC_SUPERVISOR_PID=$!
  local waited=0
  while [ ! -f "$OPENCC_ENV_FILE" ]; do
    if ! kill -0 "$OPENCC_SUPERVISOR_PID" 2>/dev/null; then
      echo "servers: the test servers failed to start (see the messages above)" >&2
      OPENCC_SUPERVISOR_PID=""
      return 1
    fi
    if [ "$waited" -ge $((timeout * 10)) ]; then
      echo "servers: not ready after ${timeout} s; stopping them" >&2
      opencc_stop_servers
      return 1
    fi
    sleep 0.1
    waited=$((waited + 1))
  done
  # shellcheck disable=SC1090
  . "$OPENCC_ENV_FILE"
  return 0
}

# Stops the supervisor (which stops its servers) by its PID, waiting up to 15 s.
opencc_stop_servers() {
  if [ -n "${OPENCC_SUPERVISOR_PID:-}" ] && kill -0 "$OPENCC_SUPERVISOR_PID" 2>/dev/null; then
    kill -TERM "$OPENCC_SUPERVISOR_PID" 2>/dev/null
    local i=0
    while kill -0 "$OPENCC_SUPERVISOR_PID" 2>/dev/null && [ "$i" -lt 150 ]; do
      sleep 0.1
      i=$((i + 1))
    done
    kill -0 "$OPENCC_SUPERVISOR_PID" 2>/dev/null && kill -KILL "$OPENCC_SUPERVISOR_PID" 2>/dev/null
  fi
  OPENCC_SUPERVISOR_PID=""
  [ -n "${OPENCC_ENV_FILE:-}" ] && rm -f "$OPENCC_ENV_FILE"
  return 0
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  opencc_setup && echo "setup: everything needed is installed"
fi
