-- luacheck for the Lua the project writes (test/, src/install/) and, with its own rule, build/.
std = "lua51+lua52"
max_line_length = false
-- Methods keep `self` and callbacks keep the arguments of the API they stand for (CC's fs, term),
-- used or not; an empty branch with a comment says "nothing to do" on purpose.
self = false
unused_args = false
allow_defined_top = false
ignore = { "542" }

-- CC: Tweaked's globals, as programs on a computer see them.
local cc = {
  "bit32", "colors", "colours", "commands", "disk", "fs", "gps", "help", "http", "keys", "multishell",
  "os", "paintutils", "parallel", "peripheral", "pocket", "printError", "print", "read", "rednet",
  "redstone", "rs", "settings", "shell", "sleep", "term", "textutils", "turtle", "vector", "window",
  "write", "_HOST", "_CC_DEFAULT_SETTINGS", "utf8",
}

files["src/install"] = { read_globals = cc }
files["test/craftos"] = { read_globals = cc }
-- ccenv's rom programs run on the computer, as CC's own do.
files["test/ccenv/rom"] = { read_globals = cc }
-- Run inside a ccenv computer, as a CC program.
files["test/spec/ai/fake_libai.lua"] = { read_globals = cc }
files["test/spec"] = { std = "+busted" }
files["test/bench.lua"] = {}
files["test/demo.lua"] = {}

-- build/: TypeScriptToLua output. What matters there is that a program sets no global at all (every
-- program on a computer shares one _G), so only the global-setting warnings are checked.
files["build"] = { read_globals = cc, only = { "111", "112", "121", "122" } }

exclude_files = { "node_modules", "test/.out", ".test-out" }
