-- Host Lua, run by the build: writes <build>/<program>.txt (the `help <program>` page the
-- installer fetches) from HELP_PAGE in src/<program>/help.ts, taken out of the compiled bundle.
--   lua src/install/helppage.lua build [ai|aichat]
local build = arg[1] or "build"
local program = arg[2] or "ai"
local f = assert(io.open(build .. "/" .. program .. ".lua", "rb"))
local src = f:read("*a")
f:close()
local n
src, n = src:gsub('return require%("main"%)%.run%(%.%.%.%)%s*$', "return require")
assert(n == 1, program .. ".lua does not end with the expected bundle entry")
local page = assert((loadstring or load)(src, "=" .. program .. ".lua"))()("help").HELP_PAGE
assert(type(page) == "string" and #page > 0, "no HELP_PAGE in the help module")
local out = assert(io.open(build .. "/" .. program .. ".txt", "wb"))
out:write(page, "\n")
out:close()
