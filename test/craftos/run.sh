#!/usr/bin/env bash
# Runs test/craftos/scenarios.lua inside CraftOS-PC, headless, on a fresh data folder: the build
# files and a .settings file are copied onto computer 0, and the verdict is the exit code
# (os.shutdown(failures)) and the PASS/FAIL lines printed. Needs CRAFTOS_PC (the binary) and the
# OPENCC_TEST_* variables of the running test servers; CRAFTOS_ROM may name the ROM folder.
set -u
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
: "${CRAFTOS_PC:?CRAFTOS_PC must name the CraftOS-PC binary}"
: "${OPENCC_TEST_AUTH_URL:?run through npm test, which starts the servers}"
data="$(mktemp -d "${TMPDIR:-/tmp}/opencc-craftos.XXXXXX")"
trap 'rm -rf "$data"' EXIT
computer="$data/computer/0"
mkdir -p "$computer"
cp "$ROOT/build/libai.lua" "$ROOT/build/ai.lua" "$computer/"
cat > "$computer/.settings" <<LUA
{
  [ "opencc.server_url" ] = "$OPENCC_TEST_AUTH_URL",
  [ "opencc.password" ] = "$OPENCC_TEST_PASSWORD",
}
LUA
printf 'return { dead = "%s" }\n' "$OPENCC_TEST_DEAD_URL" > "$computer/scenario-urls.lua"
cp "$ROOT/test/craftos/scenarios.lua" "$computer/scenarios.lua"
args=(--headless --directory "$data" --id 0 --script "$computer/scenarios.lua")
[ -n "${CRAFTOS_ROM:-}" ] && args+=(--rom "$CRAFTOS_ROM")
# Headless CraftOS-PC ignores SIGTERM: stop it with SIGHUP, and kill it 5 s later if need be.
raw="$(timeout -s HUP -k 5 300 "$CRAFTOS_PC" "${args[@]}" 2>&1)"
status=$?
# Headless CraftOS-PC pads each line to the screen width and redraws a line after "\r": keep the
# text after the last "\r" of each line, without trailing blanks. A fresh data folder first prints
# a banner: only the PASS/FAIL lines and the closing count are read.
out="$(printf '%s\n' "$raw" | sed -e 's/[[:space:]]*$//' -e 's/.*\r//' -e 's/[[:space:]]*$//')"
echo "$out" | grep -E '^(PASS|FAIL|[0-9]+ scenarios)' || echo "$out" | tail -n 20
if [ "$status" -ne 0 ] || echo "$out" | grep -q '^FAIL' || ! echo "$out" | grep -q ' 0 failed$'; then
  echo "CraftOS-PC scenarios failed (exit $status)"
  exit 1
fi
