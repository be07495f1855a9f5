#!/usr/bin/env bash
# npm run bench: builds, starts the test servers, and prints what prompts cost (test/bench.lua).
set -u
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT" || exit 1
. "$ROOT/test/setup.sh"
opencc_setup || exit 1
trap opencc_stop_servers EXIT
npm run build || exit 1
opencc_start_servers 120 || exit 1
for lua in lua5.1 lua5.2; do "$lua" test/bench.lua && "$lua" test/bench_aichat.lua; done
