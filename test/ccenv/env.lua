-- Builds the global table (_G) a CC computer's programs see.
local compat = require("ccenv.compat")

local M = {}

local function copy(t)
  local r = {}
  for k, v in pairs(t) do r[k] = v end
  return r
end

local function makeUtf8(tu)
  local u = {}
  u.charpattern = "[\0-\x7F\xC2-\xF4][\x80-\xBF]*"
  function u.char(...)
    local out = {}
    for i = 1, select("#", ...) do out[i] = tu.utf8char((select(i, ...))) end
    return table.concat(out)
  end
  local function decode(s, i)
    local b = s:byte(i)
    if not b then return nil end
    if b < 0x80 then return b, i + 1 end
    local n = b >= 0xF0 and 4 or b >= 0xE0 and 3 or b >= 0xC0 and 2 or nil
    if not n then return nil end
    local cp = b % (2 ^ (7 - n))
    for j = 1, n - 1 do
      local c = s:byte(i + j)
      if not c or c < 0x80 or c > 0xBF then return nil end
      cp = cp * 64 + c % 64
    end
    return cp, i + n
  end
  function u.codes(s)
    local i = 1
    return function()
      if i > #s then return nil end
      local start = i
      local cp, nxt = decode(s, i)
      if not cp then error("invalid UTF-8 code", 2) end
      i = nxt
      return start, cp
    end
  end
  function u.codepoint(s, i, j)
    i = i or 1
    j = j or i
    local out, pos = {}, i
    while pos <= j do
      local cp, nxt = decode(s, pos)
      if not cp then error("invalid UTF-8 code", 2) end
      out[#out + 1] = cp
      pos = nxt
    end
    return (table.unpack or unpack)(out)
  end
  function u.len(s, i, j)
    i, j = i or 1, j or -1
    if j < 0 then j = #s + j + 1 end
    local n, pos = 0, i
    while pos <= j do
      local cp, nxt = decode(s, pos)
      if not cp then return nil, pos end
      n, pos = n + 1, nxt
    end
    return n
  end
  return u
end

function M.build(pc)
  local G = {}
  pc.env = G
  G._G = G
  G._HOST = "ComputerCraft 1.109.0 (ccenv)"
  G._VERSION = "Lua 5.2"
  G._CC_DEFAULT_SETTINGS = ""

  for _, name in ipairs({ "assert", "error", "getmetatable", "ipairs", "next", "pairs", "rawequal",
    "rawget", "rawset", "select", "setmetatable", "tonumber", "tostring", "type", "rawlen" }) do
    G[name] = _G[name]
  end
  if not G.rawlen then G.rawlen = function(v) return #v end end
  if setfenv then G.setfenv, G.getfenv = setfenv, getfenv end

  local installHook = function(co) pc:_installHook(co) end
  G.pcall, G.xpcall = compat.makePcall(installHook)
  G.coroutine = compat.makeCoroutine(installHook)
  G.load = compat.makeLoad(G)
  G.loadstring = function(s, name) return G.load(s, name, "t", G) end
  G.unpack = compat.unpack

  G.string = copy(string)
  G.math = copy(math)
  G.table = copy(table)
  G.table.pack = G.table.pack or compat.pack
  G.table.unpack = G.table.unpack or compat.unpack
  G.debug = copy(debug)
  G.bit32 = require("ccenv.bit32")
  G.bit = {
    bnot = G.bit32.bnot, band = G.bit32.band, bor = G.bit32.bor, bxor = G.bit32.bxor,
    brshift = G.bit32.arshift, blshift = G.bit32.lshift, blogic_rshift = G.bit32.rshift,
  }

  -- APIs
  local fsmod = require("ccenv.fs")
  G.fs = fsmod.make(pc.root, pc.romDir)
  local termmod = require("ccenv.term")
  G.term = termmod.makeApi(pc.screen:makeNative())
  G.colours = require("ccenv.colours").make()
  G.colors = G.colours
  G.window = require("ccenv.window").make(G) -- rom/apis/window.lua: on every computer
  G.keys = require("ccenv.keys").make()
  local tu = require("ccenv.textutils")
  G.textutils = tu.make(G, G.load)
  G.utf8 = makeUtf8(tu)
  local bios = require("ccenv.bios")
  G.os = bios.makeOs(pc)
  bios.installGlobals(pc)
  G.settings = require("ccenv.settings").make(G)
  G.parallel = require("ccenv.parallel").make(G)
  G.help = require("ccenv.help").make(G)
  G.peripheral = require("ccenv.peripheral").make(pc)
  if pc.world then G.turtle = require("ccenv.turtle").make(pc) end
  if pc.httpEnabled then
    local httpmod = require("ccenv.http")
    G.http = httpmod.makeApi(pc, pc.httpManager)
  end
  local shellmod = require("ccenv.shell")
  G.shell = shellmod.make(pc) -- also injected per program, like CC's shell does
  G.require, G.package = shellmod.makePackage(pc, G, "")

  -- a small io library over fs / term, like CC's rom/apis/io.lua
  local io_ = {}
  function io_.write(...)
    for i = 1, select("#", ...) do G.write((select(i, ...))) end
  end
  function io_.read(fmt)
    if fmt == nil or fmt == "l" or fmt == "*l" or fmt == "L" or fmt == "*L" then
      local line = G.read()
      if fmt == "L" or fmt == "*L" then line = line .. "\n" end
      return line
    end
    error("Unsupported format", 2)
  end
  function io_.open(path, mode)
    mode = mode or "r"
    local h, err = G.fs.open(path, mode:gsub("%+", ""))
    if not h then return nil, err end
    local f = {}
    function f:read(fmt)
      fmt = fmt or "l"
      if type(fmt) == "number" then return h.read(fmt) end
      fmt = fmt:gsub("^%*", "")
      if fmt == "a" then return h.readAll() or "" end
      if fmt == "l" then return h.readLine() end
      if fmt == "L" then return h.readLine(true) end
      if fmt == "n" then local l = h.readLine() return l and tonumber(l) end
      error("Unsupported format", 2)
    end
    function f:lines(fmt) return function() return f:read(fmt) end end
    function f:write(...)
      for i = 1, select("#", ...) do h.write((select(i, ...))) end
      return f
    end
    function f:flush() if h.flush then h.flush() end end
    function f:seek(w, o) return h.seek and h.seek(w, o) end
    function f:close() h.close() return true end
    return f
  end
  function io_.lines(path)
    if path == nil then return function() return G.read() end end
    local f = assert(io_.open(path, "r"))
    return function()
      local l = f:read("l")
      if l == nil then f:close() end
      return l
    end
  end
  io_.stdout = { write = function(self, ...) io_.write(...) return self end }
  G.io = io_

  return G
end

return M
