-- Host Lua, run by the build: writes <build>/ai.txt (the `help ai` page the installer fetches)
-- from HELP_PAGE in src/ai/args.ts, taken out of the compiled <build>/ai.lua bundle through its
-- seam (called with a table, a bundle returns its require).
--   lua src/install/helppage.lua build
local build = arg[1] or "build"
package.path = build .. "/?.lua;" .. package.path
-- Only the page's text is read here: nothing is completed, so CC's completion module is not needed.
package.preload["cc.completion"] = function() return {} end
local chunk = assert(loadfile(build .. "/ai.lua"))
local page = chunk({})("args").HELP_PAGE
assert(type(page) == "string" and #page > 0, "no HELP_PAGE in the args module")
local out = assert(io.open(build .. "/ai.txt", "wb"))
out:write(page, "\n")
out:close()
