#!/usr/bin/env bash
# npm run demo: installs what is missing, builds, starts the test servers (the fake model and
# the real opencode, with a password), runs `ai hello` on an emulated CC computer
# (test/demo.lua) and shows its screen, then stops the servers by their PID.
# Extra arguments replace the prompt. DEMO_LUA picks the host Lua (default lua5.1).
set -u
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT" || exit 1
. "$ROOT/test/setup.sh"
opencc_setup || exit 1

trap opencc_stop_servers EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if ! npm run build; then
  echo "demo: npm run build failed; using the build/ files already there" >&2
fi
opencc_start_servers 120 || exit 1
"${DEMO_LUA:-lua5.1}" test/demo.lua "$@"
