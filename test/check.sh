#!/usr/bin/env bash
# npm run check: the type check, ESLint, luacheck, Prettier's format check and the house's limits
# (src/tools/limits.mjs: lines per file and function, import cycles), each reported on its own
# line so one failure does not hide the others. Exits non-zero when any of them fails.
# Fix what it reports: `npm run format` for formatting, `npx eslint --fix .` for what ESLint can
# fix by itself; the rest by hand (the rule's name is in each line).
set -u
cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 1
failed=0
step() {
  local name="$1"
  shift
  if "$@"; then
    echo "check: $name ok"
  else
    echo "check: $name FAILED ($*)"
    failed=1
  fi
}
step "types (libai)" npx --no-install tsc --noEmit -p tsconfig.json
step "types (libai_bridge)" npx --no-install tsc --noEmit -p src/libai_bridge/tsconfig.json
step "types (ai)" npx --no-install tsc --noEmit -p src/ai/tsconfig.json
step "types (aichat)" npx --no-install tsc --noEmit -p src/aichat/tsconfig.json
step "types (bridge)" npx --no-install tsc --noEmit -p src/bridge/tsconfig.json
step "eslint" npx --no-install eslint --max-warnings 0 .
if command -v luacheck >/dev/null 2>&1; then
  step "luacheck" luacheck --no-color -q .
else
  echo "check: luacheck FAILED (not installed: apt-get install lua-check)"
  failed=1
fi
step "limits" node src/tools/limits.mjs
step "format" npx --no-install prettier --check --log-level warn "src/**/*.{ts,mjs,js}" "test/**/*.{mjs,js}" "types/*.d.ts"
exit "$failed"
