-- opencc installer: puts ai (the program), aichat (the agent in the game chat), libai (the
-- library), libai_bridge (the bridge's side, loaded by libai only when serving the bridge) and
-- the help pages on this computer, and a startup file that defines the opencc.*
-- settings, puts the programs on the shell's path, and gives them tab completion and help pages.
--
--   wget run <base>install.lua [folder] [base]
--
-- folder: where ai.lua and libai.lua go (default /). base: the URL the files are fetched from,
-- ending in "/" (default BASE below: the folder this installer is published in). Run it again to
-- update; settings (.settings, set opencc.*) are never touched.
local BASE = "https://raw.githubusercontent.com/opencc/opencc/main/build/"

local args = { ... }
local dir = "/" .. shell.resolve(args[1] or "/")
local base = args[2] or BASE
if base:sub(-1) ~= "/" then base = base .. "/" end

local function fail(msg)
  printError("Install failed: " .. msg)
  error("", 0)
end

if not http then fail("the http API is disabled on this computer (http.enabled in computercraft-server.toml)") end

-- Each file is checked: fetched whole, not empty, and (Lua files) compiles.
local function download(name)
  local url = base .. name
  local h, err, res = http.get(url, nil, true)
  if not h then
    if res then
      err = "HTTP " .. res.getResponseCode()
      res.close()
    elseif err == "Domain not permitted" then
      err = err .. ": allow the host in [[http.rules]] of computercraft-server.toml"
    end
    fail(url .. ": " .. tostring(err or "no answer"))
  end
  local body = h.readAll() or ""
  h.close()
  if body == "" then fail(url .. ": the file is empty") end
  if name:sub(-4) == ".lua" then
    local ok, why = load(body, "=" .. name)
    if not ok then fail(url .. ": not a Lua file (" .. tostring(why) .. ")") end
  end
  return body
end

local function write(path, data)
  local f, err = fs.open(path, "wb")
  if not f then fail(path .. ": " .. tostring(err)) end
  f.write(data)
  f.close()
end

local prog = fs.combine(dir, "ai.lua")
print((fs.exists(prog) and "Updating" or "Installing") .. " opencc in " .. dir .. " from " .. base)

if fs.exists("/startup") and not fs.isDir("/startup") then
  fail("/startup is a file: make it a folder (move it to /startup/00.lua) and run this again")
end
-- Everything is downloaded and checked before anything is replaced, and written under temporary
-- names first: a failure leaves the old install intact.
local targets = {
  ["libai.lua"] = fs.combine(dir, "libai.lua"),
  ["libai_bridge.lua"] = fs.combine(dir, "libai_bridge.lua"),
  ["ai.lua"] = prog,
  ["ai.txt"] = fs.combine(dir, "help/ai.txt"),
  ["aichat.lua"] = fs.combine(dir, "aichat.lua"),
  ["aichat.txt"] = fs.combine(dir, "help/aichat.txt"),
}
local names = { "libai.lua", "ai.lua", "ai.txt", "libai_bridge.lua", "aichat.lua", "aichat.txt" }
local files = {}
for _, name in ipairs(names) do files[name] = download(name) end
for name, path in pairs(targets) do write(path .. ".new", files[name]) end
for _, name in ipairs(names) do
  local path = targets[name]
  if fs.exists(path) then fs.delete(path) end
  fs.move(path .. ".new", path)
  print("  /" .. path .. " (" .. #files[name] .. " bytes)")
end

-- The bundles' seam: called with a table, a bundle returns its own require, so single modules
-- load without running the program. The settings' definitions are taken from libai's and ai's
-- own modules now, recorded, and written into the startup file as data: at boot it defines
-- them without loading either bundle.
local function modules(path, env)
  local f = fs.open(path, "r")
  local src = f.readAll()
  f.close()
  return load(src, "@/" .. path, "t", env)({})
end
local definitions = {}
local recorder = setmetatable({
  settings = { define = function(name, options) definitions[#definitions + 1] = { name, options } end },
}, { __index = _G })
local ok, why = pcall(function()
  modules(targets["libai.lua"], recorder)("config").defineSettings()
  modules(prog, recorder)("settings").defineSettings()
  modules(targets["aichat.lua"], recorder)("settings").defineChatSettings()
end)
if not ok or #definitions == 0 then fail("could not read the settings from the programs: " .. tostring(why)) end

write("/startup/opencc.lua", ([[
-- opencc (written by the opencc installer): the opencc.* settings defined at boot (so `set`
-- describes and checks them), ai on the shell's path, tab completion and `help ai`.
local dir = %q
for _, d in ipairs(%s) do settings.define(d[1], d[2]) end
local prog = fs.combine(dir, "ai.lua")
local env = setmetatable({}, { __index = _G })
local function bundle(file)
  local f = fs.open(fs.combine(dir, file), "r")
  if not f then return nil end
  local src = f.readAll()
  f.close()
  return load(src, "@/" .. fs.combine(dir, file), "t", env)
end
local libai
function env.require(name)
  if name ~= "libai" then return require(name) end
  libai = libai or bundle("libai.lua")("libai")
  return libai
end
if not (":" .. shell.path() .. ":"):find(":" .. dir .. ":", 1, true) then shell.setPath(shell.path() .. ":" .. dir) end
help.setPath(help.path() .. ":/" .. fs.combine(dir, "help"))
local complete
shell.setCompletionFunction(prog, function(sh, index, text, previous)
  if complete == nil then
    complete = false
    pcall(function() complete = bundle("ai.lua")({})("complete").complete end)
  end
  if not complete then return {} end
  local ok, r = pcall(complete, sh, index, text, previous)
  return ok and r or {}
end)

shell.setCompletionFunction(fs.combine(dir, "aichat.lua"), function(sh, index, text)
  local out = {}
  if index ~= 1 then return out end
  for _, flag in ipairs({ "--help", "--version" }) do
    if #flag > #text and flag:sub(1, #text) == text then out[#out + 1] = flag:sub(#text + 1) end
  end
  return out
end)
]]):format(dir, textutils.serialise(definitions)))

shell.run("/startup/opencc.lua")
print("Done. Next: set opencc.server_url http://<host>:4096")
print("then: ai hello   (help ai, ai --doctor)")
print("In the game chat: aichat   (help aichat)")
if dir ~= "/" then
  print('Other programs: package.path = "' .. dir .. '/?.lua;" .. package.path before require("libai")')
end
