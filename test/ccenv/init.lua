-- ccenv: a CC: Tweaked computer for host-Lua (5.1 / 5.2) busted specs.
--
--   local ccenv = require("ccenv")
--   local pc = ccenv.new{ width = 51, height = 19, colour = true, input = { "line" } }
--   local result = pc:run("prog.lua", "arg1")   -- { ok, error, shutdown }
--   ccenv.new{ multishell = true }                -- an advanced computer: programs run in a
--                                                 -- multishell tab's window (multishell.lua)
--
-- See the report in the repository history / README comments in computer.lua for the API.
local Computer = require("ccenv.computer")

local M = {}

M.TERMINATE = setmetatable({}, { __tostring = function() return "ccenv.TERMINATE" end })

local here = debug.getinfo(1, "S").source:match("^@(.*)[/\\][^/\\]*$") or "."
if here:sub(1, 1) ~= "/" then here = (os.getenv("PWD") or ".") .. "/" .. here end
M.romDir = here .. "/rom"

function M.new(opts)
  return Computer.new(opts, { TERMINATE = M.TERMINATE, romDir = M.romDir })
end

return M
