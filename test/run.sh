#!/usr/bin/env bash
# The test command (npm test). Installs what is missing, builds, starts the real opencode
# servers and the fake model, runs the busted specs under lua5.1 and lua5.2, then the CraftOS-PC
# scenarios when CRAFTOS_PC is set, and opencc-bridge's node tests (test/bridge).
# Extra arguments go to busted (a spec path, --filter=...).
# Ends with one line "N passed, N failed"; exits non-zero when anything failed.
set -u
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT" || exit 1
. "$ROOT/test/setup.sh"

opencc_setup || exit 1

passed=0
failed=0
COUNTS_DIR="$(mktemp -d "${TMPDIR:-/tmp}/opencc-counts.XXXXXX")"
cleanup() {
  opencc_stop_servers
  rm -rf "$COUNTS_DIR"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

echo "== build"
if npm run build; then
  echo "build: ok"
else
  echo "build: FAILED (npm run build); specs that need build/ will fail"
  failed=$((failed + 1))
fi

echo "== servers"
t0=$(date +%s%N)
opencc_start_servers 120 || { echo "0 passed, $((failed + 1)) failed"; exit 1; }
echo "servers: ready in $(( ($(date +%s%N) - t0) / 1000000 )) ms"

for lua in lua5.1 lua5.2; do
  echo "== busted ($lua)"
  counts="$COUNTS_DIR/$lua"
  OPENCC_BUSTED_COUNTS="$counts" "$lua" /usr/bin/busted "$@"
  status=$?
  if [ -f "$counts" ]; then
    read -r p f < "$counts"
    passed=$((passed + p))
    failed=$((failed + f))
    if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then
      echo "busted ($lua) exited with $status"
      failed=$((failed + 1))
    fi
  else
    echo "busted ($lua) did not report its counts (exit $status)"
    failed=$((failed + 1))
  fi
done

echo "== bridge and build tools (node --test)"
# opencc-bridge's own tests and the build tools' (Node's test runner); their counts join the closing line.
if [ "$#" -eq 0 ] || [ "${OPENCC_NODE_TESTS:-}" = "1" ]; then
  node_out="$COUNTS_DIR/node-test.out"
  node --test "$ROOT/test/bridge/" "$ROOT/test/tools/" > "$node_out" 2>&1
  node_status=$?
  grep -E "^not ok|^# (pass|fail)" "$node_out"
  np=$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$node_out" | tail -1)
  nf=$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$node_out" | tail -1)
  if [ -n "$np" ] && [ -n "$nf" ]; then
    passed=$((passed + np))
    failed=$((failed + nf))
    if [ "$node_status" -ne 0 ] && [ "$nf" -eq 0 ]; then
      echo "node --test exited with $node_status"
      failed=$((failed + 1))
    fi
  else
    tail -20 "$node_out"
    echo "node --test did not report its counts (exit $node_status)"
    failed=$((failed + 1))
  fi
else
  echo "bridge: skipped (a spec was named; OPENCC_NODE_TESTS=1 runs them too)"
fi

echo "== CraftOS-PC"
if [ -n "${CRAFTOS_PC:-}" ]; then
  if [ -f "$ROOT/test/craftos/run.sh" ]; then
    if bash "$ROOT/test/craftos/run.sh"; then
      echo "CraftOS-PC: passed"
      passed=$((passed + 1))
    else
      echo "CraftOS-PC: FAILED"
      failed=$((failed + 1))
    fi
  else
    echo "CraftOS-PC: FAILED (test/craftos/run.sh does not exist)"
    failed=$((failed + 1))
  fi
else
  echo "CraftOS-PC: skipped (CRAFTOS_PC is not set)"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
