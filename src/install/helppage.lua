-- Host Lua, run by the build: writes <build>/ai.txt (the `help ai` page the installer fetches)
-- from HELP_PAGE in src/ai/help.ts, taken out of the compiled <build>/ai.lua bundle.
--   lua src/install/helppage.lua build
local build = arg[1] or "build"
local f = assert(io.open(build .. "/ai.lua", "rb"))
local src = f:read("*a")
f:close()
local n
src, n = src:gsub('return require%("main"%)%.run%(%.%.%.%)%s*$', "return require")
assert(n == 1, "ai.lua does not end with the expected bundle entry")
local page = assert((loadstring or load)(src, "=ai.lua"))()("help").HELP_PAGE
assert(type(page) == "string" and #page > 0, "no HELP_PAGE in the help module")
local out = assert(io.open(build .. "/ai.txt", "wb"))
out:write(page, "\n")
out:close()
