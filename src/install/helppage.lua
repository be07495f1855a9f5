-- Host Lua, run by the build: writes <build>/<program>.txt (the `help <program>` page the
-- installer fetches) from HELP_PAGE in the program's bundle, taken out through its seam (called
-- with a table, a bundle returns its require). ai keeps its page in "args", aichat in "help".
--   lua src/install/helppage.lua build [ai|aichat]
local build = arg[1] or "build"
local program = arg[2] or "ai"
local module = program == "ai" and "args" or "help"
package.path = build .. "/?.lua;" .. package.path
-- Only the page's text is read here: nothing is completed, so CC's completion module is not needed.
package.preload["cc.completion"] = function() return {} end
local chunk = assert(loadfile(build .. "/" .. program .. ".lua"))
local page = chunk({})(module).HELP_PAGE
assert(type(page) == "string" and #page > 0, "no HELP_PAGE in the " .. module .. " module of " .. program)
local out = assert(io.open(build .. "/" .. program .. ".txt", "wb"))
out:write(page, "\n")
out:close()
