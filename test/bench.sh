#!/usr/bin/env bash
# npm run bench: builds, starts the test servers, and prints what waiting for a reply costs beside
# its anchors (test/bench.lua, test/bench-anchor.mjs), aichat with a crowd (test/bench_aichat.lua)
# and live replies through the bridge (test/bench_live.lua), in one run of a few minutes.
set -u
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT" || exit 1
. "$ROOT/test/setup.sh"
opencc_setup || exit 1
trap opencc_stop_servers EXIT
npm run build || exit 1
opencc_start_servers 120 || exit 1
lua5.2 test/bench.lua && lua5.1 test/bench_aichat.lua && lua5.2 test/bench_live.lua
